import { adultJoinedUpdate } from '@hearth/workflows/contracts/household.contract';
import { randomUUID } from 'node:crypto';
import { eventually } from './support/hearth-harness';
import { APPROVAL, HouseholdDriver, KitHarness, refusalCode, staff, STAFF, startKit, TERMS } from './support/kit-harness';

/**
 * Carer approval's safeguards, run by the real household workflow on the real Temporal server
 * against in-memory activities: no HTTP, no API, no PostgreSQL.
 */
describe('carer approval, workflow and case kit', () => {
  let kit: KitHarness;

  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  const decide = (family: HouseholdDriver, actor = STAFF.decisionMaker) => family.open('make-decision').then(([task]) => ({ task, actor }));

  it('takes a household to the register with the recommended terms, recording the decision as following the panel', async () => {
    const family = await kit.startHousehold();
    await family.toDecision();
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await family.stage('approved');
    expect(kit.store.register.get(family.householdId)).toEqual(TERMS);
    expect(kit.store.decisions.get(family.householdId)).toEqual({ outcome: 'approve', departs: false });
    const [check] = kit.store.tasksOf(family.ref, 'background-check');
    expect(check.subject).toEqual({ kind: 'household-member', id: expect.any(String) });
    const referees = kit.store.tasksOf(family.ref, 'personal-reference').map((t) => t.subject!);
    expect(referees.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { kind: 'referee', id: '1' },
      { kind: 'referee', id: '2' },
    ]);
  });

  it('flags a decision that departs from the recommended terms', async () => {
    const family = await kit.startHousehold();
    await family.toDecision();
    await family.do('make-decision', STAFF.decisionMaker, 'approve', { ...APPROVAL, terms: { ...TERMS, maxChildren: 1 }, departureReason: 'one child at first' });
    await family.stage('approved');
    expect(kit.store.decisions.get(family.householdId)).toEqual({ outcome: 'approve', departs: true });
  });

  describe('every adult is checked before the decision', () => {
    it('checks an adult who joins in stage 2, and opens the decision only once that check is complete', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      const partner = await family.addMember('adult');
      const [late] = await eventually(async () => {
        const checks = kit.store.openTasks(family.ref, 'background-check');
        return checks.length ? checks : undefined;
      });
      expect(late.subject).toEqual({ kind: 'household-member', id: partner });
      await family.throughStageTwo();
      const { sittingAt } = await family.book();
      await family.recommend('approve', APPROVAL, sittingAt);
      await family.stage('decision');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(kit.store.openTasks(family.ref, 'make-decision')).toEqual([]);
      await family.complete(late, STAFF.caseworker, 'satisfactory');
      await family.open('make-decision');
    });

    it('refuses any decision while a newly joined adult is unchecked, and an approval once their check found concerns', async () => {
      const family = await kit.startHousehold();
      await family.toDecision();
      const { task } = await decide(family);
      await family.addMember('adult');
      const [late] = await family.open('background-check');
      expect(await family.refusal(task, STAFF.decisionMaker, 'approve', APPROVAL)).toBe('conflict');
      expect(await family.refusal(task, STAFF.decisionMaker, 'not-approve', { reasons: 'no' })).toBe('conflict');
      await family.complete(late, STAFF.caseworker, 'concerns');
      await eventually(async () => (kit.store.tasks.get(late.id)!.status === 'completed' ? true : undefined));
      // The team managers are told that a check found concerns.
      await eventually(async () => (kit.store.alerts.get(`check-concerns:${late.id}`)?.kind === 'check-concerns' ? true : undefined));
      expect(await family.refusal(task, STAFF.decisionMaker, 'approve', APPROVAL)).toBe('conflict');
      await family.complete(task, STAFF.decisionMaker, 'not-approve', { reasons: 'the new adult raised concerns' });
      await family.stage('not-approved');
      expect(kit.store.register.has(family.householdId)).toBe(false);
    });

    it('answers that the decision was made to an adult joining after it, and opens no check for them', async () => {
      const family = await kit.startHousehold();
      await family.toDecision();
      await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
      const memberId = randomUUID();
      kit.store.members.push({ id: memberId, householdId: family.householdId, kind: 'adult', comesOfAgeAt: null });
      expect(await family.handle.executeUpdate(adultJoinedUpdate, { args: [{ memberId }] })).toEqual({ afterDecision: true });
      await family.stage('approved');
      expect(kit.store.tasksOf(family.ref, 'background-check').filter((t) => t.subject?.id === memberId)).toEqual([]);
    });

    it('checks a child who has come of age by the decision', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      const child = await family.addMember('child', new Date(Date.now() + 300));
      await family.throughStageTwo();
      const { sittingAt } = await family.book();
      await family.recommend('approve', APPROVAL, sittingAt);
      const [check] = await family.open('background-check');
      expect(check.subject).toEqual({ kind: 'household-member', id: child });
      await family.complete(check, STAFF.caseworker, 'satisfactory');
      await family.open('make-decision');
    });
  });

  describe('the panel', () => {
    it('refuses a booking in the past, without a quorum, with the assessor or the supervising caseworker sitting, or by someone who is not a manager', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      await family.throughStageTwo();
      const code = (booking: Parameters<HouseholdDriver['book']>[0]) => family.book(booking).then(() => 'booked', refusalCode);
      expect(await code({ sittingInMs: -60_000 })).toBe('conflict');
      expect(await code({ memberIds: [] })).toBe('conflict');
      expect(await code({ memberIds: [STAFF.assessor.userId] })).toBe('separation-of-duties');
      expect(await code({ memberIds: [STAFF.caseworker.userId] })).toBe('separation-of-duties');
      expect(await code({ actor: STAFF.caseworker })).toBe('not-permitted');
      expect(await code({})).toBe('booked');
    });

    it('leaves the case bookable when recording a booking fails for good', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      await family.throughStageTwo();
      kit.store.fail('recordPanelBooking', { nonRetryable: true, times: 1 });
      expect(await family.book().then(() => 'booked', (error) => (error as Error).name)).toBe('WorkflowUpdateFailedError');
      const { sittingAt } = await family.book();
      await family.recommend('approve', APPROVAL, sittingAt);
      await family.stage('decision');
    });

    it('moves a case to another sitting before the recommendation: the old sitting\'s tasks are withdrawn and the new one\'s opened', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      await family.throughStageTwo();
      const first = await family.book({ sittingInMs: 60_000 });
      const [oldRecommendation] = await family.open('record-panel-recommendation');
      const second = await family.book({ sittingInMs: 1_500, chairId: STAFF.otherChair.userId });
      await eventually(async () => (kit.store.tasks.get(oldRecommendation.id)!.status === 'cancelled' ? true : undefined));
      expect(kit.store.tasks.get(oldRecommendation.id)!.cancelReason).toMatch(/moved to another panel sitting/);
      expect(kit.store.panelCases.has(`${first.panelId}:${family.householdId}`)).toBe(false);
      expect(await family.refusal(oldRecommendation, STAFF.chair, 'approve', APPROVAL)).toBe('task-closed');
      await family.do('send-panel-papers', STAFF.caseworker, 'sent');
      await eventually(async () => (Date.now() > Date.parse(second.sittingAt) ? true : undefined));
      const [recommendation] = await family.open('record-panel-recommendation');
      expect(recommendation.key).toBe('record-panel-recommendation:c1:s2:recommendation');
      expect(await family.refusal(recommendation, STAFF.chair, 'approve', APPROVAL)).toBe('not-permitted');
      await family.complete(recommendation, STAFF.otherChair, 'approve', APPROVAL);
      await family.stage('decision');
      expect(await family.book().then(() => 'moved', refusalCode)).toBe('conflict');
    });

    it('takes the recommendation only from the booked chair, after the sitting has begun and the papers were sent', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.throughStageOne();
      await family.throughStageTwo();
      const { sittingAt } = await family.book({ sittingInMs: 2_500 });
      const [recommendation] = await family.open('record-panel-recommendation');
      expect(await family.refusal(recommendation, STAFF.chair, 'approve', APPROVAL)).toBe('conflict'); // not sat yet
      await eventually(async () => (Date.now() > Date.parse(sittingAt) ? true : undefined));
      expect(await family.refusal(recommendation, STAFF.chair, 'approve', APPROVAL)).toBe('conflict'); // no papers
      await family.do('send-panel-papers', STAFF.caseworker, 'sent');
      await eventually(async () => (kit.store.openTasks(family.ref, 'send-panel-papers').length === 0 ? true : undefined));
      expect(await family.refusal(recommendation, STAFF.otherChair, 'approve', APPROVAL)).toBe('not-permitted');
      await family.complete(recommendation, STAFF.chair, 'approve', APPROVAL);
      await family.stage('decision');
    });
  });

  describe('moving work (issue 8)', () => {
    it('moves tasks to someone who may hold them: the new holder decides, the former one may not, and a breach is refused with the reason', async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      const checks = await family.open('personal-reference', 2);
      expect((await family.assign(checks, STAFF.otherCaseworker, STAFF.manager)).sort()).toEqual(checks.map((task) => task.id).sort());
      for (const check of checks) expect(kit.store.tasks.get(check.id)!.assigneeId).toBe(STAFF.otherCaseworker.userId);
      expect(await family.refusal(checks[0], STAFF.caseworker, 'satisfactory')).toBe('not-permitted');
      await family.complete(checks[0], STAFF.otherCaseworker, 'satisfactory');
      // Without the task's role, or after doing a stage 1 check, nobody takes the manager's go-ahead.
      const [medical] = await family.open('medical-check');
      expect(await family.assign([medical], STAFF.assessor, STAFF.manager).then(() => 'moved', refusalCode)).toBe('not-permitted');
      const checkerManager = staff('manager-who-checked', 'caseworker', 'team-manager');
      await family.assign([medical], checkerManager, STAFF.manager);
      await family.complete(medical, checkerManager, 'satisfactory');
      await family.complete(checks[1], STAFF.otherCaseworker, 'satisfactory');
      await family.do('background-check', STAFF.caseworker, 'satisfactory');
      for (const type of ['local-authority-check', 'previous-agency-reference'] as const) await family.do(type, STAFF.caseworker, 'satisfactory');
      const [decide] = await family.open('decide-stage-2');
      expect(await family.assign([decide], checkerManager, STAFF.manager).then(() => 'moved', refusalCode)).toBe('separation-of-duties');
      expect(kit.store.tasks.get(decide.id)!.assigneeId).toBeNull();
    });

    it('lets one of two claims win, and a release only by whoever still holds the task', async () => {
      const family = await kit.startHousehold();
      const [respond] = await family.open('respond-to-enquiry');
      const claims = await Promise.all(
        [STAFF.caseworker, STAFF.otherCaseworker].map((who) => family.assign([respond], who, who, 'claimed', null).then(() => 'claimed', refusalCode)),
      );
      expect(claims.sort()).toEqual(['claimed', 'conflict']);
      const holder = kit.store.tasks.get(respond.id)!.assigneeId;
      const other = holder === STAFF.caseworker.userId ? STAFF.otherCaseworker : STAFF.caseworker;
      expect(await family.assign([respond], null, other, 'released', other.userId).then(() => 'released', refusalCode)).toBe('conflict');
      await family.assign([respond], null, staff(holder!, 'caseworker'), 'released', holder);
      expect(kit.store.tasks.get(respond.id)!.assigneeId).toBeNull();
    });

    it("gives a new supervising worker the case's caseworker tasks, open and to come, and refuses one who sat on its panel", async () => {
      const family = await kit.startHousehold();
      await family.toStageOne();
      await family.open('medical-check');
      const moved = await family.supervise(STAFF.otherCaseworker);
      expect(moved.length).toBe(6);
      for (const id of moved) expect(kit.store.tasks.get(id)!.assigneeId).toBe(STAFF.otherCaseworker.userId);
      expect(kit.store.supervisingWorkers.get(family.householdId)).toBe(STAFF.otherCaseworker.userId);
      await family.do('background-check', STAFF.otherCaseworker, 'satisfactory');
      await family.do('personal-reference', STAFF.otherCaseworker, 'satisfactory', undefined, 2);
      for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference'] as const) await family.do(type, STAFF.otherCaseworker, 'satisfactory');
      await family.do('decide-stage-2', STAFF.manager, 'proceed-to-stage-2');
      const [training] = await family.open('preparation-training');
      expect(training.assigneeId).toBe(STAFF.otherCaseworker.userId);

      const booked = await kit.startHousehold();
      await booked.toStageOne();
      await booked.throughStageOne();
      await booked.throughStageTwo();
      await booked.book();
      expect(await booked.supervise(STAFF.member).then(() => 'changed', refusalCode)).toBe('separation-of-duties');
    });
  });

  it('refuses as decision maker anyone who took part in the case', async () => {
    const family = await kit.startHousehold();
    await family.toDecision();
    const { task } = await decide(family);
    for (const userId of [STAFF.caseworker.userId, STAFF.chair.userId, STAFF.member.userId, STAFF.assessor.userId]) {
      expect(await family.refusal(task, staff(userId, 'decision-maker'), 'approve', APPROVAL)).toBe('separation-of-duties');
    }
    await family.complete(task, STAFF.decisionMaker, 'approve', APPROVAL);
    await family.stage('approved');
  });

  describe("exits and the applicant's rights", () => {
    it('lets the agency end an assessment only before the recommendation, and the applicant withdraw only before the decision', async () => {
      const family = await kit.startHousehold();
      await family.toDecision();
      expect(await family.exit('assessment-ended', STAFF.manager).then(() => 'ended', refusalCode)).toBe('conflict');
      const { task } = await decide(family);
      await family.complete(task, STAFF.decisionMaker, 'approve', APPROVAL);
      expect(await family.exit('withdrawn', STAFF.caseworker).then(() => 'withdrawn', refusalCode)).toBe('conflict');
      await family.stage('approved');
      expect(kit.store.register.has(family.householdId)).toBe(true);
    });

    it('never leaves a withdrawn household on the register when a withdrawal races the decision', async () => {
      const family = await kit.startHousehold();
      await family.toDecision();
      const { task } = await decide(family);
      const [decision, withdrawal] = await Promise.allSettled([
        family.complete(task, STAFF.decisionMaker, 'approve', APPROVAL),
        family.exit('withdrawn', STAFF.caseworker),
      ]);
      expect([decision.status, withdrawal.status].sort()).toEqual(['fulfilled', 'rejected']);
      const final = decision.status === 'fulfilled' ? 'approved' : 'withdrawn';
      await family.stage(final);
      // Approved, the case goes on to tell the applicant; withdrawn, it has ended.
      if (final === 'withdrawn') expect(await family.handle.result()).toEqual({ stage: 'withdrawn' });
      else await family.open('tell-applicant');
      expect(kit.store.register.has(family.householdId)).toBe(final === 'approved');
    });

    it('opens no task after the exit, even one being opened when the withdrawal arrived', async () => {
      const family = await kit.startHousehold();
      await family.withdrawWhileOpeningApplication();
      expect(await family.handle.result()).toEqual({ stage: 'withdrawn' });
      expect(kit.store.openTasks(family.ref)).toEqual([]);
    });
  });

  it('gives the applicant a representations period on a proposed refusal where the pack says so, then the decision maker confirms or changes it', async () => {
    const family = await kit.startHousehold('test-england');
    await family.toDecision();
    await family.do('make-decision', STAFF.decisionMaker, 'not-approve', { reasons: 'not yet ready', departureReason: 'the panel was too hopeful' });
    await family.stage('refusal-proposed');
    const [representations] = await family.open('record-representations');
    expect(await family.refusal(representations, STAFF.caseworker, 'none-received')).toBe('conflict');
    await family.complete(representations, STAFF.caseworker, 'representations-made');
    const [confirmation] = await eventually(async () => {
      const open = kit.store.openTasks(family.ref, 'make-decision');
      return open.length ? open : undefined;
    });
    expect(confirmation).toMatchObject({ key: 'confirm-decision:c1', ruleId: 'decision.confirm' });
    await family.complete(confirmation, STAFF.decisionMaker, 'approve', APPROVAL);
    await family.stage('approved');
    expect(kit.store.register.has(family.householdId)).toBe(true);
  });

  it('keeps a case whose step fails for good alive, alerts managers naming the step, and lets an admin retry it', async () => {
    const family = await kit.startHousehold();
    await family.toDecision();
    kit.store.fail('enterCarerRegister', { nonRetryable: true });
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    const [alert] = await eventually(async () => {
      const open = kit.store.openAlerts(family.ref, 'needs-attention');
      return open.length ? open : undefined;
    });
    expect(alert.about).toBe('enter-carer-register');
    expect((await family.handle.describe()).status.name).toBe('RUNNING');
    expect(await family.retry('enter-carer-register', STAFF.manager).then(() => 'retried', refusalCode)).toBe('not-permitted');
    expect(await family.retry('no-such-step', STAFF.admin).then(() => 'retried', refusalCode)).toBe('conflict');
    kit.store.heal('enterCarerRegister');
    await family.retry('enter-carer-register', STAFF.admin);
    await family.stage('approved');
    expect(kit.store.register.has(family.householdId)).toBe(true);
    expect(kit.store.openAlerts(family.ref, 'needs-attention')).toEqual([]);
  });

  it('never lets a reminder that failed for good hold a task back: completing the task drops it and resolves its alert', async () => {
    const family = await kit.startHousehold();
    kit.store.fail('notifyTask', { nonRetryable: true });
    try {
      const [task] = await family.open('respond-to-enquiry');
      await eventually(async () => (kit.store.openAlerts(family.ref, 'needs-attention').length ? true : undefined), 15_000, 'the failed reminder to need attention');
      await family.complete(task, STAFF.caseworker, 'visit-arranged');
      await family.open('initial-home-visit');
      await eventually(async () => (kit.store.openAlerts(family.ref, 'needs-attention').length === 0 ? true : undefined), 10_000, 'the moot alert to be resolved');
    } finally {
      kit.store.heal('notifyTask');
    }
  });

  describe('calendar changes', () => {
    it('applies a change that arrives while a task is being opened to that task', async () => {
      const opens = kit.store.calls.get('openTask') ?? 0;
      const release = kit.store.hold('openTask');
      const family = await kit.startHousehold();
      await eventually(async () => ((kit.store.calls.get('openTask') ?? 0) > opens ? true : undefined));
      const before = kit.store.calls.get('recomputeTaskDeadline') ?? 0;
      await family.handle.signal('deadlinesChanged');
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await family.open('respond-to-enquiry');
      await eventually(async () => ((kit.store.calls.get('recomputeTaskDeadline') ?? 0) > before ? true : undefined), 5_000, 'the new task to be recomputed');
    });

    it('applies two changes that arrive together one after the other', async () => {
      const family = await kit.startHousehold();
      await family.do('respond-to-enquiry', STAFF.caseworker, 'visit-arranged');
      await family.open('initial-home-visit');
      const before = kit.store.calls.get('recomputeTaskDeadline') ?? 0;
      const release = kit.store.hold('recomputeTaskDeadline');
      await Promise.all([family.handle.signal('deadlinesChanged'), family.handle.signal('deadlinesChanged')]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await eventually(async () => ((kit.store.calls.get('recomputeTaskDeadline') ?? 0) >= before + 2 ? true : undefined));
      expect(kit.store.concurrency.get('recomputeTaskDeadline')!.max).toBe(1);
    });
  });
});
