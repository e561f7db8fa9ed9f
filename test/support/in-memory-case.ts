import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { addYears, ApprovalTerms, computeDeadline, departsFromRecommendation, LocalDate, noticeTimes, calendarOf, PlacementType, rulePackVersion, StaffRole, taskDefinition, TaskSubjectKind } from '@hearth/domain';
import type { HearthActivities } from '../../apps/worker/src/hearth-worker';
import type { OpenedTask, TaskSchedule } from '@hearth/workflows/contracts/activities.contract';

export interface MemoryTask {
  id: string;
  workflowId: string;
  runId: string | null;
  key: string;
  type: string;
  caseRef: string;
  candidateRole: StaffRole;
  assigneeId: string | null;
  subject: { kind: TaskSubjectKind; id: string } | null;
  status: 'open' | 'completed' | 'cancelled';
  anchorAt: Date;
  ruleId: string;
  rulePackId: string;
  rulePackVersion: number;
  dueAt: Date;
  overdueSince: Date | null;
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
  submissionId: string | null;
  cancelReason: string | null;
}

export interface MemoryAlert {
  kind: string;
  caseRef: string;
  about: string | null;
  taskId: string | null;
  raisedAt: Date;
  resolvedAt: Date | null;
}

export interface MemoryMember {
  id: string;
  householdId: string;
  kind: 'adult' | 'child';
  /** When a child comes of age (18th birthday); null for adults. */
  comesOfAgeAt: Date | null;
}

type ActivityName = keyof HearthActivities;

/** Makes an activity fail: `times` attempts, or until cleared; non-retryable failures end the attempts at once. */
interface Fault {
  remaining: number;
  nonRetryable: boolean;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;
const workflowIdOf = () => Context.current().info.workflowExecution!.workflowId;

/**
 * Every activity a Hearth workflow calls, over plain maps: the workflow-level tests run the real
 * workflows on the real Temporal server against this, without HTTP, the API or PostgreSQL. It
 * follows the same contracts as the PostgreSQL activities (idempotent opens, one alert per key).
 */
export class InMemoryCase {
  readonly tasks = new Map<string, MemoryTask>();
  readonly alerts = new Map<string, MemoryAlert>();
  readonly stages = new Map<string, string[]>();
  /** Household id -> its supervising worker, as the case file records it. */
  readonly supervisingWorkers = new Map<string, string>();
  readonly members: MemoryMember[] = [];
  readonly submissions = new Map<string, Record<string, unknown>>();
  readonly register = new Map<string, ApprovalTerms>();
  readonly decisions = new Map<string, { outcome: string; departs: boolean }>();
  readonly panelCases = new Map<string, { papersSentAt: string | null; recommendation: string | null }>();
  /** The child's journey (issue 10): each child's care plan facts, carer households' places, proposals, placements, visits, reviews. */
  readonly children = new Map<string, { dateOfBirth: LocalDate; placementType: PlacementType | null; untilEighteen: boolean }>();
  readonly places = new Map<string, { max: number; taken: number }>();
  readonly proposals = new Map<string, { childId: string; householdId: string; status: 'proposed' | 'approved' | 'rejected' }>();
  readonly placements = new Map<string, { childId: string; householdId: string; endedOn: LocalDate | null; reason: string | null }>();
  readonly visits: { placementId: string; taskId: string; visitedOn: LocalDate }[] = [];
  readonly reviews: { childId: string; heldOn: LocalDate }[] = [];
  /** How calendar changes reach a case (the kit harness sends the signal). */
  signal?: (workflowId: string, changeId: string) => Promise<void>;
  /** Declared days off, for every jurisdiction. */
  holidays: LocalDate[] = [];
  /** How many times each activity ran, and how many ran at once at most. */
  readonly calls = new Map<string, number>();
  readonly concurrency = new Map<string, { now: number; max: number }>();
  private readonly faults = new Map<string, Fault>();
  private readonly gates = new Map<string, Promise<void>>();

