import { DomainError, TASK_STATUSES, TaskNoticeKind, TaskRecord, TaskStatus, TEAM_ROLES } from '@hearth/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { TaskEntity } from '../entities/task.entity';
import { raiseAlert } from './alert-writer';
import { writeAudit } from './audit';
import { sqlParams, Viewer } from './case-access';
import { DelegationsRepository } from './delegations.repository';

/** What a workflow's activity supplies to open a task; the rest starts empty. */
export type OpenTaskRow = Pick<
  TaskRecord,
  | 'workflowId'
  | 'taskKey'
  | 'type'
  | 'caseRef'
  | 'candidateRole'
  | 'assigneeId'
  | 'dueAt'
  | 'followUpAt'
  | 'priority'
  | 'formKey'
  | 'formVersion'
  | 'anchorAt'
  | 'ruleId'
  | 'rulePackId'
  | 'rulePackVersion'
  | 'subjectKind'
  | 'subjectId'
  | 'runId'
>;

export interface TaskCompletion {
  taskId: string;
  outcome: string;
  completedBy: string;
  completedAt: Date;
  completionKey: string;
  submissionId: string | null;
}

export interface TaskListQuery {
  /** A work list: the tasks this person may act on (held by them, or offered to a role of theirs; team roles within their team). */
  actableBy?: Viewer;
  /** Every task of a team (a manager's view of their team). */
  teamId?: string;
  assigneeId?: string;
  candidateRoles?: readonly string[];
  /** Absent: every status (a case's whole history). */
  status?: TaskStatus;
  /** Only tasks due before this instant (overdue: now; due within N days: now + N days). */
  dueBefore?: Date;
  caseRef?: string;
  type?: string;
  after?: { dueAt: Date; id: string };
  limit: number;
}

/** A team's open work per worker: what a team manager reads to balance the caseload. */
export interface CaseloadRow {
  assigneeId: string | null;
  assigneeName: string | null;
  open: number;
  overdue: number;
  dueThisWeek: number;
}

const toRecord = (row: TaskEntity): TaskRecord => ({ ...row }) as TaskRecord;

function auditView(task: TaskEntity) {
  return { status: task.status, assigneeId: task.assigneeId, dueAt: task.dueAt, overdueSince: task.overdueSince, outcome: task.outcome };
}

