import { Actor, caseRef, StaffRole, TaskOutcome, TaskType } from '@hearth/domain';
import { createTemporalClient, createTemporalConnection, TemporalConfig } from '@hearth/temporal';
import { Client, Connection, WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { caseUpdateId, closeCaseUpdate, bookPanelUpdate, retryStepUpdate } from '@hearth/workflows/contracts/case.contract';
import { adultJoinedUpdate, HouseholdExit, HouseholdWorkflowInput, supervisingWorkerUpdate } from '@hearth/workflows/contracts/household.contract';
import { AssignTasksRequest, assignTasksUpdate, completeTaskUpdate } from '@hearth/workflows/contracts/human-task.contract';
import type { householdWorkflow } from '@hearth/workflows/household.workflow';
import { randomUUID } from 'node:crypto';
import { bundledWorkflows, eventually } from './hearth-harness';
import { InMemoryCase, MemoryTask } from './in-memory-case';

let runtimeInstalled = false;

export interface KitHarness {
  store: InMemoryCase;
  client: Client;
  temporal: TemporalConfig;
  /** Starts a household's workflow at the enquiry, with its first adult (the enquirer). */
  startHousehold(rulePackId?: string, rulePackVersion?: number): Promise<HouseholdDriver>;
  close(): Promise<void>;
}

/**
 * The real workflows on the real Temporal server, on a task queue of their own, against
 * in-memory activities: a pathway's logic tested without HTTP, the API or PostgreSQL.
 */
export async function startKit(): Promise<KitHarness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const temporal: TemporalConfig = { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: `kit-${randomUUID()}` };
  const store = new InMemoryCase();
  const workerConnection = await NativeConnection.connect({ address: temporal.address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    activities: store.activities(),
    workflowBundle: { codePath: await bundledWorkflows() },
  });
  const running = worker.run();
  const connection: Connection = createTemporalConnection(temporal);
  const client = createTemporalClient(connection, temporal);
  const kit: KitHarness = {
    store,
    client,
    temporal,
    async startHousehold(rulePackId = 'test-seconds', rulePackVersion = 1) {
      const householdId = randomUUID();
      store.members.push({ id: randomUUID(), householdId, kind: 'adult', comesOfAgeAt: null });
      const input: HouseholdWorkflowInput = { householdId, rulePackId, rulePackVersion };
      const handle = await client.workflow.start<typeof householdWorkflow>('householdWorkflow', { workflowId: caseRef('household', householdId), taskQueue: temporal.taskQueue, args: [input] });
      return new HouseholdDriver(kit, householdId, handle);
    },
    async close() {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
    },
  };
  return kit;
}

/** Staff of the kit tests: an id and roles, as the API would send them. */
export const staff = (userId: string, ...roles: StaffRole[]): Actor => ({ userId, roles });
export const STAFF = {
  caseworker: staff('caseworker-1', 'caseworker'),
  otherCaseworker: staff('caseworker-2', 'caseworker'),
  manager: staff('manager-1', 'team-manager'),
  assessor: staff('assessor-1', 'assessor'),
  chair: staff('chair-1', 'panel-chair'),
  otherChair: staff('chair-2', 'panel-chair'),
  member: staff('member-1', 'panel-member'),
  decisionMaker: staff('decision-maker-1', 'decision-maker'),
  admin: staff('admin-1', 'admin'),
};

export const TERMS = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term'], languages: ['ckb'] };
export const APPROVAL = { terms: TERMS, reasons: 'meets the standards' };

/** The domain code a workflow gave when it refused an Update (the API maps it to a status). */
export function refusalCode(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  for (let cause: unknown = error.cause; cause; cause = (cause as Error).cause) if (cause instanceof ApplicationFailure) return cause.type ?? undefined;
  return undefined;
}

/** Drives one household's workflow directly, as the API would: Updates and signals, ids only. */
export class HouseholdDriver {
  readonly ref: string;

  constructor(
    private readonly kit: KitHarness,
    readonly householdId: string,
    readonly handle: WorkflowHandle,
  ) {
    this.ref = caseRef('household', householdId);
  }

  get store(): InMemoryCase {
    return this.kit.store;
  }

  async stage(stage: string): Promise<void> {
    await eventually(async () => (this.store.stageOf(this.householdId) === stage ? true : undefined), 20_000, `stage ${stage} (at ${this.store.stageOf(this.householdId)})`);
  }

  /** Waits for `count` open tasks of a type. */
  async open(type: TaskType, count = 1): Promise<MemoryTask[]> {
    return eventually(async () => {
      const open = this.store.openTasks(this.ref, type);
      return open.length >= count ? open : undefined;
    }, 20_000, `${count} open ${type}`);
  }

