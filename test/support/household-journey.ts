import { caseRef } from '@hearth/domain';
import { StaffRole } from '@hearth/domain';
import { eventually, Harness } from './hearth-harness';

export interface TaskJson {
  id: string;
  type: string;
  status: string;
  assigneeId: string | null;
  dueAt: string;
  dueDate: string;
  overdue: boolean;
  cancelReason: string | null;
  ruleId: string;
}

export const TERMS = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term', 'emergency'], languages: ['ckb', 'ar'] };
/** An approval's form: the terms and the reasons for them. */
export const APPROVAL = { terms: TERMS, reasons: 'the household meets the standards for these children' };

/** Drives a household through the API only, as each role in turn, the way staff would. */
export class HouseholdJourney {
  private tokens = new Map<string, string>();
  householdId = '';

  constructor(private readonly hearth: Harness) {}

  async token(who: StaffRole | { username: string }): Promise<string> {
    const key = typeof who === 'string' ? who : who.username;
    if (!this.tokens.has(key)) this.tokens.set(key, await this.hearth.login(who));
    return this.tokens.get(key)!;
  }

  auth = async (who: StaffRole | { username: string }) => ({ authorization: `Bearer ${await this.token(who)}` });

  async recordEnquiry(): Promise<string> {
    const response = await this.hearth.http
      .post('/households')
      .set(await this.auth('caseworker'))
      .send({ primaryContactName: 'Journey Family', preferredLanguage: 'ckb', area: 'Erbil' })
      .expect(201);
    this.householdId = response.body.id;
    return this.householdId;
  }

  /** Every task of the case, as a team manager sees them. */
  async tasks(): Promise<TaskJson[]> {
    const response = await this.hearth.http
      .get('/tasks')
      .query({ caseRef: caseRef('household', this.householdId), status: 'open', limit: 100 })
      .set(await this.auth('team-manager'))
      .expect(200);
    const done = await this.hearth.http
      .get('/tasks')
      .query({ caseRef: caseRef('household', this.householdId), status: 'completed', limit: 100 })
      .set(await this.auth('team-manager'))
      .expect(200);
    const cancelled = await this.hearth.http
      .get('/tasks')
      .query({ caseRef: caseRef('household', this.householdId), status: 'cancelled', limit: 100 })
      .set(await this.auth('team-manager'))
      .expect(200);
    return [...response.body.items, ...done.body.items, ...cancelled.body.items];
  }

  async openTasks(type: string, count = 1): Promise<TaskJson[]> {
    return eventually(async () => {
      const open = (await this.tasks()).filter((task) => task.type === type && task.status === 'open');
      return open.length >= count ? open : undefined;
    }, 20_000, `${count} open ${type} task(s)`);
  }

  complete(taskId: string, token: string, outcome: string, data?: object, key = `journey-${taskId}`) {
    return this.hearth.http
      .post(`/tasks/${taskId}/complete`)
      .set({ authorization: `Bearer ${token}` })
      .set('Idempotency-Key', key)
      .send({ outcome, ...(data ? { data } : {}) });
  }

  async do(type: string, who: StaffRole | { username: string }, outcome: string, data?: object, count = 1): Promise<void> {
    for (const task of await this.openTasks(type, count)) await this.complete(task.id, await this.token(who), outcome, data).expect(200);
  }

  async stage(): Promise<string> {
    const response = await this.hearth.http.get(`/households/${this.householdId}`).set(await this.auth('caseworker')).expect(200);
    return response.body.stage;
  }

  async waitForStage(stage: string): Promise<void> {
    await eventually(async () => ((await this.stage()) === stage ? true : undefined), 20_000, `stage ${stage}`);
  }

  /** Enquiry, visit and application: stage 1 starts. */
  async toStageOne(): Promise<void> {
    await this.recordEnquiry();
    await this.do('respond-to-enquiry', 'caseworker', 'visit-arranged');
    await this.do('initial-home-visit', 'caseworker', 'invite-application');
    await this.do('receive-application', 'caseworker', 'application-received');
    await this.waitForStage('stage-1');
  }

  /** Every stage 1 check, then the manager's go-ahead: stage 2 starts. */
  async throughStageOne(adults = 1): Promise<void> {
    await this.do('background-check', 'caseworker', 'satisfactory', undefined, adults);
    await this.do('personal-reference', 'caseworker', 'satisfactory', undefined, 2);
    for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference']) await this.do(type, 'caseworker', 'satisfactory');
    await this.do('decide-stage-2', 'team-manager', 'proceed-to-stage-2', { reasons: 'every check is satisfactory' });
    await this.waitForStage('stage-2');
  }

  async throughStageTwo(): Promise<void> {
    await this.do('assessment-visits', 'assessor', 'completed');
    await this.do('assessment-report', 'assessor', 'completed');
    await this.do('preparation-training', 'caseworker', 'attended');
    await this.openTasks('book-panel');
  }

  /** Enquiry to "waiting for a panel", every step done in time by the right role. */
  async toPanelBooking(): Promise<void> {
    await this.toStageOne();
    await this.throughStageOne();
    await this.throughStageTwo();
  }

  /** When the panel booked last sits. */
  sittingAt = 0;

  /** A team manager sets up a panel sitting (by default 2 s away) and puts the case on its agenda. */
  async bookPanel(options: { sittingInMs?: number; memberIds?: string[] } = {}): Promise<string> {
    const manager = await this.auth('team-manager');
    this.sittingAt = Date.now() + (options.sittingInMs ?? 2_000);
    const panel = await this.hearth.http
      .post('/panels')
      .set(manager)
      .send({
        sittingAt: new Date(this.sittingAt).toISOString(),
        chairId: this.hearth.users['panel-chair'].id,
        memberIds: options.memberIds ?? [this.hearth.users['panel-member'].id],
      })
      .expect(201);
    await this.hearth.http.post(`/panels/${panel.body.id}/cases`).set(manager).set('Idempotency-Key', `book-${panel.body.id}`).send({ householdId: this.householdId }).expect(200);
    return panel.body.id;
  }

  /** The papers go out; once the panel has sat, its chair records the recommendation. */
  async panelRecommends(outcome: string, data: object): Promise<void> {
    await this.do('send-panel-papers', 'caseworker', 'sent');
    await this.panelHasSat();
    await this.do('record-panel-recommendation', 'panel-chair', outcome, data);
  }

  async panelHasSat(): Promise<void> {
    await eventually(async () => (Date.now() > this.sittingAt ? true : undefined), 10_000, 'the panel sitting');
  }

  async tellApplicant(): Promise<void> {
    await this.do('tell-applicant', 'caseworker', 'told');
    await this.do('tell-applicant-in-writing', 'caseworker', 'letter-sent');
  }
}
