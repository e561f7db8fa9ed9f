import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { caseRef, computeDeadline, krgPack, localDateOf, WorkingDays } from '@hearth/domain';
import { CalendarHolidaysRepository, TasksRepository } from '@hearth/persistence';
import { HouseholdWorkflowInput } from '@hearth/workflows/contracts/household.contract';
import type { OpenedTask } from '@hearth/workflows/contracts/activities.contract';
import { completeTaskUpdate, completeTaskUpdateId } from '@hearth/workflows/contracts/human-task.contract';
import { Deadlines } from '../apps/worker/src/activities/deadlines';
import { createTaskActivities } from '../apps/worker/src/activities/task.activities';
import { eventually, Harness, startHearth } from './support/hearth-harness';

/** The human-task primitive against the real database and Temporal server. */
describe('the human-task primitive', () => {
  let hearth: Harness;

  beforeAll(async () => {
    hearth = await startHearth();
  });
  afterAll(() => hearth.close());

  /** A household row and its workflow started directly on Temporal, on the given rule pack version. */
  async function startHousehold(rulePackId: string, rulePackVersion: number) {
    const householdId = randomUUID();
    await hearth.dataSource.query(
      `INSERT INTO household (id, stage, rule_pack_id, primary_contact_name, preferred_language, created_by) VALUES ($1, 'enquiry', $2, 'Test', 'en', $3)`,
      [householdId, rulePackId, hearth.users.caseworker.id],
    );
    await hearth.dataSource.query(
      `INSERT INTO case_file (case_ref, kind, subject_id, case_number, display_name, search_name, rule_pack_id) VALUES ($1, 'household', $2, $3, 'Test', 'test', $4)`,
      [caseRef('household', householdId), householdId, `H-1999-${householdId.slice(0, 8)}`, rulePackId],
    );
    const input: HouseholdWorkflowInput = { householdId, rulePackId, rulePackVersion };
    const handle = await hearth.client.workflow.start('householdWorkflow', { workflowId: caseRef('household', householdId), taskQueue: hearth.temporal.taskQueue, args: [input] });
    return { householdId, handle };
  }

  it('opens one task when its activity is retried', async () => {
    const activities = createTaskActivities({ tasks: new TasksRepository(hearth.dataSource), deadlines: new Deadlines(new CalendarHolidaysRepository(hearth.dataSource)) });
    const workflowId = `household:${randomUUID()}`;
    const environment = new MockActivityEnvironment({ workflowExecution: { workflowId, runId: randomUUID() } });
    const input = { taskKey: 'respond-to-enquiry', type: 'respond-to-enquiry', caseRef: workflowId, assigneeId: null, rulePackId: 'krg', rulePackVersion: 1 };
    const first = await environment.run(activities.openTask, input);
    const retried = await environment.run(activities.openTask, input);
    expect(retried).toEqual(first);
    const rows = await hearth.dataSource.query(`SELECT id FROM task WHERE workflow_id = $1`, [workflowId]);
    expect(rows).toHaveLength(1);
    const audit = await hearth.dataSource.query(`SELECT id FROM audit_event WHERE action = 'task.opened' AND case_ref = $1`, [workflowId]);
    expect(audit).toHaveLength(1);
  });

  it('knows the run that opened a task: a re-run reopens a task an earlier run cancelled, and finds one it completed closed', async () => {
    const activities = createTaskActivities({ tasks: new TasksRepository(hearth.dataSource), deadlines: new Deadlines(new CalendarHolidaysRepository(hearth.dataSource)) });
    const workflowId = `household:${randomUUID()}`;
    const input = { taskKey: 'respond-to-enquiry', type: 'respond-to-enquiry', caseRef: workflowId, assigneeId: null, rulePackId: 'krg', rulePackVersion: 2 };
    const inRun = (runId: string) => new MockActivityEnvironment({ workflowExecution: { workflowId, runId } });
    const first = (await inRun('run-1').run(activities.openTask, { ...input, runId: 'run-1' })) as OpenedTask;
    await inRun('run-1').run(activities.cancelOpenTasks, { reason: 'the applicant withdrew', actorId: null });
    const reopened = (await inRun('run-2').run(activities.openTask, { ...input, runId: 'run-2' })) as OpenedTask;
    expect(reopened).toMatchObject({ taskId: first.taskId, status: 'open' });
    await new TasksRepository(hearth.dataSource).complete({ taskId: first.taskId, outcome: 'visit-arranged', completedBy: hearth.users.caseworker.id, completedAt: new Date(), completionKey: 'k-run-2', submissionId: null });
    const found = (await inRun('run-3').run(activities.openTask, { ...input, runId: 'run-3' })) as OpenedTask;
    expect(found).toMatchObject({ taskId: first.taskId, status: 'completed', closed: { outcome: 'visit-arranged', completedBy: hearth.users.caseworker.id } });
    const audit = await hearth.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [first.taskId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['task.opened', 'task.cancelled', 'task.reopened', 'task.completed']);
  });

  it('takes declared holidays from the calendar table when it computes a due date', async () => {
    const activities = createTaskActivities({ tasks: new TasksRepository(hearth.dataSource), deadlines: new Deadlines(new CalendarHolidaysRepository(hearth.dataSource)) });
    const withoutHoliday = computeDeadline(krgPack, 'enquiry.respond', new Date(), []);
    const holiday = localDateOf(withoutHoliday.dueAt, krgPack.timeZone);
    await hearth.dataSource.query(`INSERT INTO calendar_holiday (jurisdiction, date, name, kind) VALUES ('KRG', $1, 'test closure', 'closure')`, [holiday]);
    try {
      const workflowId = `household:${randomUUID()}`;
      const environment = new MockActivityEnvironment({ workflowExecution: { workflowId, runId: randomUUID() } });
      const opened = (await environment.run(activities.openTask, { taskKey: 'respond-to-enquiry', type: 'respond-to-enquiry', caseRef: workflowId, assigneeId: null, rulePackId: 'krg', rulePackVersion: 1 })) as OpenedTask;
      const expectedDate = new WorkingDays({ timeZone: krgPack.timeZone, weekend: krgPack.weekend, holidays: [holiday] }).addToDate(holiday, 1);
      expect(localDateOf(new Date(opened.dueAt), krgPack.timeZone)).toBe(expectedDate);
    } finally {
      await hearth.dataSource.query(`DELETE FROM calendar_holiday WHERE jurisdiction = 'KRG' AND date = $1`, [holiday]);
    }
  });

  it('reminds before the deadline, marks the task overdue with exactly one alert, escalates after, keeps waiting, and can still be completed', async () => {
    const { householdId, handle } = await startHousehold('test-seconds', 1);
    const tasks = new TasksRepository(hearth.dataSource);
    const ref = caseRef('household', householdId);
    const task = await eventually(async () => (await tasks.list({ caseRef: ref, limit: 10 }))[0], 10_000, 'the task');
    expect(task.dueAt.getTime() - task.createdAt.getTime()).toBeLessThan(5_000);

    const overdue = await eventually(async () => {
      const row = await tasks.findById(task.id);
      return row?.overdueSince ? row : undefined;
    }, 15_000, 'the task to be marked overdue');
    expect(overdue.overdueSince!.getTime()).toBeGreaterThanOrEqual(task.dueAt.getTime());
    expect(overdue.status).toBe('open');

    // Wait past another full deadline's length: the alert must not be raised again.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    // One reminder to the role before due, one overdue alert at due, one escalation to the team manager after.
    const alerts = await hearth.dataSource.query(`SELECT kind, recipient_role FROM alert WHERE task_id = $1 ORDER BY kind`, [task.id]);
    expect(alerts).toEqual([
      { kind: 'task-escalated', recipient_role: 'team-manager' },
      { kind: 'task-overdue', recipient_role: 'team-manager' },
      { kind: 'task-reminder', recipient_role: 'caseworker' },
    ]);

    const result = await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, outcome: 'not-proceeding', actor: { userId: hearth.users.caseworker.id, roles: ['caseworker'] }, completionKey: 'late-but-done', submissionId: null }],
      updateId: completeTaskUpdateId(task.id, 'late-but-done'),
    });
    expect(result.outcome).toBe('not-proceeding');
    expect(await handle.result()).toEqual({ stage: 'closed' });
    const unresolved = await hearth.dataSource.query(`SELECT id FROM alert WHERE task_id = $1 AND resolved_at IS NULL`, [task.id]);
    expect(unresolved).toEqual([]);
  });

  it('keeps a case that started on rule pack krg v1 on its v1 path, and lets its applicant apply later on the pack in force', async () => {
    const { householdId, handle } = await startHousehold('krg', 1);
    const tasks = new TasksRepository(hearth.dataSource);
    for (const [type, outcome] of [['respond-to-enquiry', 'visit-arranged'], ['initial-home-visit', 'invite-application']]) {
      const task = await eventually(async () => (await tasks.list({ caseRef: caseRef('household', householdId), status: 'open', limit: 5 })).find((t) => t.type === type));
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.id, outcome, actor: { userId: hearth.users.caseworker.id, roles: ['caseworker'] }, completionKey: `v1-${type}`, submissionId: null }],
      });
    }
    expect(await handle.result()).toEqual({ stage: 'awaiting-application' });
    await eventually(async () => ((await hearth.dataSource.query(`SELECT stage FROM household WHERE id = $1`, [householdId]))[0].stage === 'awaiting-application' ? true : undefined));

    const caseworker = { authorization: `Bearer ${await hearth.login('caseworker')}` };
    const key = `apply-${householdId}`;
    await hearth.http.post(`/households/${householdId}/application`).set(caseworker).set('Idempotency-Key', key).send().expect(200);
    await eventually(async () => ((await hearth.http.get(`/households/${householdId}`).set(caseworker)).body.stage === 'application' ? true : undefined));
    await hearth.http.post(`/households/${householdId}/application`).set(caseworker).set('Idempotency-Key', key).send().expect(200);
    await hearth.http.post(`/households/${householdId}/application`).set(caseworker).set('Idempotency-Key', `${key}-again`).send().expect(409);
    const application = await eventually(async () => (await tasks.list({ caseRef: caseRef('household', householdId), status: 'open', limit: 5 })).find((t) => t.type === 'receive-application'));
    expect(application).toMatchObject({ rulePackId: 'krg', rulePackVersion: 3, assigneeId: hearth.users.caseworker.id });
    const [{ version }] = await hearth.dataSource.query(`SELECT rule_pack_version AS version FROM household WHERE id = $1`, [householdId]);
    expect(version).toBe(3);
    await hearth.client.workflow.getHandle(caseRef('household', householdId)).terminate('test finished');
  });

  it('refuses in the validator a completion of a task the workflow is not waiting on', async () => {
    const { householdId, handle } = await startHousehold('krg', 1);
    await eventually(async () => (await new TasksRepository(hearth.dataSource).list({ caseRef: caseRef('household', householdId), limit: 1 }))[0]);
    const unknownTask = randomUUID();
    await expect(
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: unknownTask, outcome: 'visit-arranged', actor: { userId: hearth.users.caseworker.id, roles: ['caseworker'] }, completionKey: 'k', submissionId: null }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'task-closed' } });
    await handle.terminate('test finished');
  });
});
