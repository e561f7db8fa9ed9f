import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/hearth-harness';
import { APPROVAL, HouseholdDriver, KitHarness, STAFF, startKit, TERMS } from '../support/kit-harness';

// `npm run replay:record`: the case kit's paths (issue 7), driven on in-memory activities; the
// histories are the same as the API's would be. A history already saved is never overwritten.

describe('record the case kit paths', () => {
  let kit: KitHarness;
  beforeAll(async () => (kit = await startKit()));
  afterAll(() => kit.close());

  async function save(name: string, family: HouseholdDriver, runId?: string) {
    const file = join(__dirname, 'histories', `${name}.json`);
    if (existsSync(file)) return;
    const handle = kit.client.workflow.getHandle(family.ref, runId);
    await handle.result().catch(() => undefined);
    writeFileSync(file, historyToJSON(await handle.fetchHistory()));
  }

  it('approved on terms departing from the recommendation, with an adult who joined in stage 2 and a calendar change', async () => {
    const family = await kit.startHousehold();
    await family.toStageOne();
    await family.throughStageOne();
    await family.addMember('adult');
    await family.handle.signal('deadlinesChanged');
    await family.throughStageTwo();
    await family.do('background-check', STAFF.caseworker, 'satisfactory');
    const { sittingAt } = await family.book();
    await family.recommend('approve', APPROVAL, sittingAt);
    await family.do('make-decision', STAFF.decisionMaker, 'approve', { ...APPROVAL, terms: { ...TERMS, maxChildren: 1 }, departureReason: 'one child first' });
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-approved-departing-v6', family);
  });

  it('deferred to stage 2, then approved in a new run that carries who took part', async () => {
    const family = await kit.startHousehold();
    await family.toStageOne();
    await family.throughStageOne();
    await family.throughStageTwo();
    const first = await family.book();
    const { runId } = await family.handle.describe();
    await family.recommend('defer-to-stage-2', { reasons: 'more on the birth children' }, first.sittingAt);
    await eventually(async () => ((await kit.client.workflow.getHandle(family.ref).describe()).runId !== runId ? true : undefined));
    await family.throughStageTwo();
    const second = await family.book();
    await family.recommend('approve', APPROVAL, second.sittingAt);
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-deferred-first-run-v6', family, runId);
    await save('household-approved-after-deferral-v6', family);
  });

  it('a proposed refusal under England, representations, refusal confirmed', async () => {
    const family = await kit.startHousehold('test-england');
    await family.toDecision();
    await family.do('make-decision', STAFF.decisionMaker, 'not-approve', { reasons: 'not ready', departureReason: 'the panel was too hopeful' });
    await family.do('record-representations', STAFF.caseworker, 'review-requested');
    await family.do('make-decision', STAFF.decisionMaker, 'not-approve', { reasons: 'the review agreed', departureReason: 'as proposed' });
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-england-refusal-confirmed-v6', family);
  });

  it('a step failing for good, retried by an admin', async () => {
    const family = await kit.startHousehold();
    await family.toDecision();
    kit.store.fail('enterCarerRegister', { nonRetryable: true });
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await eventually(async () => (kit.store.openAlerts(family.ref, 'needs-attention').length ? true : undefined));
    kit.store.heal('enterCarerRegister');
    await family.retry('enter-carer-register', STAFF.admin);
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-step-retried-v6', family);
  });

  it('a krg v1 case that stopped awaiting the application, then applied on the pack in force', async () => {
    const family = await kit.startHousehold('krg', 1);
    await family.do('respond-to-enquiry', STAFF.caseworker, 'visit-arranged');
    await family.do('initial-home-visit', STAFF.caseworker, 'invite-application');
    await family.handle.result();
    const resumed = await kit.client.workflow.start('householdWorkflow', {
      workflowId: family.ref,
      taskQueue: kit.temporal.taskQueue,
      args: [{ householdId: family.householdId, rulePackId: 'krg', rulePackVersion: 2, application: { caseworkerId: STAFF.caseworker.userId } }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    const applied = new HouseholdDriver(kit, family.householdId, kit.client.workflow.getHandle(family.ref));
    await applied.do('receive-application', STAFF.caseworker, 'not-proceeding');
    await resumed.result();
    await save('household-applied-after-v1-v6', family, resumed.firstExecutionRunId);
  });

  it('the 8-month clock warned and breached in stage 1, then withdrawn (the clock resolved on exit)', async () => {
    const family = await kit.startHousehold();
    await family.toStageOne();
    await eventually(async () => (kit.store.openAlerts(family.ref, 'statutory-ceiling').length ? true : undefined), 25_000);
    await family.exit('withdrawn', STAFF.caseworker);
    await save('household-clock-breached-then-withdrawn-v6', family);
  });

  it('moved to another panel sitting before the recommendation, then approved', async () => {
    const family = await kit.startHousehold();
    await family.toStageOne();
    await family.throughStageOne();
    await family.throughStageTwo();
    await family.book({ sittingInMs: 60_000 });
    await family.open('record-panel-recommendation');
    const second = await family.book({ sittingInMs: 1_500 });
    await family.recommend('approve', APPROVAL, second.sittingAt);
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-moved-sitting-approved-v6', family);
  });

  it('an adult joined by Update in stage 2, a reminder failed for good and was dropped, approved', async () => {
    const family = await kit.startHousehold();
    await family.toStageOne();
    await family.throughStageOne();
    await family.addMember('adult');
    kit.store.fail('notifyTask', { nonRetryable: true });
    await eventually(async () => (kit.store.openAlerts(family.ref, 'needs-attention').length ? true : undefined), 15_000);
    kit.store.heal('notifyTask');
    await family.throughStageTwo();
    await family.do('background-check', STAFF.caseworker, 'satisfactory');
    const { sittingAt } = await family.book();
    await family.recommend('approve', APPROVAL, sittingAt);
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await family.do('tell-applicant', STAFF.caseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.caseworker, 'letter-sent');
    await save('household-adult-joined-reminder-dropped-v7', family);
  });

  it('withdrawn while a task was being opened', async () => {
    const family = await kit.startHousehold();
    await family.withdrawWhileOpeningApplication();
    await save('household-withdrawn-while-opening-v6', family);
  });

  it('work moved between people: checks reassigned, a claim and a release, a new supervising worker, a check that found concerns, approved', async () => {
    const family = await kit.startHousehold();
    const [respond] = await family.open('respond-to-enquiry');
    await family.assign([respond], STAFF.caseworker, STAFF.caseworker, 'claimed', null);
    await family.assign([respond], null, STAFF.caseworker, 'released', STAFF.caseworker.userId);
    await family.toStageOne();
    const references = await family.open('personal-reference', 2);
    await family.assign(references, STAFF.otherCaseworker, STAFF.manager);
    await family.do('personal-reference', STAFF.otherCaseworker, 'satisfactory', undefined, 2);
    await family.supervise(STAFF.otherCaseworker);
    await family.do('medical-check', STAFF.otherCaseworker, 'concerns');
    for (const type of ['background-check', 'local-authority-check', 'previous-agency-reference'] as const) await family.do(type, STAFF.otherCaseworker, 'satisfactory');
    await family.do('decide-stage-2', STAFF.manager, 'proceed-to-stage-2');
    await family.do('assessment-visits', STAFF.assessor, 'completed');
    await family.do('assessment-report', STAFF.assessor, 'completed');
    await family.do('preparation-training', STAFF.otherCaseworker, 'attended');
    await family.open('book-panel');
    const { sittingAt } = await family.book();
    await family.recommend('approve', APPROVAL, sittingAt, STAFF.otherCaseworker);
    await family.do('make-decision', STAFF.decisionMaker, 'approve', APPROVAL);
    await family.do('tell-applicant', STAFF.otherCaseworker, 'told');
    await family.do('tell-applicant-in-writing', STAFF.otherCaseworker, 'letter-sent');
    await save('household-work-moved-v8', family);
  });
});
