import { caseRef } from '@hearth/domain';
import { localDateOf } from '@hearth/domain';
import { openTasksQuery } from '@hearth/workflows/contracts/human-task.contract';
import { eventually, Harness, startHearth } from './support/hearth-harness';
import { HouseholdJourney } from './support/household-journey';

/**
 * A closure declared by an admin moves the due dates of open tasks and their running timers. The
 * `test-calendar` pack counts in seconds but rolls a due date that lands on a day off to the next
 * working day, so the test can watch a deadline a few seconds away move to tomorrow.
 */
describe('declaring a closure', () => {
  let hearth: Harness;

  beforeAll(async () => {
    hearth = await startHearth({ rulePackId: 'test-calendar' });
  });
  afterAll(async () => {
    await hearth.dataSource.query(`DELETE FROM calendar_holiday WHERE jurisdiction = 'test-calendar'`);
    await hearth.close();
  });

  it('moves a task due on the closed day to the next working day, and its overdue alert does not fire early', async () => {
    const family = new HouseholdJourney(hearth);
    await family.recordEnquiry();
    const [task] = await family.openTasks('respond-to-enquiry');
    const originalDue = Date.parse(task.dueAt);
    expect(originalDue - Date.now()).toBeLessThan(9_000);
    const closedDay = localDateOf(new Date(originalDue), 'UTC');

    const declared = await hearth.http
      .post('/calendar/closures')
      .set(await family.auth('admin'))
      .send({ date: closedDay, name: 'Unexpected closure', jurisdiction: 'test-calendar' })
      .expect(201);
    expect(declared.body).toMatchObject({ created: true, jurisdiction: 'test-calendar' });
    expect(declared.body.openTasksAffected).toBeGreaterThanOrEqual(1);

    const moved = await eventually(async () => {
      const response = await hearth.http.get(`/tasks/${task.id}`).set(await family.auth('caseworker')).expect(200);
      return Date.parse(response.body.dueAt) !== originalDue ? response.body : undefined;
    });
    expect(Date.parse(moved.dueAt) - originalDue).toBe(24 * 3600_000);
    const inWorkflow = await hearth.client.workflow.getHandle(caseRef('household', family.householdId)).query(openTasksQuery);
    expect(inWorkflow).toEqual([expect.objectContaining({ taskId: task.id, dueAt: moved.dueAt })]);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, originalDue - Date.now()) + 3_000));
    const after = await hearth.http.get(`/tasks/${task.id}`).set(await family.auth('caseworker')).expect(200);
    expect(after.body).toMatchObject({ status: 'open', overdue: false, overdueSince: null });
    const overdueAlerts = await hearth.dataSource.query(`SELECT id FROM alert WHERE task_id = $1 AND kind = 'task-overdue'`, [task.id]);
    expect(overdueAlerts).toEqual([]);
    const timeline = await hearth.http.get(`/households/${family.householdId}`).set(await family.auth('caseworker')).expect(200);
    expect(timeline.body.timeline.map((entry: { action: string }) => entry.action)).toContain('task.rescheduled');
  });

  it('refuses a non-admin, and a date that does not exist, with clear errors', async () => {
    const family = new HouseholdJourney(hearth);
    await hearth.http.post('/calendar/closures').set(await family.auth('caseworker')).send({ date: '2026-12-01', name: 'x' }).expect(403);
    const bad = await hearth.http.post('/calendar/closures').set(await family.auth('admin')).send({ date: '2026-02-30', name: 'x' }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['date']);
  });
});
