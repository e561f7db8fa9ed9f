import { separationOfDutiesBreach } from './separation-of-duties';

describe('separation of duties', () => {
  const participation = {
    panelMemberIds: ['chair', 'member'],
    completedBy: { 'assessment-report': ['assessor'], 'medical-check': ['caseworker'] },
  };

  it('refuses a decision maker who sat on the panel, and the assessor', () => {
    expect(separationOfDutiesBreach('member', 'make-decision', participation)).toMatch(/member of the panel/);
    expect(separationOfDutiesBreach('chair', 'make-decision', participation)).toMatch(/member of the panel/);
    expect(separationOfDutiesBreach('assessor', 'make-decision', participation)).toMatch(/assessor/);
    expect(separationOfDutiesBreach('someone-else', 'make-decision', participation)).toBeNull();
  });

  it("refuses the assessor recording the panel's recommendation", () => {
    expect(separationOfDutiesBreach('assessor', 'record-panel-recommendation', participation)).toMatch(/assessor/);
    expect(separationOfDutiesBreach('chair', 'record-panel-recommendation', participation)).toBeNull();
  });

  it('refuses a manager approving stage 1 work they did themselves', () => {
    expect(separationOfDutiesBreach('caseworker', 'decide-stage-2', participation)).toMatch(/own work/);
    expect(separationOfDutiesBreach('manager', 'decide-stage-2', participation)).toBeNull();
  });
});
