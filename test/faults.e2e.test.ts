import { caseRef } from '@hearth/domain';
import { createDataSource } from '@hearth/persistence';
import { randomUUID } from 'node:crypto';
import { eventually, Harness, startHearth } from './support/hearth-harness';
import { ownPostgres, ownTemporal } from './support/own-servers';

/**
 * Faults reproduced by stopping the real processes: a staff decision is in PostgreSQL only once
 * Temporal has durably accepted it, and a same-key retry always reaches the workflow's answer.
 */
describe('faults', () => {
  const enquiry = { primaryContactName: 'Rezan Qadir', preferredLanguage: 'ckb', area: 'Duhok' };

  /** A caseworker records an enquiry; its first task opens. */
  async function enquiryWithOpenTask(hearth: Harness) {
    const token = await hearth.login('caseworker');
    const created = await hearth.http.post('/households').set({ authorization: `Bearer ${token}` }).send(enquiry).expect(201);
    const [task] = await eventually(async () => {
      const rows = await hearth.dataSource.query(`SELECT id FROM task WHERE case_ref = $1 AND status = 'open'`, [caseRef('household', created.body.id)]);
      return rows.length ? (rows as { id: string }[]) : undefined;
    });
    return { token, created, task };
  }

  /** Holds the task row locked, so the workflow's close of the task waits mid-step; returns the release. */
  async function holdTaskRow(url: string, taskId: string) {
    const holder = await createDataSource(url, { poolSize: 1, applicationName: 'hearth-test-lock' }).initialize();
    const runner = holder.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT id FROM task WHERE id = $1 FOR UPDATE`, [taskId]);
    return {
      async release() {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release().catch(() => undefined);
        await holder.destroy().catch(() => undefined);
      },
    };
  }

  /** Waits until some session waits on a row lock: the workflow's close of the task has started. */
  const closeWaiting = (hearth: Harness) =>
    eventually(async () => {
      const rows = await hearth.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'hearth-worker'`).catch(() => []);
      return rows.length > 0 ? true : undefined;
    }, 20_000, 'the close of the task to wait on the row');

  /** Retries a completion with the same key until it answers other than 503. */
  const completeUntilAnswered = (hearth: Harness, token: string, taskId: string, key: string) =>
    eventually(async () => {
      const response = await hearth.http.post(`/tasks/${taskId}/complete`).set({ authorization: `Bearer ${token}` }).set('Idempotency-Key', key).send({ outcome: 'visit-arranged' });
      return response.status === 503 ? undefined : response;
    }, 60_000, 'the retried completion to be answered');

  async function moveOnOnce(hearth: Harness, householdId: string, taskId: string) {
    const ref = caseRef('household', householdId);
    await eventually(async () => {
      const rows = await hearth.dataSource.query(`SELECT id FROM task WHERE case_ref = $1 AND type = 'initial-home-visit'`, [ref]);
      return rows.length === 1 ? true : undefined;
    }, 30_000, 'the next task');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await hearth.dataSource.query(`SELECT id FROM task WHERE case_ref = $1 AND type = 'initial-home-visit'`, [ref]);
    const completed = await hearth.dataSource.query(`SELECT id FROM audit_event WHERE entity_id = $1 AND action = 'task.completed'`, [taskId]);
    expect({ next: next.length, completed: completed.length }).toEqual({ next: 1, completed: 1 });
  }

  it('loses no decision when the Temporal server is killed while the decision is being recorded: the same-key retry reaches the workflow, and the case moves on once', async () => {
    const server = await ownTemporal();
    const hearth = await startHearth({ temporal: { address: server.address, namespace: 'default', taskQueue: `faults-${randomUUID()}` }, updateTimeoutMs: 2_000 });
    try {
      const { token, created, task } = await enquiryWithOpenTask(hearth);
      const lock = await holdTaskRow(process.env.DATABASE_URL!, task.id);
      const key = `decision-${task.id}`;
      const first = hearth.http.post(`/tasks/${task.id}/complete`).set({ authorization: `Bearer ${token}` }).set('Idempotency-Key', key).send({ outcome: 'visit-arranged' }).then((r) => r.status);
      await closeWaiting(hearth);
      await server.kill();
      // The server is down: whatever the worker writes to PostgreSQL now must already be durable in Temporal.
      await lock.release();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const [{ status: whileDown }] = await hearth.dataSource.query(`SELECT status FROM task WHERE id = $1`, [task.id]);
      await server.start();
      expect([200, 503]).toContain(await first);
      const history = await hearth.client.workflow.getHandle(caseRef('household', created.body.id)).fetchHistory();
      const accepted = (history.events ?? []).some((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === `complete-task:${task.id}:${key}`);
      if (whileDown === 'completed') expect(accepted).toBe(true);
      const retried = await completeUntilAnswered(hearth, token, task.id, key);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ status: 'completed', outcome: 'visit-arranged' });
      await moveOnOnce(hearth, created.body.id, task.id);
    } finally {
      await hearth.close();
      await server.stop();
    }
  });

  it('answers 503 while PostgreSQL is down, and a decision that met the outage is recorded by its same-key retry afterwards', async () => {
    const postgres = await ownPostgres();
    const hearth = await startHearth({ databaseUrl: postgres.url, updateTimeoutMs: 2_000 });
    try {
      const { token, created, task } = await enquiryWithOpenTask(hearth);
      const lock = await holdTaskRow(postgres.url, task.id);
      const key = `decision-${task.id}`;
      const first = hearth.http.post(`/tasks/${task.id}/complete`).set({ authorization: `Bearer ${token}` }).set('Idempotency-Key', key).send({ outcome: 'visit-arranged' }).then((r) => r.status);
      await closeWaiting(hearth);
      await postgres.stop();
      await lock.release();
      expect(await first).toBe(503);
      for (const path of ['/tasks', `/households/${created.body.id}`, '/health']) {
        const down = await hearth.http.get(path).set({ authorization: `Bearer ${token}` });
        expect({ path, status: down.status, retryAfter: down.headers['retry-after'] !== undefined }).toEqual({ path, status: 503, retryAfter: true });
      }
      const during = await hearth.http.post(`/tasks/${task.id}/complete`).set({ authorization: `Bearer ${token}` }).set('Idempotency-Key', key).send({ outcome: 'visit-arranged' });
      expect(during.status).toBe(503);
      postgres.start();
      const retried = await completeUntilAnswered(hearth, token, task.id, key);
      expect(retried.status).toBe(200);
      await moveOnOnce(hearth, created.body.id, task.id);
    } finally {
      await hearth.close();
      await postgres.stop();
    }
  });
});