  /** Makes the next `times` runs of an activity fail (non-retryable: the step fails for good at once). */
  fail(activity: ActivityName, options: { times?: number; nonRetryable?: boolean } = {}): void {
    this.faults.set(activity, { remaining: options.times ?? Number.POSITIVE_INFINITY, nonRetryable: options.nonRetryable ?? false });
  }

  heal(activity: ActivityName): void {
    this.faults.delete(activity);
  }

  /** Holds every run of an activity until the returned function is called. */
  hold(activity: ActivityName): () => void {
    let release!: () => void;
    this.gates.set(activity, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(activity);
      release();
    };
  }

  openTasks(workflowId: string, type?: string): MemoryTask[] {
    return [...this.tasks.values()].filter((t) => t.workflowId === workflowId && t.status === 'open' && (!type || t.type === type));
  }

  tasksOf(workflowId: string, type?: string): MemoryTask[] {
    return [...this.tasks.values()].filter((t) => t.workflowId === workflowId && (!type || t.type === type));
  }

  openAlerts(caseRef: string, kind?: string): MemoryAlert[] {
    return [...this.alerts.values()].filter((a) => a.caseRef === caseRef && !a.resolvedAt && (!kind || a.kind === kind));
  }

  stageOf(householdId: string): string | undefined {
    return this.stages.get(householdId)?.at(-1);
  }

  submit(data: Record<string, unknown>): string {
    const id = nextId('submission');
    this.submissions.set(id, data);
    return id;
  }

  /** The activities, each counted, gated and failed as the test asks. */
  activities(): HearthActivities {
    const raw = this.implementations();
    const wrapped = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const [name, fn] of Object.entries(raw) as [string, (...args: unknown[]) => Promise<unknown>][]) {
      wrapped[name] = async (...args: unknown[]) => {
        this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
        const load = this.concurrency.get(name) ?? { now: 0, max: 0 };
        this.concurrency.set(name, load);
        load.now++;
        load.max = Math.max(load.max, load.now);
        try {
          await this.gates.get(name);
          const fault = this.faults.get(name);
          if (fault && fault.remaining > 0) {
            fault.remaining--;
            if (fault.nonRetryable) throw ApplicationFailure.nonRetryable(`${name} failed for good (test)`, 'test-fault');
            throw new Error(`${name} failed (test)`);
          }
          return await fn(...args);
        } finally {
          load.now--;
        }
      };
    }
    return wrapped as unknown as HearthActivities;
  }

  private schedule(task: MemoryTask): TaskSchedule {
    const pack = rulePackVersion(task.rulePackId, task.rulePackVersion);
    const notices = noticeTimes(pack.rules[task.ruleId], task.dueAt, calendarOf(pack, this.holidays));
    return { dueAt: task.dueAt.toISOString(), remindAt: notices.remindAt.map((d) => d.toISOString()), escalateAt: notices.escalateAt.map((d) => d.toISOString()) };
  }

  private opened(task: MemoryTask): OpenedTask {
    return {
      taskId: task.id,
      type: task.type,
      candidateRole: task.candidateRole,
      assigneeId: task.assigneeId,
      status: task.status,
      overdue: task.overdueSince !== null,
      ...this.schedule(task),
      ...(task.status === 'completed' && task.outcome
        ? { closed: { outcome: task.outcome, completedBy: task.completedBy, completedAt: task.completedAt, submissionId: task.submissionId } }
        : {}),
    };
  }

  private raise(key: string, alert: Omit<MemoryAlert, 'resolvedAt' | 'raisedAt'> & { raisedAt?: Date }): boolean {
    if (this.alerts.has(key)) return false;
    this.alerts.set(key, { raisedAt: new Date(), ...alert, resolvedAt: null });
    return true;
  }

  private resolve(match: (key: string) => boolean): void {
    for (const [key, alert] of this.alerts) if (match(key) && !alert.resolvedAt) alert.resolvedAt = new Date();
  }

