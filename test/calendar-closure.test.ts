import { caseRef } from '@hearth/domain';
import { localDateOf } from '@hearth/domain';
import { openTasksQuery } from '@hearth/workflows/contracts/human-task.contract';
import { CalendarService } from '../apps/api/src/calendar/calendar.service';
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
      .expect(202);
    expect(declared.body).toMatchObject({ created: true, day: { jurisdiction: 'test-calendar', date: closedDay, kind: 'closure' }, change: { href: expect.stringMatching(/^\/calendar\/changes\//) } });
    const done = await eventually(async () => {
      const change = await hearth.http.get(declared.body.change.href).set(await family.auth('caseworker')).expect(200);
      return change.body.status === 'done' ? change.body : undefined;
    });
    expect(done.casesSignalled).toBeGreaterThanOrEqual(1);

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
    const rescheduled = timeline.body.timeline.find((entry: { action: string }) => entry.action === 'task.rescheduled');
    expect(rescheduled.after.calendarChangeId).toBe(declared.body.change.id);

    // Removing the day off moves the deadline back; it is due (and overdue) at once.
    await hearth.http.delete(`/calendar/days-off/${declared.body.day.id}`).set(await family.auth('admin')).expect(202);
    const back = await eventually(async () => {
      const response = await hearth.http.get(`/tasks/${task.id}`).set(await family.auth('caseworker')).expect(200);
      return Date.parse(response.body.dueAt) === originalDue && response.body.overdueSince ? response.body : undefined;
    });
    expect(Date.parse(back.overdueSince)).toBe(originalDue);
    const days = await hearth.http.get('/calendar/holidays').query({ jurisdiction: 'test-calendar' }).set(await family.auth('caseworker')).expect(200);
    expect(days.body.map((day: { date: string }) => day.date)).not.toContain(closedDay);
  });

  it('clears the overdue mark and resolves its alert when a day off moves a passed deadline into the future', async () => {
    const family = new HouseholdJourney(hearth);
    await family.recordEnquiry();
    const [task] = await family.openTasks('respond-to-enquiry');
    const overdue = await eventually(async () => {
      const response = await hearth.http.get(`/tasks/${task.id}`).set(await family.auth('caseworker')).expect(200);
      return response.body.overdueSince ? response.body : undefined;
    }, 20_000, 'the task to be overdue');
    expect(Date.parse(overdue.overdueSince)).toBe(Date.parse(task.dueAt)); // overdue since the due instant itself
    const dueDay = localDateOf(new Date(task.dueAt), 'UTC');
    const declared = await hearth.http.post('/calendar/closures').set(await family.auth('admin')).send({ date: dueDay, name: 'Late closure', jurisdiction: 'test-calendar' }).expect(202);
    const cleared = await eventually(async () => {
      const response = await hearth.http.get(`/tasks/${task.id}`).set(await family.auth('caseworker')).expect(200);
      return response.body.overdueSince === null ? response.body : undefined;
    }, 20_000, 'the overdue mark to clear');
    expect(cleared.overdue).toBe(false);
    const open = await hearth.dataSource.query(`SELECT id FROM alert WHERE dedupe_key = $1 AND resolved_at IS NULL`, [`task-overdue:${task.id}`]);
    expect(open).toEqual([]);
    await hearth.http.delete(`/calendar/days-off/${declared.body.day.id}`).set(await family.auth('admin')).expect(202);
  });

  it("seeds the fixed-date holidays of this year and next, keeps a removed one removed, and corrects a day to the one actually off", async () => {
    const admin = await hearth.login('admin');
    const krg = await hearth.http.get('/calendar/holidays').query({ jurisdiction: 'KRG' }).set({ authorization: `Bearer ${admin}` }).expect(200);
    const year = new Date().getUTCFullYear();
    expect(krg.body).toEqual(expect.arrayContaining([expect.objectContaining({ date: `${year + 1}-03-21`, name: 'Nawroz', kind: 'public-holiday', source: 'seeded' })]));
    const england = await hearth.http.get('/calendar/holidays').query({ jurisdiction: 'England' }).set({ authorization: `Bearer ${admin}` }).expect(200);
    expect(england.body.map((day: { date: string }) => day.date)).toContain(`${year + 1}-01-01`);

    const closure = await hearth.http.post('/calendar/closures').set({ authorization: `Bearer ${admin}` }).send({ date: '2031-06-10', name: 'Eid (expected)', kind: 'religious-holiday', jurisdiction: 'test-calendar' }).expect(202);
    const corrected = await hearth.http.patch(`/calendar/days-off/${closure.body.day.id}`).set({ authorization: `Bearer ${admin}` }).send({ date: '2031-06-11' }).expect(202);
    expect(corrected.body.day).toMatchObject({ date: '2031-06-11', name: 'Eid (expected)', kind: 'religious-holiday' });
    expect(corrected.body.change.href).toMatch(/^\/calendar\/changes\//);
    const audit = await hearth.dataSource.query(`SELECT before->>'date' AS before, after->>'date' AS after FROM audit_event WHERE action = 'calendar.day-off-corrected' AND entity_id = $1`, [closure.body.day.id]);
    expect(audit).toEqual([{ before: '2031-06-10', after: '2031-06-11' }]);

    const nawroz = krg.body.find((day: { date: string }) => day.date === `${year + 1}-03-21`);
    await hearth.http.delete(`/calendar/days-off/${nawroz.id}`).set({ authorization: `Bearer ${admin}` }).expect(202);
    await hearth.app.get(CalendarService).seedFixedHolidays();
    const after = await hearth.http.get('/calendar/holidays').query({ jurisdiction: 'KRG' }).set({ authorization: `Bearer ${admin}` }).expect(200);
    expect(after.body.map((day: { date: string }) => day.date)).not.toContain(`${year + 1}-03-21`);
  });

  it('refuses a non-admin, and a date that does not exist, with clear errors', async () => {
    const family = new HouseholdJourney(hearth);
    await hearth.http.post('/calendar/closures').set(await family.auth('caseworker')).send({ date: '2026-12-01', name: 'x' }).expect(403);
    const bad = await hearth.http.post('/calendar/closures').set(await family.auth('admin')).send({ date: '2026-02-30', name: 'x' }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['date']);
  });
});