/** The task inbox: opened, completed and marked overdue by workflow activities, read by the API. */
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens a task once per (workflow, key): a retried activity finds the row it made before. A row
   * that an earlier run of the workflow cancelled (a reset to before an exit) is opened again for
   * this run; one it completed is returned as it stands, so the run goes on with that decision.
   */
  async open(row: OpenTaskRow): Promise<TaskRecord> {
    return this.dataSource.transaction(async (manager) => {
      // The case's team, for team inboxes; a worker on leave has their new tasks go to their delegate.
      const [file]: { team_id: string | null }[] = await manager.query(`SELECT team_id FROM case_file WHERE case_ref = $1`, [row.caseRef]);
      const holder = row.assigneeId ? await DelegationsRepository.holderAt(manager, row.assigneeId, new Date(), row.candidateRole) : null;
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(TaskEntity)
        .values({ ...row, assigneeId: holder?.holderId ?? null, teamId: file?.team_id ?? null, status: 'open' })
        .orIgnore()
        .returning('*')
        .execute();
      const task = await manager.findOneOrFail(TaskEntity, { where: { workflowId: row.workflowId, taskKey: row.taskKey }, lock: { mode: 'pessimistic_write' } });
      const earlierRun = task.runId !== null && row.runId !== null && task.runId !== row.runId;
      if (inserted.raw.length === 0 && earlierRun && task.status === 'cancelled') {
        const reopened = { status: 'open', cancelReason: null, runId: row.runId, dueAt: row.dueAt, followUpAt: row.followUpAt, anchorAt: row.anchorAt, overdueSince: null };
        await manager.update(TaskEntity, { id: task.id }, reopened);
        await writeAudit(manager, {
          actorId: null,
          action: 'task.reopened',
          entityType: 'task',
          entityId: task.id,
          caseRef: task.caseRef,
          before: auditView(task),
          after: { ...auditView(task), ...reopened },
        });
        return toRecord(await manager.findOneByOrFail(TaskEntity, { id: task.id }));
      }
      if (inserted.raw.length > 0) {
        await writeAudit(manager, {
          actorId: null,
          action: 'task.opened',
          entityType: 'task',
          entityId: task.id,
          caseRef: task.caseRef,
          before: null,
          after: {
            type: task.type,
            ...auditView(task),
            ruleId: task.ruleId,
            rulePackId: task.rulePackId,
            rulePackVersion: task.rulePackVersion,
            ...(holder?.delegatedFrom ? { delegatedFrom: holder.delegatedFrom } : {}),
          },
        });
      }
      return toRecord(task);
    });
  }

  /**
   * Closes an open task with its outcome, resolves its alerts and audits it, in one statement:
   * this runs inside the staff member's request. Repeating the same completion is a no-op.
   */
  async complete(completion: TaskCompletion): Promise<void> {
    const closed: { id: string }[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE task SET status = 'completed', outcome = $2, completed_by = $3, completed_at = $4,
                completion_key = $5, submission_id = $6, updated_at = now()
          WHERE id = $1 AND status = 'open'
         RETURNING id, case_ref, assignee_id, due_at, overdue_since
       ), resolved AS (
         UPDATE alert SET resolved_at = $4 WHERE task_id IN (SELECT id FROM closed) AND resolved_at IS NULL
       ), audited AS (
         INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, case_ref, before, after)
         SELECT $4, $3, 'task.completed', 'task', id::text, case_ref,
                jsonb_build_object('status', 'open', 'assigneeId', assignee_id, 'dueAt', due_at, 'overdueSince', overdue_since, 'outcome', null),
                jsonb_build_object('status', 'completed', 'assigneeId', assignee_id, 'dueAt', due_at, 'overdueSince', overdue_since, 'outcome', $2::text)
           FROM closed
       )
       SELECT id FROM closed`,
      [completion.taskId, completion.outcome, completion.completedBy, completion.completedAt, completion.completionKey, completion.submissionId],
    );
    if (closed.length > 0) return;
    const task = await this.findById(completion.taskId);
    if (task?.status === 'completed' && task.completionKey === completion.completionKey) return;
    throw new DomainError('task-closed', `task ${completion.taskId} is ${task ? task.status : 'missing'}; it cannot be completed`);
  }

  /** Marks an open task overdue and raises its one alert; repeating it changes nothing. */
  async markOverdue(taskId: string, at: Date): Promise<{ alertRaised: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedTask(manager, taskId);
      if (before.status !== 'open' || before.overdueSince) return { alertRaised: false };
      await manager.update(TaskEntity, { id: taskId }, { overdueSince: at });
      const alertRaised = await raiseAlert(manager, {
        kind: 'task-overdue',
        severity: 'warning',
        about: before.type,
        dedupeKey: `task-overdue:${taskId}`,
        taskId,
        caseRef: before.caseRef,
        recipientRole: 'team-manager',
        recipientId: null,
        raisedAt: at,
      });
      await writeAudit(manager, {
        actorId: null,
        action: 'task.overdue',
        entityType: 'task',
        entityId: taskId,
        caseRef: before.caseRef,
        before: auditView(before),
        after: { ...auditView(before), overdueSince: at },
        occurredAt: at,
      });
      return { alertRaised };
    });
  }

  /**
   * A reminder to whoever holds the task (the assignee, else its role) or an escalation to the
   * team manager. The message names the task, never a person.
   */
  async notify(taskId: string, kind: TaskNoticeKind, sequence: number, at: Date): Promise<{ raised: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockedTask(manager, taskId);
      if (task.status !== 'open') return { raised: false };
      const reminder = kind === 'task-reminder';
      const raised = await raiseAlert(manager, {
        kind,
        severity: reminder ? 'info' : 'warning',
        about: task.type,
        dedupeKey: `${kind}:${taskId}:${sequence}`,
        taskId,
        caseRef: task.caseRef,
        recipientRole: reminder ? (task.assigneeId ? null : task.candidateRole) : 'team-manager',
        recipientId: reminder ? task.assigneeId : null,
        raisedAt: at,
      });
      return { raised };
    });
  }

  /**
   * Moves an open task's deadlines (a calendar change); a task whose new due date has not passed
   * is no longer overdue, and its overdue alert is resolved. Returns the task as it now stands.
   */
  async reschedule(taskId: string, deadline: { dueAt: Date; followUpAt: Date | null }, now: Date, calendarChangeId: string | null = null): Promise<TaskRecord> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedTask(manager, taskId);
      if (before.status === 'open' && before.dueAt.getTime() !== deadline.dueAt.getTime()) {
        const overdueSince = deadline.dueAt > now ? null : before.overdueSince;
        await manager.update(TaskEntity, { id: taskId }, { ...deadline, overdueSince });
        if (before.overdueSince && !overdueSince) {
          await manager.query(`UPDATE alert SET resolved_at = $2 WHERE dedupe_key = $1 AND resolved_at IS NULL`, [`task-overdue:${taskId}`, now]);
        }
        await writeAudit(manager, {
          actorId: null,
          action: 'task.rescheduled',
          entityType: 'task',
          entityId: taskId,
          caseRef: before.caseRef,
          before: { dueAt: before.dueAt, followUpAt: before.followUpAt, overdueSince: before.overdueSince },
          after: { ...deadline, overdueSince, calendarChangeId },
        });
      }
      return toRecord(await manager.findOneByOrFail(TaskEntity, { id: taskId }));
    });
  }

  /**
   * Moves the deadlines of the open tasks of these cases for one calendar change, in one
   * transaction: only rows last computed under an older change are written (a change's late write
   * never overwrites a newer one's), a deadline no longer passed clears its overdue mark and alert,
   * and each move is audited with the change. Returns every open task of the cases as it now stands.
   */
  async rescheduleForChange(
    workflowIds: readonly string[],
    change: { id: string; seq: number; rulePackIds: readonly string[] },
    compute: (task: TaskRecord) => { dueAt: Date; followUpAt: Date | null },
    now: Date,
  ): Promise<TaskRecord[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(TaskEntity)
        .createQueryBuilder('t')
        .addSelect('t.calendarSeq')
        .where(`t.workflow_id = ANY(:workflowIds) AND t.status = 'open' AND t.rule_pack_id = ANY(:packs)`, { workflowIds, packs: change.rulePackIds })
        .orderBy('t.id')
        .setLock('pessimistic_write')
        .getMany();
      const moves = rows
        .filter((row) => Number(row.calendarSeq) < change.seq)
        .map((row) => ({ row, deadline: compute(toRecord(row)) }));
      if (moves.length > 0) {
        await manager.query(
          `UPDATE task t SET due_at = m.due_at, follow_up_at = m.follow_up_at, calendar_seq = $4, updated_at = now(),
                  overdue_since = CASE WHEN m.due_at > $5 THEN NULL ELSE t.overdue_since END
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::timestamptz[]) AS due_at, unnest($3::timestamptz[]) AS follow_up_at) m
            WHERE t.id = m.id AND t.calendar_seq < $4 AND t.status = 'open'`,
          [moves.map((m) => m.row.id), moves.map((m) => m.deadline.dueAt), moves.map((m) => m.deadline.followUpAt), change.seq, now],
        );
        const moved = moves.filter((m) => m.row.dueAt.getTime() !== m.deadline.dueAt.getTime());
        const cleared = moved.filter((m) => m.row.overdueSince && m.deadline.dueAt > now).map((m) => `task-overdue:${m.row.id}`);
        if (cleared.length > 0) await manager.query(`UPDATE alert SET resolved_at = $2 WHERE dedupe_key = ANY($1) AND resolved_at IS NULL`, [cleared, now]);
        if (moved.length > 0) {
          await manager.query(
            `INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, case_ref, before, after)
             SELECT $1, NULL, 'task.rescheduled', 'task', m.id, m.case_ref,
                    jsonb_build_object('dueAt', m.before_due, 'overdueSince', m.overdue_since),
                    jsonb_build_object('dueAt', m.after_due, 'overdueSince', CASE WHEN m.after_due > $1 THEN NULL ELSE m.overdue_since END, 'calendarChangeId', $2::text)
               FROM (SELECT unnest($3::text[]) AS id, unnest($4::text[]) AS case_ref, unnest($5::timestamptz[]) AS before_due,
                            unnest($6::timestamptz[]) AS after_due, unnest($7::timestamptz[]) AS overdue_since) m`,
            [now, change.id, moved.map((m) => m.row.id), moved.map((m) => m.row.caseRef), moved.map((m) => m.row.dueAt), moved.map((m) => m.deadline.dueAt), moved.map((m) => m.row.overdueSince)],
          );
        }
      }
      const current = await manager.getRepository(TaskEntity).find({ where: { workflowId: In([...workflowIds]), status: 'open' } });
      return current.map(toRecord);
    });
  }

  /** Cancels the open tasks of a workflow (all, or these) with a reason: a withdrawal, an ended assessment, a case moved to another sitting. */
  async cancelOpen(workflowId: string, reason: string, actorId: string | null, at: Date, onlyTaskIds?: readonly string[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const where = { workflowId, status: 'open', ...(onlyTaskIds ? { id: In([...onlyTaskIds]) } : {}) };
      const open = await manager.find(TaskEntity, { where, lock: { mode: 'pessimistic_write' } });
      for (const task of open) {
        await manager.update(TaskEntity, { id: task.id }, { status: 'cancelled', cancelReason: reason });
        await manager.query(`UPDATE alert SET resolved_at = $2 WHERE task_id = $1 AND resolved_at IS NULL`, [task.id, at]);
        await writeAudit(manager, {
          actorId,
          action: 'task.cancelled',
          entityType: 'task',
          entityId: task.id,
          caseRef: task.caseRef,
          before: auditView(task),
          after: { ...auditView(task), status: 'cancelled', cancelReason: reason },
          occurredAt: at,
        });
      }
      return open.length;
    });
  }

  /**
   * Gives open tasks of a workflow to someone (null: back to their role), audited with the reason;
   * someone on leave has them go to their delegate. Returns the open tasks moved and who holds them.
   */
  async assign(workflowId: string, taskIds: readonly string[], to: string | null, actorId: string, reason: string): Promise<{ taskIds: string[]; holders: Record<string, string | null> }> {
    return this.dataSource.transaction(async (manager) => {
      const open = await manager.find(TaskEntity, { where: { workflowId, status: 'open', id: In([...taskIds]) }, lock: { mode: 'pessimistic_write' } });
      const holders: Record<string, string | null> = {};
      for (const task of open) holders[task.id] = to ? (await DelegationsRepository.holderAt(manager, to, new Date(), task.candidateRole)).holderId : null;
      const moving = open.filter((task) => task.assigneeId !== holders[task.id]);
      for (const task of moving) {
        const assigneeId = holders[task.id];
        await manager.update(TaskEntity, { id: task.id }, { assigneeId });
        await writeAudit(manager, {
          actorId,
          action: `task.${reason}`,
          entityType: 'task',
          entityId: task.id,
          caseRef: task.caseRef,
          before: auditView(task),
          after: { ...auditView(task), assigneeId, ...(assigneeId !== to ? { delegatedFrom: to } : {}) },
        });
      }
      // A task whose holder was deactivated or left the team has a holder again.
      await manager.query(`UPDATE alert SET resolved_at = now() WHERE task_id = ANY($1) AND kind = 'holder-unavailable' AND resolved_at IS NULL`, [moving.map((task) => task.id)]);
      return { taskIds: open.map((task) => task.id), holders };
    });
  }

  /** The latest completed task of a type on a case, with the form staff sent with it. */
  async latestCompleted(caseRef: string, type: string): Promise<{ task: TaskRecord; data: Record<string, unknown> | null } | null> {
    const task = await this.dataSource.getRepository(TaskEntity).findOne({ where: { caseRef, type, status: 'completed' }, order: { completedAt: 'DESC' } });
    if (!task) return null;
    const [submission]: { data: Record<string, unknown> }[] = task.submissionId ? await this.dataSource.query(`SELECT data FROM task_submission WHERE id = $1`, [task.submissionId]) : [];
    return { task: toRecord(task), data: submission?.data ?? null };
  }

  async findById(id: string): Promise<TaskRecord | null> {
    const row = await this.dataSource.getRepository(TaskEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  /**
   * A page of tasks in due order, keyset paged on (due_at, id). A work list is the union of what the
   * person holds and what is offered to each of their roles, each branch walking its own index in
   * due order, so a page costs the same for a role with ten open tasks as for one with a million.
   */
  async list(query: TaskListQuery): Promise<TaskRecord[]> {
    const { values, param } = sqlParams();
    if (query.status && !TASK_STATUSES.includes(query.status)) throw new DomainError('invalid-input', `no task status ${query.status}`);
    // The status is inlined (it is one of TASK_STATUSES): a partial index on status = 'open' matches only a literal.
    const common = query.status ? [`t.status = '${query.status}'`] : [];
    if (query.teamId) common.push(`t.team_id = ${param(query.teamId)}`);
    if (query.assigneeId) common.push(`t.assignee_id = ${param(query.assigneeId)}`);
    // One role as `=`, not ANY: PostgreSQL then walks the role's index in due order.
    if (query.candidateRoles) common.push(query.candidateRoles.length === 1 ? `t.candidate_role = ${param(query.candidateRoles[0])}` : `t.candidate_role = ANY(${param(query.candidateRoles)})`);
    if (query.dueBefore) common.push(`t.due_at < ${param(query.dueBefore)}`);
    if (query.caseRef) common.push(`t.case_ref = ${param(query.caseRef)}`);
    if (query.type) common.push(`t.type = ${param(query.type)}`);
    if (query.after) common.push(`(t.due_at, t.id) > (${param(query.after.dueAt)}, ${param(query.after.id)})`);
    const limit = param(query.limit);
    const branches: string[][] = [];
    const viewer = query.actableBy;
    if (!viewer) branches.push([]);
    else {
      branches.push([query.status === 'open' ? `t.assignee_id = ${param(viewer.userId)}` : `(t.assignee_id = ${param(viewer.userId)} OR t.completed_by = ${param(viewer.userId)})`]);
      if (query.status === 'open') {
        for (const role of viewer.roles) {
          const teamRole = TEAM_ROLES.includes(role);
          if (teamRole && !viewer.teamId) continue; // team work is offered within a team only
          const offered = [`t.assignee_id IS NULL`, `t.candidate_role = ${param(role)}`];
          if (teamRole) offered.push(`t.team_id = ${param(viewer.teamId)}`);
          branches.push(offered);
        }
      }
    }
    const selects = branches.map((branch) => `(SELECT t.id, t.due_at FROM task t WHERE ${[...common, ...branch].join(' AND ')} ORDER BY t.due_at, t.id LIMIT ${limit})`);
    const page: { id: string }[] = await this.dataSource.query(
      selects.length === 1 ? selects[0] : `SELECT id, due_at FROM (${selects.join(' UNION ALL ')}) p ORDER BY due_at, id LIMIT ${limit}`,
      values,
    );
    if (page.length === 0) return [];
    const rows = await this.dataSource.getRepository(TaskEntity).findBy({ id: In(page.map((row) => row.id)) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return page.map((row) => toRecord(byId.get(row.id)!));
  }

  /** A team's open tasks per holder: open, overdue and due within the week (unassigned ones under null). */
  async caseload(teamId: string, now: Date): Promise<CaseloadRow[]> {
    const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
    return this.dataSource.query(
      `SELECT t.assignee_id AS "assigneeId", s.display_name AS "assigneeName", count(*)::int AS open,
              count(*) FILTER (WHERE t.due_at <= $2)::int AS overdue,
              count(*) FILTER (WHERE t.due_at > $2 AND t.due_at <= $3)::int AS "dueThisWeek"
         FROM task t LEFT JOIN staff_user s ON s.id = t.assignee_id
        WHERE t.status = 'open' AND t.team_id = $1
        GROUP BY t.assignee_id, s.display_name
        ORDER BY s.display_name NULLS LAST`,
      [teamId, now, weekAhead],
    );
  }

  /** The open tasks a person holds, across cases: what a manager moves when they are off sick. */
  async openHeldBy(assigneeId: string): Promise<TaskRecord[]> {
    const rows = await this.dataSource.getRepository(TaskEntity).find({ where: { assigneeId, status: 'open' }, order: { dueAt: 'ASC', id: 'ASC' } });
    return rows.map(toRecord);
  }

  /**
   * Keeps what staff sent with a completion, once per idempotency key, out of workflow history. The
   * same key with a different body is a conflict: a retry must repeat the request it retries.
   */
  async saveSubmission(submission: { taskId: string; idempotencyKey: string; submittedBy: string; outcome: string; data: object }): Promise<string> {
    const [saved]: { id: string; same: boolean }[] = await this.dataSource.query(
      `INSERT INTO task_submission (task_id, idempotency_key, submitted_by, outcome, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id, idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, (submitted_by = $3 AND outcome = $4 AND data = $5::jsonb) AS same`,
      [submission.taskId, submission.idempotencyKey, submission.submittedBy, submission.outcome, submission.data],
    );
    if (!saved.same) throw new DomainError('conflict', 'this Idempotency-Key was used with a different request; use a new key');
    return saved.id;
  }

  private async lockedTask(manager: EntityManager, id: string): Promise<TaskEntity> {
    return manager.findOneOrFail(TaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