  private implementations(): HearthActivities {
    const deadline = (packId: string, version: number, ruleId: string, anchorAt: Date) => computeDeadline(rulePackVersion(packId, version), ruleId, anchorAt, this.holidays);
    return {
      openTask: async (input) => {
        const workflowId = workflowIdOf();
        const existing = [...this.tasks.values()].find((t) => t.workflowId === workflowId && t.key === input.taskKey);
        const definition = taskDefinition(input.type);
        const anchorAt = input.anchorAt ? new Date(input.anchorAt) : new Date();
        const ruleId = input.ruleId ?? definition.ruleId;
        const due = deadline(input.rulePackId, input.rulePackVersion, ruleId, anchorAt);
        if (existing) {
          const earlierRun = existing.runId !== null && input.runId !== undefined && existing.runId !== input.runId;
          if (earlierRun && existing.status === 'cancelled') Object.assign(existing, { status: 'open', cancelReason: null, runId: input.runId, anchorAt, dueAt: due.dueAt, overdueSince: null });
          return this.opened(existing);
        }
        const task: MemoryTask = {
          id: nextId('task'),
          workflowId,
          runId: input.runId ?? null,
          key: input.taskKey,
          type: definition.type,
          caseRef: input.caseRef,
          candidateRole: definition.candidateRole,
          assigneeId: input.assigneeId,
          subject: input.subject ?? null,
          status: 'open',
          anchorAt,
          ruleId,
          rulePackId: input.rulePackId,
          rulePackVersion: input.rulePackVersion,
          dueAt: due.dueAt,
          overdueSince: null,
          outcome: null,
          completedBy: null,
          completedAt: null,
          submissionId: null,
          cancelReason: null,
        };
        this.tasks.set(task.id, task);
        return this.opened(task);
      },
      markTaskOverdue: async ({ taskId, at }) => {
        const task = this.tasks.get(taskId)!;
        if (task.status !== 'open' || task.overdueSince) return { alertRaised: false };
        task.overdueSince = new Date(at);
        return { alertRaised: this.raise(`task-overdue:${taskId}`, { kind: 'task-overdue', caseRef: task.caseRef, about: null, taskId }) };
      },
      notifyTask: async ({ taskId, kind, sequence: n }) => {
        const task = this.tasks.get(taskId)!;
        if (task.status !== 'open') return { raised: false };
        return { raised: this.raise(`${kind}:${taskId}:${n}`, { kind, caseRef: task.caseRef, about: null, taskId }) };
      },
      closeTask: async (input) => {
        const task = this.tasks.get(input.taskId)!;
        if (task.status === 'completed' && task.submissionId === input.submissionId && task.outcome === input.outcome) return;
        if (task.status !== 'open') throw ApplicationFailure.nonRetryable(`task ${task.id} is ${task.status}`, 'task-closed');
        Object.assign(task, { status: 'completed', outcome: input.outcome, completedBy: input.completedBy, completedAt: input.completedAt, submissionId: input.submissionId });
        this.resolve((key) => key.includes(`:${task.id}`));
      },
      recomputeTaskDeadline: async ({ taskId }) => {
        const task = this.tasks.get(taskId)!;
        if (task.status === 'open') {
          task.dueAt = deadline(task.rulePackId, task.rulePackVersion, task.ruleId, task.anchorAt).dueAt;
          if (task.overdueSince && task.dueAt > new Date()) {
            task.overdueSince = null;
            this.resolve((key) => key === `task-overdue:${taskId}`);
          }
        }
        return this.schedule(task);
      },
      cancelOpenTasks: async ({ reason, taskIds }) => {
        const open = this.openTasks(workflowIdOf()).filter((task) => !taskIds || taskIds.includes(task.id));
        for (const task of open) Object.assign(task, { status: 'cancelled', cancelReason: reason });
        return open.length;
      },
      assignTasks: async ({ taskIds, assigneeId }) => {
        const moving = this.openTasks(workflowIdOf()).filter((task) => taskIds.includes(task.id));
        for (const task of moving) task.assigneeId = assigneeId;
        return { taskIds: moving.map((task) => task.id), holders: Object.fromEntries(moving.map((task) => [task.id, assigneeId])) };
      },
      computeCaseDeadline: async ({ ruleId, rulePackId, rulePackVersion: version, anchorAt }) => {
        const due = deadline(rulePackId, version, ruleId, new Date(anchorAt));
        return { dueAt: due.dueAt.toISOString(), warnAt: due.remindAt.map((d) => d.toISOString()) };
      },
      warnCaseClock: async ({ caseRef, ruleId, sequence: n }) => void this.raise(`case-clock-warning:${caseRef}:${ruleId}:${n}`, { kind: 'case-clock-warning', caseRef, about: ruleId, taskId: null }),
      raiseCaseAlert: async ({ caseRef, ruleId }) => void this.raise(`statutory-ceiling:${caseRef}:${ruleId}`, { kind: 'statutory-ceiling', caseRef, about: ruleId, taskId: null }),
      resolveCaseAlert: async ({ caseRef, ruleId }) => this.resolve((key) => key.startsWith(`statutory-ceiling:${caseRef}:${ruleId}`) || key.startsWith(`case-clock-warning:${caseRef}:${ruleId}:`)),
      flagCheckConcerns: async ({ caseRef, taskId, taskType }) => void this.raise(`check-concerns:${taskId}`, { kind: 'check-concerns', caseRef, about: taskType, taskId: null }),
      raiseNeedsAttention: async ({ caseRef, step }) => void this.raise(`needs-attention:${caseRef}:${step}`, { kind: 'needs-attention', caseRef, about: step, taskId: null }),
      resolveNeedsAttention: async ({ caseRef, step }) => this.resolve((key) => key === `needs-attention:${caseRef}:${step}`),
      recordPanelBooking: async ({ panelId, householdId, movedFromPanelId }) => {
        if (movedFromPanelId) this.panelCases.delete(`${movedFromPanelId}:${householdId}`);
        this.panelCases.set(`${panelId}:${householdId}`, { papersSentAt: null, recommendation: null });
      },
      recordPapersSent: async ({ panelId, householdId, at }) => void (this.panelCases.get(`${panelId}:${householdId}`)!.papersSentAt = at),
      recordPanelRecommendation: async ({ panelId, householdId, recommendation }) => void (this.panelCases.get(`${panelId}:${householdId}`)!.recommendation = recommendation),
      recordHouseholdStage: async ({ householdId, stage }) => {
        const stages = this.stages.get(householdId) ?? [];
        if (stages.at(-1) !== stage) stages.push(stage);
        this.stages.set(householdId, stages);
      },
      recordSupervisingWorker: async ({ householdId, workerId }) => void this.supervisingWorkers.set(householdId, workerId),
      listAdults: async ({ householdId }) => this.members.filter((m) => m.householdId === householdId && m.kind === 'adult').map((m) => m.id),
      householdAdults: async ({ householdId, at }) => {
        const now = new Date(at);
        const mine = this.members.filter((m) => m.householdId === householdId);
        const adult = (m: MemoryMember) => m.kind === 'adult' || (m.comesOfAgeAt !== null && m.comesOfAgeAt <= now);
        const upcoming = mine.filter((m) => !adult(m) && m.comesOfAgeAt).map((m) => m.comesOfAgeAt!.getTime());
        return { adultIds: mine.filter(adult).map((m) => m.id), nextComingOfAgeAt: upcoming.length ? new Date(Math.min(...upcoming)).toISOString() : null };
      },
      recordDecision: async ({ householdId, recommendation, decision }) => {
        const form = (id: string | null) => (id ? this.submissions.get(id) : undefined);
        const departs = departsFromRecommendation(
          { outcome: recommendation.outcome, terms: form(recommendation.submissionId)?.terms as ApprovalTerms | undefined },
          { outcome: decision.outcome, terms: form(decision.submissionId)?.terms as ApprovalTerms | undefined },
        );
        this.decisions.set(householdId, { outcome: decision.outcome, departs });
        return { departs };
      },
      casesAffectedByChange: async ({ after }) =>
        [...new Set([...this.tasks.values()].filter((t) => t.status === 'open').map((t) => t.workflowId))].sort().filter((id) => !after || id > after),
      signalCasesOfChange: async ({ changeId, workflowIds }) => {
        for (const workflowId of workflowIds) await this.signal?.(workflowId, changeId);
      },
      finishCalendarChange: async () => undefined,
      recordChildStage: async ({ childId, stage }) => {
        const stages = this.stages.get(childId) ?? [];
        if (stages.at(-1) !== stage) stages.push(stage);
        this.stages.set(childId, stages);
      },
      applyCarePlan: async ({ childId, submissionId }) => {
        const plan = this.submissions.get(submissionId!)!;
        Object.assign(this.children.get(childId)!, { placementType: plan.placementType, untilEighteen: plan.untilEighteen === true });
      },
      recordMatchProposal: async ({ childId, taskId, submissionId }) => {
        const householdId = String(this.submissions.get(submissionId!)!.householdId);
        if (!this.proposals.has(taskId)) this.proposals.set(taskId, { childId, householdId, status: 'proposed' });
        return { proposalId: taskId, householdId };
      },
      decideMatch: async ({ proposalId, outcome, actorId }) => {
        const proposal = this.proposals.get(proposalId)!;
        const child = this.children.get(proposal.childId)!;
        const started = () => ({
          placementId: proposalId,
          householdId: proposal.householdId,
          placementType: child.placementType!,
          untilEighteen: child.untilEighteen,
          startedOn: new Date().toISOString().slice(0, 10),
          eighteenthBirthday: addYears(child.dateOfBirth, 18),
          approvedBy: actorId,
        });
        if (proposal.status === 'approved') return { placement: started() };
        if (proposal.status === 'rejected') return { placement: null };
        if (outcome !== 'approve-match') {
          proposal.status = 'rejected';
          return { placement: null };
        }
        const places = this.places.get(proposal.householdId)!;
        if (places.taken >= places.max) throw ApplicationFailure.nonRetryable('the household has no free place now', 'conflict');
        if ([...this.placements.values()].some((p) => p.childId === proposal.childId && !p.endedOn)) throw ApplicationFailure.nonRetryable('the child is placed already', 'conflict');
        places.taken++;
        this.placements.set(proposalId, { childId: proposal.childId, householdId: proposal.householdId, endedOn: null, reason: null });
        proposal.status = 'approved';
        return { placement: started() };
      },
      recordVisit: async ({ placementId, taskId, submissionId }) => {
        const visitedOn = String(this.submissions.get(submissionId!)!.visitedOn);
        if (!this.visits.some((v) => v.taskId === taskId)) this.visits.push({ placementId, taskId, visitedOn });
        return { visitedOn };
      },
      endPlacement: async ({ placementId, reason, endedOn }) => {
        const placement = this.placements.get(placementId)!;
        if (placement.endedOn) return;
        Object.assign(placement, { endedOn, reason });
        this.places.get(placement.householdId)!.taken--;
      },
      recordReview: async ({ childId, submissionId }) => {
        const heldOn = String(this.submissions.get(submissionId!)!.heldOn);
        this.reviews.push({ childId, heldOn });
        return { heldOn };
      },
      enterCarerRegister: async ({ householdId, decisionSubmissionId }) => {
        const terms = decisionSubmissionId ? (this.submissions.get(decisionSubmissionId)?.terms as ApprovalTerms | undefined) : undefined;
        if (!terms) throw ApplicationFailure.nonRetryable('the approval has no terms', 'missing-terms');
        this.register.set(householdId, terms);
      },
    };
  }
}
