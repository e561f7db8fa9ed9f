import { panelMembershipBreach, separationOfDutiesBreach } from './separation-of-duties';
import { CaseParticipation } from './participation';

describe('separation of duties', () => {
  const participation: CaseParticipation = {
    panelChairIds: ['chair'],
    panelMemberIds: ['member'],
    supervisingCaseworkerIds: ['supervisor'],
    completedBy: { 'assessment-report': ['assessor'], 'medical-check': ['checker'], 'background-check': ['police-checker'] },
  };

  it('refuses a decision maker who took part in the case in any way', () => {
    expect(separationOfDutiesBreach('chair', 'make-decision', participation)).toMatch(/chaired the panel/);
    expect(separationOfDutiesBreach('member', 'make-decision', participation)).toMatch(/sat on the panel/);
    expect(separationOfDutiesBreach('assessor', 'make-decision', participation)).toMatch(/assessed/);
    expect(separationOfDutiesBreach('supervisor', 'make-decision', participation)).toMatch(/supervising caseworker/);
    expect(separationOfDutiesBreach('checker', 'make-decision', participation)).toMatch(/stage 1 check/);
    expect(separationOfDutiesBreach('police-checker', 'make-decision', participation)).toMatch(/stage 1 check/);
    expect(separationOfDutiesBreach('someone-else', 'make-decision', participation)).toBeNull();
  });

  it('reads participation recorded before chairs and supervisors were kept apart', () => {
    const older: CaseParticipation = { panelMemberIds: ['chair', 'member'], completedBy: {} };
    expect(separationOfDutiesBreach('chair', 'make-decision', older)).toMatch(/sat on the panel/);
  });

  it("refuses the assessor recording the panel's recommendation", () => {
    expect(separationOfDutiesBreach('assessor', 'record-panel-recommendation', participation)).toMatch(/assessor/);
    expect(separationOfDutiesBreach('chair', 'record-panel-recommendation', participation)).toBeNull();
  });

  it('refuses a manager approving stage 1 work they did themselves', () => {
    expect(separationOfDutiesBreach('checker', 'decide-stage-2', participation)).toMatch(/own work/);
    expect(separationOfDutiesBreach('manager', 'decide-stage-2', participation)).toBeNull();
  });

  it("keeps the case's assessor and supervising caseworker off its panel", () => {
    expect(panelMembershipBreach(['chair', 'assessor'], participation)).toMatch(/assessed/);
    expect(panelMembershipBreach(['supervisor'], participation)).toMatch(/supervising caseworker/);
    expect(panelMembershipBreach(['chair', 'member'], participation)).toBeNull();
  });
});
