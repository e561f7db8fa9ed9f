import { caseRef, StaffRole } from '@hearth/domain';
import { eventually, Harness } from './hearth-harness';
import { HouseholdJourney, TaskJson } from './household-journey';

/** A referral with consent, as a caseworker records it. */
export const REFERRAL = {
  fullName: 'Hana Kamal',
  dateOfBirth: '2018-04-09',
  sex: 'female',
  languages: ['ckb'],
  referralSource: 'child-protection-mobile-team',
  referredOn: '2026-12-01',
  consent: { givenBy: 'parent', givenOn: '2026-12-01' },
  lookedAfterOn: '2026-12-01',
  legalBasis: 'court-sponsorship',
};
export const CARE_PLAN = { placementType: 'short-term', untilEighteen: false, needs: 'a settled routine, school near her family' };

/** Drives a child's case through the API only, as each role in turn. */
export class ChildJourney {
  childId = '';
  private readonly staff: HouseholdJourney;

  constructor(private readonly hearth: Harness) {
    this.staff = new HouseholdJourney(hearth);
  }

  auth = (who: StaffRole | { username: string }) => this.staff.auth(who);
  token = (who: StaffRole | { username: string }) => this.staff.token(who);

  async refer(changes: Record<string, unknown> = {}): Promise<string> {
    const response = await this.hearth.http.post('/children').set(await this.auth('caseworker')).send({ ...REFERRAL, ...changes }).expect(201);
    this.childId = response.body.id;
    return this.childId;
  }

  async view(who: StaffRole = 'caseworker') {
    return (await this.hearth.http.get(`/children/${this.childId}`).set(await this.auth(who)).expect(200)).body;
  }

  async openTasks(type: string): Promise<TaskJson[]> {
    return eventually(async () => {
      const response = await this.hearth.http.get('/tasks').query({ caseRef: caseRef('child', this.childId), type, status: 'open' }).set(await this.auth('team-manager')).expect(200);
      return response.body.items.length ? (response.body.items as TaskJson[]) : undefined;
    }, 20_000, `an open ${type} task`);
  }

  complete(taskId: string, token: string, outcome: string, data?: object, key?: string) {
    return this.staff.complete(taskId, token, outcome, data, key);
  }

  async do(type: string, who: StaffRole, outcome: string, data?: object) {
    const [task] = await this.openTasks(type);
    return this.complete(task.id, await this.token(who), outcome, data).expect(200);
  }

  async waitForStage(stage: string): Promise<void> {
    await eventually(async () => ((await this.view()).stage === stage ? true : undefined), 20_000, `stage ${stage}`);
  }

  /** Care plan, proposal of this household, the team manager's approval: the child is placed. */
  async placeWith(householdId: string): Promise<string> {
    await this.do('write-care-plan', 'caseworker', 'plan-agreed', CARE_PLAN);
    await this.do('propose-match', 'caseworker', 'proposed', { householdId, reasons: 'near school, speaks Sorani' });
    await this.do('approve-match', 'team-manager', 'approve-match', { reasons: 'a good match' });
    await this.waitForStage('placed');
    return (await this.view()).placements.at(-1).id;
  }
}
