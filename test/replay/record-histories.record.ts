import { caseRef } from '@hearth/domain';
import { calendarChangeWorkflowId } from '@hearth/workflows/contracts/calendar-change.contract';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, Harness, startHearth } from '../support/hearth-harness';
import { APPROVAL, HouseholdJourney } from '../support/household-journey';

// `npm run replay:record`: drives household workflows on the current code through the API and
// saves their histories under test/replay/histories, where replay.test.ts replays them on every
// `npm test`. A history already saved is never overwritten: when a workflow changes shape, add
// scenarios with a new suffix and keep the old files.

describe('record household workflow histories', () => {
  let hearth: Harness;
  beforeAll(async () => (hearth = await startHearth({ rulePackId: 'test-seconds' })));
  afterAll(() => hearth.close());

  async function save(name: string, householdId: string, runId?: string) {
    await saveWorkflow(name, caseRef('household', householdId), runId);
  }

  async function saveWorkflow(name: string, workflowId: string, runId?: string) {
    const file = join(__dirname, 'histories', `${name}.json`);
    if (existsSync(file)) return;
    const handle = hearth.client.workflow.getHandle(workflowId, runId);
    await handle.result().catch(() => undefined); // a run that continued as new "fails" to give a result here
    writeFileSync(file, historyToJSON(await handle.fetchHistory()));
  }

  it('approved after a deferral back to stage 2, with an adult added in stage 1 (each deferral a new run)', async () => {
    const family = new HouseholdJourney(hearth);
    await family.toStageOne();
    await hearth.http
      .post(`/households/${family.householdId}/members`)
      .set(await family.auth('caseworker'))
      .send({ kind: 'adult', fullName: 'Recorded Partner', relationship: 'partner' })
      .expect(201);
    await family.throughStageOne(2);
    await family.throughStageTwo();
    await family.bookPanel();
    const { runId: firstRun } = await hearth.client.workflow.getHandle(caseRef('household', family.householdId)).describe();
    await family.panelRecommends('defer-to-stage-2', { reasons: 'more on the birth children' });
    await family.waitForStage('stage-2');
    await family.throughStageTwo();
    await family.bookPanel();
    await family.panelRecommends('approve', APPROVAL);
    await family.do('make-decision', 'decision-maker', 'approve', APPROVAL);
    await family.tellApplicant();
    await save('household-deferred-first-run-v3', family.householdId, firstRun);
    await save('household-approved-after-deferral-v3', family.householdId);
  });

  it('ceiling alert raised in stage 1, then withdrawn (the alert is resolved on exit)', async () => {
    const family = new HouseholdJourney(hearth);
    await family.toStageOne();
    await eventually(async () => {
      const rows = await hearth.dataSource.query(`SELECT id FROM alert WHERE case_ref = $1 AND kind = 'statutory-ceiling'`, [caseRef('household', family.householdId)]);
      return rows.length > 0 ? true : undefined;
    }, 25_000);
    await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-${family.householdId}`)
      .send({ reason: 'recorded withdrawal' })
      .expect(200);
    await save('household-ceiling-then-withdrawn-v4', family.householdId);
  });

  it('a day off declared while the enquiry waits: the calendar change brings the new schedule with it', async () => {
    const family = new HouseholdJourney(hearth);
    await family.recordEnquiry();
    const [task] = await family.openTasks('respond-to-enquiry');
    const declared = await hearth.http
      .post('/calendar/closures')
      .set(await family.auth('admin'))
      .send({ date: task.dueAt.slice(0, 10), name: 'Recorded closure', jurisdiction: 'test' })
      .expect(202);
    await eventually(async () => ((await hearth.http.get(declared.body.change.href).set(await family.auth('admin'))).body.status === 'done' ? true : undefined));
    await hearth.http.delete(`/calendar/days-off/${declared.body.day.id}`).set(await family.auth('admin')).expect(202);
    await family.do('respond-to-enquiry', 'caseworker', 'not-proceeding');
    await save('household-calendar-change-then-closed-v6', family.householdId);
    await saveWorkflow('calendar-change-declared-v6', calendarChangeWorkflowId(declared.body.change.id));
  });

  it('withdrawn during stage 2', async () => {
    const family = new HouseholdJourney(hearth);
    await family.toStageOne();
    await family.throughStageOne();
    await family.openTasks('assessment-visits');
    await hearth.http
      .post(`/households/${family.householdId}/withdraw`)
      .set(await family.auth('caseworker'))
      .set('Idempotency-Key', `withdraw-${family.householdId}`)
      .send({ reason: 'recorded withdrawal' })
      .expect(200);
    await save('household-withdrawn-stage-2-v2', family.householdId);
  });
});