  /** Sends an Update as the API does, retrying while the case is still opening the task. */
  async send<T>(update: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await update();
      } catch (error) {
        if (refusalCode(error) !== 'not-ready' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  complete(task: MemoryTask, actor: Actor, outcome: string, data?: Record<string, unknown>) {
    const submissionId = data ? this.store.submit(data) : null;
    const key = randomUUID();
    return this.send(() => this.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, outcome, actor, completionKey: key, submissionId }], updateId: `complete-task:${task.id}:${key}` }));
  }

  /** Completes every open task of a type (waiting for `count` of them). */
  async do<T extends TaskType>(type: T, actor: Actor, outcome: TaskOutcome<T>, data?: Record<string, unknown>, count = 1): Promise<void> {
    for (const task of await this.open(type, count)) await this.complete(task, actor, outcome, data);
  }

  /** The code of the refusal the workflow gives this completion. */
  /** Moves tasks as the API would (a reassignment, claim or release); resolves with the ids the case moved. */
  async assign(tasks: MemoryTask[], assignee: Actor | null, actor: Actor, reason: AssignTasksRequest['reason'] = 'reassigned', expectedAssigneeId?: string | null): Promise<string[]> {
    const request: AssignTasksRequest = {
      taskIds: tasks.map((task) => task.id),
      assigneeId: assignee?.userId ?? null,
      assigneeRoles: [...(assignee?.roles ?? [])],
      actor,
      reason,
      ...(expectedAssigneeId !== undefined ? { expectedAssigneeId } : {}),
    };
    // As the API does: a case still opening the task (or moving it) answers "not ready"; ask again.
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.handle.executeUpdate(assignTasksUpdate, { args: [request], updateId: randomUUID() })).taskIds;
      } catch (error) {
        if (refusalCode(error) !== 'not-ready' || attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** A team manager names the supervising worker. */
  async supervise(worker: Actor, actor = STAFF.manager): Promise<string[]> {
    return (await this.handle.executeUpdate(supervisingWorkerUpdate, { args: [{ workerId: worker.userId, actor }], updateId: randomUUID() })).movedTaskIds;
  }

  async refusal(task: MemoryTask, actor: Actor, outcome: string, data?: Record<string, unknown>): Promise<string | undefined> {
    try {
      await this.complete(task, actor, outcome, data);
    } catch (error) {
      const code = refusalCode(error);
      if (code) return code;
      throw error;
    }
    return undefined;
  }

  exit(exit: HouseholdExit, actor: Actor) {
    return this.send(() => this.handle.executeUpdate(closeCaseUpdate, { args: [{ exit, actor }], updateId: caseUpdateId('close-case', this.ref as never, randomUUID()) }));
  }

  book(booking: { sittingInMs?: number; chairId?: string; memberIds?: string[]; actor?: Actor } = {}) {
    const panelId = randomUUID();
    const sittingAt = new Date(Date.now() + (booking.sittingInMs ?? 1_500)).toISOString();
    return this.send(() =>
      this.handle.executeUpdate(bookPanelUpdate, {
        args: [{ panelId, sittingAt, chairId: booking.chairId ?? STAFF.chair.userId, memberIds: booking.memberIds ?? [STAFF.member.userId], actor: booking.actor ?? STAFF.manager, idempotencyKey: randomUUID() }],
        updateId: caseUpdateId('book-panel', this.ref as never, randomUUID()),
      }),
    ).then(() => ({ panelId, sittingAt }));
  }

  retry(step: string, actor: Actor) {
    return this.handle.executeUpdate(retryStepUpdate, { args: [{ step, actor }], updateId: caseUpdateId('retry-step', this.ref as never, randomUUID()) });
  }

  /** Adds a member to the household's record and tells the workflow, as the API does for adults. */
  async addMember(kind: 'adult' | 'child', comesOfAgeAt: Date | null = null): Promise<string> {
    const id = randomUUID();
    this.store.members.push({ id, householdId: this.householdId, kind, comesOfAgeAt });
    if (kind === 'adult') await this.handle.executeUpdate(adultJoinedUpdate, { args: [{ memberId: id }] });
    return id;
  }

  /** The applicant withdraws just as the application task is being opened (its open held until then). */
  async withdrawWhileOpeningApplication(): Promise<void> {
    await this.do('respond-to-enquiry', STAFF.caseworker, 'visit-arranged');
    const [visit] = await this.open('initial-home-visit');
    const opens = this.store.calls.get('openTask') ?? 0;
    const release = this.store.hold('openTask');
    await this.complete(visit, STAFF.caseworker, 'invite-application');
    await eventually(async () => ((this.store.calls.get('openTask') ?? 0) > opens ? true : undefined), 5_000, 'the application task to be opening');
    const withdrawing = this.exit('withdrawn', STAFF.caseworker);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await withdrawing;
  }

  async toStageOne(): Promise<void> {
    await this.do('respond-to-enquiry', STAFF.caseworker, 'visit-arranged');
    await this.do('initial-home-visit', STAFF.caseworker, 'invite-application');
    await this.do('receive-application', STAFF.caseworker, 'application-received');
    await this.stage('stage-1');
  }

  async throughStageOne(adults = 1): Promise<void> {
    await this.do('background-check', STAFF.caseworker, 'satisfactory', undefined, adults);
    await this.do('personal-reference', STAFF.caseworker, 'satisfactory', undefined, 2);
    for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference'] as const) await this.do(type, STAFF.caseworker, 'satisfactory');
    await this.do('decide-stage-2', STAFF.manager, 'proceed-to-stage-2');
    await this.stage('stage-2');
  }

  async throughStageTwo(): Promise<void> {
    await this.do('assessment-visits', STAFF.assessor, 'completed');
    await this.do('assessment-report', STAFF.assessor, 'completed');
    await this.do('preparation-training', STAFF.caseworker, 'attended');
    await this.open('book-panel');
  }

  /** Papers out, the sitting passes, the chair records the recommendation. */
  async recommend(outcome: TaskOutcome<'record-panel-recommendation'>, data: Record<string, unknown>, sittingAt: string, papersBy = STAFF.caseworker): Promise<void> {
    await this.do('send-panel-papers', papersBy, 'sent');
    await eventually(async () => (Date.now() > Date.parse(sittingAt) ? true : undefined), 10_000, 'the sitting');
    await this.do('record-panel-recommendation', STAFF.chair, outcome, data);
  }

  /** Enquiry to the decision, every step in time by the right role. */
  async toDecision(): Promise<void> {
    await this.toStageOne();
    await this.throughStageOne();
    await this.throughStageTwo();
    const { sittingAt } = await this.book();
    await this.recommend('approve', APPROVAL, sittingAt);
    await this.stage('decision');
  }
}
