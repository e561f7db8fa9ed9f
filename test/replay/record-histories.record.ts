import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TasksRepository } from '@hearth/persistence';
import { HouseholdWorkflowInput, householdWorkflowId } from '@hearth/workflows/contracts/household.contract';
import { completeTaskUpdate, completeTaskUpdateId } from '@hearth/workflows/contracts/human-task.contract';
import { eventually, Harness, startHearth } from '../support/hearth-harness';

// `npm run replay:record`: runs household workflows on the current code and saves their
// histories under test/replay/histories, where test/replay/replay.test.ts replays them on every
// `npm test`. Record new histories when a workflow changes shape; keep the old ones.
describe('record household workflow histories', () => {
  let hearth: Harness;
  beforeAll(async () => (hearth = await startHearth()));
  afterAll(() => hearth.close());

  async function run(name: string, rulePackId: string, steps: { type: string; outcome: string; waitForOverdue?: boolean }[]) {
    const householdId = randomUUID();
    await hearth.dataSource.query(
      `INSERT INTO household (id, stage, rule_pack_id, primary_contact_name, preferred_language, created_by) VALUES ($1, 'enquiry', $2, 'Recorded', 'en', $3)`,
      [householdId, rulePackId, hearth.users.caseworker.id],
    );
    const input: HouseholdWorkflowInput = { householdId, rulePackId, rulePackVersion: 1 };
    const handle = await hearth.client.workflow.start('householdWorkflow', { workflowId: householdWorkflowId(householdId), taskQueue: hearth.temporal.taskQueue, args: [input] });
    const tasks = new TasksRepository(hearth.dataSource);
    for (const step of steps) {
      const task = await eventually(async () => (await tasks.list({ caseRef: `household:${householdId}`, status: 'open', limit: 5 })).find((t) => t.type === step.type));
      if (step.waitForOverdue) await eventually(async () => ((await tasks.findById(task.id))?.overdueSince ? true : undefined));
      const key = randomUUID();
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.id, outcome: step.outcome, actor: { userId: hearth.users.caseworker.id, roles: ['caseworker'] }, completionKey: key, submissionId: null }],
        updateId: completeTaskUpdateId(task.id, key),
      });
    }
    await handle.result();
    const history = await handle.fetchHistory();
    writeFileSync(join(__dirname, 'histories', `${name}.json`), historyToJSON(history));
  }

  it('enquiry answered and visited: invited to apply', () =>
    run('household-enquiry-invited-v1', 'krg', [
      { type: 'respond-to-enquiry', outcome: 'visit-arranged' },
      { type: 'initial-home-visit', outcome: 'invite-application' },
    ]));

  it('enquiry answered late, then not proceeding', () =>
    run('household-enquiry-overdue-closed-v1', 'test-seconds', [{ type: 'respond-to-enquiry', outcome: 'not-proceeding', waitForOverdue: true }]));
});
