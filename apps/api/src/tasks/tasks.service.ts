import { Inject, Injectable } from '@nestjs/common';
import { Actor, ApprovalTerms, assertMayComplete, DomainError, TaskRecord, taskDefinition } from '@hearth/domain';
import { AuditTrailRepository, HouseholdMembersRepository, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { CompleteTaskRequest, completeTaskUpdate, completeTaskUpdateId } from '@hearth/workflows/contracts/human-task.contract';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { validateDeparture, validateTaskForm } from './forms/task-forms';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';
import { TaskPage, TaskView, taskViews } from './task.view';

const SEES_EVERY_TASK = ['team-manager', 'admin'] as const;

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly audit: AuditTrailRepository,
    private readonly members: HouseholdMembersRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(actor: Actor, query: ListTasksQuery): Promise<TaskPage> {
    const limit = query.limit ?? 20;
    const now = new Date();
    const seesAll = actor.roles.some((role) => (SEES_EVERY_TASK as readonly string[]).includes(role));
    const rows = await this.tasks.list({
      visibleTo: seesAll ? undefined : { userId: actor.userId, roles: actor.roles },
      assigneeId: query.assignedToMe ? actor.userId : undefined,
      candidateRoles: query.role ? [query.role] : undefined,
      status: query.overdue ? 'open' : (query.status ?? 'open'),
      overdueAt: query.overdue ? now : undefined,
      caseRef: query.caseRef,
      after: query.cursor ? decodeTaskCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await taskViews(page, this.members, now),
      nextCursor: rows.length > limit && last ? encodeTaskCursor(last) : null,
    };
  }

  async get(id: string): Promise<TaskView> {
    return this.view(await this.found(id));
  }

  /**
   * Records a staff decision. Checks what PostgreSQL already knows (404, 403, 409), keeps any form
   * data, then sends the Update, whose validator has the final word; the Update id is derived from
   * the Idempotency-Key, so a retry has one effect. The workflow writes the completion to
   * PostgreSQL only once the server has durably accepted the Update, so a row completed under this
   * key is the workflow's own answer to it.
   */
  async complete(actor: Actor, id: string, body: CompleteTaskDto, idempotencyKey: string): Promise<TaskView> {
    const task = await this.found(id);
    if (task.status !== 'open') {
      if (task.completionKey === idempotencyKey && task.completedBy === actor.userId) return this.view(task);
      throw new DomainError('task-closed', `this task is already ${task.status}`);
    }
    const definition = taskDefinition(task.type);
    const refusal = { actorId: actor.userId, action: 'task.completion-refused', entityType: 'task', entityId: task.id, caseRef: task.caseRef };
    await auditRefusals(this.audit, refusal, async () => {
      if (definition.completedThrough) throw new DomainError('invalid-outcome', `this task is completed through ${definition.completedThrough}`);
      assertMayComplete(actor, task, definition, body.outcome);
    });
    validateTaskForm(task.formKey, body.outcome, body.data);
    if (task.type === 'make-decision') {
      const recommendation = await this.tasks.latestCompleted(task.caseRef, 'record-panel-recommendation');
      if (recommendation) validateDeparture({ outcome: recommendation.task.outcome!, terms: recommendation.data?.terms as ApprovalTerms | undefined }, body.outcome, body.data);
    }
    const submissionId = body.data
      ? await this.tasks.saveSubmission({ taskId: task.id, idempotencyKey, submittedBy: actor.userId, outcome: body.outcome, data: body.data })
      : null;
    const request: CompleteTaskRequest = {
      taskId: task.id,
      outcome: body.outcome,
      actor: { userId: actor.userId, roles: actor.roles },
      completionKey: idempotencyKey,
      submissionId,
    };
    const handle = this.temporal.workflow.getHandle(task.workflowId);
    await auditRefusals(this.audit, refusal, () =>
      sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
        handle.executeUpdate(completeTaskUpdate, { args: [request], updateId: completeTaskUpdateId(task.id, idempotencyKey) }),
      ),
    );
    return this.view(await this.found(id));
  }

  private async view(task: TaskRecord): Promise<TaskView> {
    return (await taskViews([task], this.members))[0];
  }

  private async found(id: string): Promise<TaskRecord> {
    const task = await this.tasks.findById(id);
    if (!task) throw new DomainError('not-found', `no task ${id}`);
    return task;
  }
}
