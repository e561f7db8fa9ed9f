import { TaskRecord, TaskStatus, StaffRole } from '@hearth/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AlertEntity } from '../entities/alert.entity';
import { TaskSubmissionEntity } from '../entities/task-submission.entity';
import { TaskEntity } from '../entities/task.entity';
import { writeAudit } from './audit';

export interface OpenTaskRow {
  workflowId: string;
  taskKey: string;
  type: string;
  caseRef: string;
  candidateRole: StaffRole;
  assigneeId: string | null;
  dueAt: Date;
  followUpAt: Date | null;
  priority: string;
  formKey: string;
  formVersion: number;
  ruleId: string;
  rulePackId: string;
  rulePackVersion: number;
}

export interface TaskCompletion {
  taskId: string;
  outcome: string;
  completedBy: string;
  completedAt: Date;
  completionKey: string;
  submissionId: string | null;
}

export interface TaskListQuery {
  /** Only tasks this user may act on: assigned to them or offered to one of their roles. */
  visibleTo?: { userId: string; roles: readonly string[] };
  assigneeId?: string;
  candidateRoles?: readonly string[];
  status?: TaskStatus;
  overdueAt?: Date;
  caseRef?: string;
  after?: { dueAt: Date; id: string };
  limit: number;
}

const toRecord = (row: TaskEntity): TaskRecord => ({ ...row }) as TaskRecord;

function auditView(task: TaskEntity) {
  return { status: task.status, assigneeId: task.assigneeId, dueAt: task.dueAt, overdueSince: task.overdueSince, outcome: task.outcome };
}

/** The task inbox: opened, completed and marked overdue by workflow activities, read by the API. */
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a task once per (workflow, key): a retried activity finds the row it made before. */
  async open(row: OpenTaskRow): Promise<TaskRecord> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(TaskEntity)
        .values({ ...row, status: 'open' })
        .orIgnore()
        .returning('*')
        .execute();
      const task = await manager.findOneByOrFail(TaskEntity, { workflowId: row.workflowId, taskKey: row.taskKey });
      if (inserted.raw.length > 0) {
        await writeAudit(manager, {
          actorId: null,
          action: 'task.opened',
          entityType: 'task',
          entityId: task.id,
          caseRef: task.caseRef,
          before: null,
          after: { type: task.type, ...auditView(task), ruleId: task.ruleId, rulePackId: task.rulePackId, rulePackVersion: task.rulePackVersion },
        });
      }
      return toRecord(task);
    });
  }

  /** Closes an open task with its outcome; repeating the same completion returns the closed task. */
  async complete(completion: TaskCompletion): Promise<TaskRecord> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedTask(manager, completion.taskId);
      if (before.status !== 'open') {
        if (before.completionKey === completion.completionKey) return toRecord(before);
        throw new Error(`task ${before.id} is already ${before.status}`);
      }
      await manager.update(TaskEntity, { id: before.id }, {
        status: 'completed',
        outcome: completion.outcome,
        completedBy: completion.completedBy,
        completedAt: completion.completedAt,
        completionKey: completion.completionKey,
        submissionId: completion.submissionId,
      });
      await manager.update(AlertEntity, { taskId: before.id, resolvedAt: IsNull() }, { resolvedAt: completion.completedAt });
      const after = await manager.findOneByOrFail(TaskEntity, { id: before.id });
      await writeAudit(manager, {
        actorId: completion.completedBy,
        action: 'task.completed',
        entityType: 'task',
        entityId: after.id,
        caseRef: after.caseRef,
        before: auditView(before),
        after: auditView(after),
        occurredAt: completion.completedAt,
      });
      return toRecord(after);
    });
  }

  /** Marks an open task overdue and raises its one alert; repeating it changes nothing. */
  async markOverdue(taskId: string, at: Date): Promise<{ alertRaised: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedTask(manager, taskId);
      if (before.status !== 'open' || before.overdueSince) return { alertRaised: false };
      await manager.update(TaskEntity, { id: taskId }, { overdueSince: at });
      const alert = await manager
        .createQueryBuilder()
        .insert()
        .into(AlertEntity)
        .values({ kind: 'task-overdue', severity: 'warning', taskId, caseRef: before.caseRef, raisedAt: at })
        .orIgnore()
        .returning('id')
        .execute();
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
      return { alertRaised: alert.raw.length > 0 };
    });
  }

  async findById(id: string): Promise<TaskRecord | null> {
    const row = await this.dataSource.getRepository(TaskEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async list(query: TaskListQuery): Promise<TaskRecord[]> {
    const qb = this.dataSource.getRepository(TaskEntity).createQueryBuilder('t');
    if (query.visibleTo) {
      qb.andWhere('(t.assignee_id = :viewer OR t.candidate_role = ANY(:viewerRoles))', {
        viewer: query.visibleTo.userId,
        viewerRoles: query.visibleTo.roles,
      });
    }
    if (query.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.candidateRoles) qb.andWhere('t.candidate_role = ANY(:candidateRoles)', { candidateRoles: query.candidateRoles });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.overdueAt) qb.andWhere(`t.status = 'open' AND t.due_at < :overdueAt`, { overdueAt: query.overdueAt });
    if (query.caseRef) qb.andWhere('t.case_ref = :caseRef', { caseRef: query.caseRef });
    if (query.after) qb.andWhere('(t.due_at, t.id) > (:afterDue, :afterId)', { afterDue: query.after.dueAt, afterId: query.after.id });
    const rows = await qb.orderBy('t.due_at', 'ASC').addOrderBy('t.id', 'ASC').limit(query.limit).getMany();
    return rows.map(toRecord);
  }

  /** Keeps what staff sent with a completion, once per idempotency key, out of workflow history. */
  async saveSubmission(submission: { taskId: string; idempotencyKey: string; submittedBy: string; outcome: string; data: Record<string, unknown> | null }): Promise<string> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TaskSubmissionEntity)
      .values(submission)
      .orIgnore()
      .execute();
    const saved = await this.dataSource
      .getRepository(TaskSubmissionEntity)
      .findOneByOrFail({ taskId: submission.taskId, idempotencyKey: submission.idempotencyKey });
    return saved.id;
  }

  private async lockedTask(manager: EntityManager, id: string): Promise<TaskEntity> {
    return manager.findOneOrFail(TaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
