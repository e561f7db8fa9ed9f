import { Inject, Injectable } from '@nestjs/common';
import { assertMayComplete, DomainError, explainDeadline, FormLanguage, rulePackVersion, StaffMember, StaffRole, TaskRecord, taskDefinition, TEAM_ROLES } from '@hearth/domain';
import { AuditTrailRepository, CalendarHolidaysRepository, CaseFilesRepository, DelegationsRepository, StaffUsersRepository, TaskListQuery, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import {
  AssignTasksRequest,
  assignTasksUpdate,
  assignTasksUpdateId,
  CompleteTaskRequest,
  completeTaskUpdate,
  completeTaskUpdateId,
} from '@hearth/workflows/contracts/human-task.contract';
import { CaseAccess } from '../access/case-access';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReassignTasksDto, TaskMoveResult } from './dto/reassign-tasks.dto';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';
import { DeadlineExplanationView } from './deadline-explanation.view';
import { TaskPage, TaskView, TaskViews } from './task.view';
import { CompletionChecks } from './completion-checks';

const DAY_MS = 86_400_000;

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly audit: AuditTrailRepository,
    private readonly caseFiles: CaseFilesRepository,
    private readonly users: StaffUsersRepository,
    private readonly delegations: DelegationsRepository,
    private readonly holidays: CalendarHolidaysRepository,
    private readonly access: CaseAccess,
    private readonly views: TaskViews,
    private readonly checks: CompletionChecks,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * A work list. By default the tasks this person may act on; `caseRef`/`caseNumber` gives a case's
   * tasks (need to know), `team=mine` the team's, `assignedTo` one worker's (their team manager).
   */
  async list(actor: StaffMember, query: ListTasksQuery): Promise<TaskPage> {
    const limit = query.limit ?? 20;
    const now = new Date();
    const caseRef = query.caseNumber ? await this.caseRefOfNumber(actor, query.caseNumber) : query.caseRef;
    const filter: TaskListQuery = {
      status: query.overdue ? 'open' : (query.status ?? 'open'),
      candidateRoles: query.role ? [query.role] : undefined,
      type: query.type,
      dueBefore: query.overdue ? now : query.dueWithinDays !== undefined ? new Date(now.getTime() + query.dueWithinDays * DAY_MS) : undefined,
      after: query.cursor ? decodeTaskCursor(query.cursor) : undefined,
      limit: limit + 1,
    };
    if (caseRef) {
      await this.access.assertMaySee(actor, caseRef);
      filter.caseRef = caseRef;
    } else if (query.team === 'mine') {
      if (!actor.teamId) throw new DomainError('not-permitted', 'you are not in a team: ask an admin to put you in one');
      if (!actor.roles.some((role) => TEAM_ROLES.includes(role))) throw new DomainError('not-permitted', 'team work lists are for caseworkers, assessors and team managers');
      filter.teamId = actor.teamId;
    } else if (query.assignedTo && query.assignedTo !== actor.userId) {
      await this.assertManages(actor, query.assignedTo);
      filter.assigneeId = query.assignedTo;
    } else if (query.assignedToMe || query.assignedTo) {
      filter.assigneeId = actor.userId;
    } else {
      filter.actableBy = actor;
    }
    const rows = await this.tasks.list(filter);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    await this.access.logRead(actor, page.map((task) => task.caseRef), ['caseName', 'subject'], 'GET /tasks');
    return { items: await this.views.of(page, now), nextCursor: rows.length > limit && last ? encodeTaskCursor(last) : null };
  }

  /** One task, to whoever may see its case. */
  async get(actor: StaffMember, id: string): Promise<TaskView> {
    return this.view(await this.visible(actor, id), actor, 'GET /tasks/:id');
  }

  /** Why a task is due when it is, under the pack version that set it and the jurisdiction's days off. */
  async whyDue(actor: StaffMember, id: string): Promise<DeadlineExplanationView> {
    const task = await this.visible(actor, id);
    const pack = rulePackVersion(task.rulePackId, task.rulePackVersion);
    return explainDeadline(pack, task.ruleId, task.anchorAt, task.dueAt, await this.holidays.list(pack.jurisdiction));
  }

  /**
   * Records a staff decision. Checks what PostgreSQL already knows (404, 403, 409), keeps any form
   * data, then sends the Update, whose validator has the final word; the Update id is derived from
   * the Idempotency-Key, so a retry has one effect. The workflow writes the completion to
   * PostgreSQL only once the server has durably accepted the Update, so a row completed under this
   * key is the workflow's own answer to it.
   */
  async complete(actor: StaffMember, id: string, body: CompleteTaskDto, idempotencyKey: string, language: FormLanguage = 'en'): Promise<TaskView> {
    const task = await this.visible(actor, id);
    if (task.status !== 'open') {
      if (task.completionKey === idempotencyKey && task.completedBy === actor.userId) return this.view(task, actor, 'POST /tasks/:id/complete');
      throw new DomainError('task-closed', `this task is already ${task.status}`);
    }
    const definition = taskDefinition(task.type);
    const refusal = { actorId: actor.userId, action: 'task.completion-refused', entityType: 'task', entityId: task.id, caseRef: task.caseRef };
    await auditRefusals(this.audit, refusal, async () => {
      if (definition.completedThrough) throw new DomainError('invalid-outcome', `this task is completed through ${definition.completedThrough}`);
      assertMayComplete(actor, task, definition, body.outcome);
    });
    await this.checks.check(task, body.outcome, body.data, language);
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
    return this.view(await this.found(id), actor, 'POST /tasks/:id/complete');
  }

  /** A member of staff takes a task offered to their role. */
  async claim(actor: StaffMember, id: string, idempotencyKey: string): Promise<TaskView> {
    const task = await this.visible(actor, id);
    if (task.assigneeId === actor.userId) return this.view(task, actor, 'POST /tasks/:id/claim');
    if (task.status !== 'open') throw new DomainError('task-closed', `this task is already ${task.status}`);
    if (task.assigneeId) throw new DomainError('conflict', 'someone already holds this task: ask their team manager to reassign it');
    if (!actor.roles.includes(task.candidateRole as StaffRole)) throw new DomainError('not-permitted', `this task is offered to the ${task.candidateRole} role`);
    await this.move(actor, [task], actor.userId, actor.roles, 'claimed', idempotencyKey, null);
    return this.view(await this.found(id), actor, 'POST /tasks/:id/claim');
  }

  /** The holder (or their team manager) gives a task back to its role. */
  async release(actor: StaffMember, id: string, idempotencyKey: string): Promise<TaskView> {
    const task = await this.visible(actor, id);
    if (task.assigneeId === null) return this.view(task, actor, 'POST /tasks/:id/release');
    if (task.status !== 'open') throw new DomainError('task-closed', `this task is already ${task.status}`);
    if (task.assigneeId !== actor.userId) await this.assertManages(actor, task.assigneeId);
    await this.move(actor, [task], null, [], 'released', idempotencyKey, task.assigneeId);
    return this.view(await this.found(id), actor, 'POST /tasks/:id/release');
  }

  /**
   * A team manager moves tasks of their team to a worker who may do them: the tasks named, or every
   * open task a worker holds (someone off sick). Each case's workflow takes its own tasks and may
   * refuse (separation of duties): a single task's refusal is the answer; with several, the
   * answer lists what moved and what was refused, and why.
   */
  async reassign(actor: StaffMember, body: ReassignTasksDto, idempotencyKey: string): Promise<TaskMoveResult> {
    if (!body.taskIds?.length && !body.fromWorkerId) throw new DomainError('invalid-input', 'name taskIds or fromWorkerId');
    // Someone on leave has the work go to their delegate: the case judges the one who will hold it.
    const target = await this.users.findById(await this.delegations.holderNow(body.toWorkerId));
    if (!target || !target.active) throw new DomainError('invalid-input', 'toWorkerId is not an active member of staff');
    if (body.fromWorkerId) await this.assertManages(actor, body.fromWorkerId, { formerly: true });
    const tasks = body.taskIds?.length
      ? await Promise.all(body.taskIds.map((id) => this.found(id)))
      : (await this.tasks.openHeldBy(body.fromWorkerId!)).filter((task) => task.teamId === actor.teamId);
    if (tasks.length === 0) throw new DomainError('not-found', "the worker holds no open tasks of your team's cases");
    const result: TaskMoveResult = { moved: [], refused: [] };
    const refuse = (task: TaskRecord, error: DomainError) => {
      if (tasks.length === 1) throw error;
      result.refused.push({ taskId: task.id, caseRef: task.caseRef, code: error.code, reason: error.message });
    };
    for (const task of tasks) {
      if (task.teamId !== actor.teamId) throw new DomainError('not-permitted', `task ${task.id} belongs to another team's case`);
      // Team work stays in the team: a worker of another team has no part in the case.
      if (TEAM_ROLES.includes(task.candidateRole as StaffRole) && target.teamId !== task.teamId) {
        throw new DomainError('not-permitted', `${target.displayName} is not in the case's team`);
      }
    }
    const byCase = new Map<string, TaskRecord[]>();
    for (const task of tasks) {
      if (task.status !== 'open') refuse(task, new DomainError('task-closed', `task ${task.id} is already ${task.status}`));
      else byCase.set(task.workflowId, [...(byCase.get(task.workflowId) ?? []), task]);
    }
    for (const caseTasks of byCase.values()) {
      try {
        // The case answers with the tasks it moved; one decided meanwhile is not among them.
        const { taskIds } = await this.move(actor, caseTasks, target.id, target.roles, 'reassigned', idempotencyKey);
        result.moved.push(...taskIds);
        for (const task of caseTasks.filter((task) => !taskIds.includes(task.id))) refuse(task, new DomainError('task-closed', `task ${task.id} was closed meanwhile`));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const task of caseTasks) refuse(task, error);
      }
    }
    return result;
  }

  /** Sends a move to the case's workflow; `expectedAssigneeId` makes a claim or release hold only if nobody moved the task meanwhile. */
  private async move(
    actor: StaffMember,
    tasks: TaskRecord[],
    assigneeId: string | null,
    assigneeRoles: readonly StaffRole[],
    reason: AssignTasksRequest['reason'],
    key: string,
    expectedAssigneeId?: string | null,
  ): Promise<{ taskIds: string[] }> {
    const [first] = tasks;
    const request: AssignTasksRequest = {
      taskIds: tasks.map((task) => task.id),
      assigneeId,
      assigneeRoles: [...assigneeRoles],
      actor: { userId: actor.userId, roles: actor.roles },
      reason,
      ...(expectedAssigneeId !== undefined ? { expectedAssigneeId } : {}),
    };
    const refusal = { actorId: actor.userId, action: `task.${reason}-refused`, entityType: 'task', entityId: first.id, caseRef: first.caseRef };
    const handle = this.temporal.workflow.getHandle(first.workflowId);
    return auditRefusals(this.audit, refusal, () =>
      sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () => handle.executeUpdate(assignTasksUpdate, { args: [request], updateId: assignTasksUpdateId(key) })),
    );
  }

  /**
   * A team manager acts on the work of the workers in their team; with `formerly`, also on the
   * tasks of their team's cases that someone who has left the team (or been deactivated) still holds.
   */
  private async assertManages(actor: StaffMember, workerId: string, options: { formerly?: boolean } = {}): Promise<void> {
    const worker = await this.users.findById(workerId);
    if (!worker) throw new DomainError('not-found', `no member of staff ${workerId}`);
    if (!actor.roles.includes('team-manager') || actor.teamId === null) throw new DomainError('not-permitted', "only the worker's team manager may do this");
    if (worker.teamId === actor.teamId || options.formerly) return;
    throw new DomainError('not-permitted', "only the worker's team manager may do this");
  }

  /** The case of a number, if this person may see it; the refusal names the number, never the case's id. */
  private async caseRefOfNumber(actor: StaffMember, caseNumber: string): Promise<string> {
    const ref = await this.caseFiles.refOfNumber(caseNumber);
    if (!ref) throw new DomainError('not-found', `no case ${caseNumber}`);
    try {
      await this.access.assertMaySee(actor, ref);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.code === 'not-found' ? `no case ${caseNumber}` : error.message);
      throw error;
    }
    return ref;
  }

  /** One task as the person who asked sees it; the read of its family's name is logged. */
  private async view(task: TaskRecord, actor: StaffMember, route: string): Promise<TaskView> {
    await this.access.logRead(actor, [task.caseRef], ['caseName', 'subject'], route);
    return (await this.views.of([task]))[0];
  }

  private async visible(actor: StaffMember, id: string): Promise<TaskRecord> {
    const task = await this.found(id);
    await this.access.assertMaySee(actor, task.caseRef, `no task ${id}`);
    return task;
  }

  private async found(id: string): Promise<TaskRecord> {
    const task = await this.tasks.findById(id);
    if (!task) throw new DomainError('not-found', `no task ${id}`);
    return task;
  }
}
