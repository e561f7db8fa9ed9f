import {
  ActivityCancellationType,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import { Actor, DomainError, FINAL_HOUSEHOLD_STAGES, HouseholdStage, rulePackVersion, separationOfDutiesBreach, TaskType } from '@hearth/domain';
import type { HouseholdActivities, OpenedTask, TaskActivities } from './contracts/activities.contract';
import {
  AssessmentResume,
  adultAddedSignal,
  bookPanelUpdate,
  CaseExit,
  closeCaseUpdate,
  householdCaseRef,
  householdStageQuery,
  HouseholdWorkflowInput,
  HouseholdWorkflowResult,
  PanelBooking,
} from './contracts/household.contract';
import type { CompletedTask, CompleteTaskRequest } from './contracts/human-task.contract';
import { HumanTasks, HumanTaskSpec } from './human-task';
import { toFailure } from './failures';

// When a case is closed mid-step, wait for a running activity to finish before cleaning up, so a
// late write (a task opened, a stage recorded) cannot land after the open tasks are cancelled.
const activityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
} as const;
const household = proxyActivities<HouseholdActivities>(activityOptions);
const { cancelOpenTasks } = proxyActivities<TaskActivities>(activityOptions);
// Inside Update handlers, so the staff member's request waits for the PostgreSQL write.
const householdInHandler = proxyLocalActivities<HouseholdActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '2 seconds', maximumAttempts: 10 },
});

/** After the initial home visit, carry on to application, stages 1 and 2, panel and decision (issue 4). */
const APPROVAL_PATH_PATCH = 'household-approval-path';
/** A deferral starts a new run (continue-as-new), so histories stay bounded (2026-11, issue 4). */
const CONTINUE_ON_DEFERRAL_PATCH = 'household-continue-on-deferral';
const CEILING_RULE = 'application.panel-recommendation';

const exitReasons: Record<CaseExit, string> = {
  withdrawn: 'the applicant withdrew',
  'assessment-ended': 'the agency ended the assessment',
};

/**
 * A carer household from first enquiry to an approved carer on the register (DOMAIN.md, carer
 * household lifecycle, steps 1-7): enquiry, initial visit, application (which starts the 8-month
 * clock to the panel's recommendation), stage 1 checks in parallel, the manager's decision to
 * proceed, stage 2, panel, the agency decision and telling the applicant. The panel may defer the
 * case back to stage 1 or 2; the applicant may withdraw and the agency end the assessment at any
 * time, which cancels every open task.
 */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<HouseholdWorkflowResult> {
  return new HouseholdCase(input).run();
}

class HouseholdCase {
  private stage: HouseholdStage = 'enquiry';
  private readonly caseRef: string;
  private readonly tasks: HumanTasks;
  private readonly flow = new CancellationScope();
  /** Task type -> who completed tasks of that type: the facts separation of duties needs. */
  private readonly completedBy: Record<string, string[]> = {};
  private readonly adultsAdded: string[] = [];
  private caseworkerId: string | null = null;
  private panel?: PanelBooking;
  private exit?: { exit: CaseExit; actor: Actor };
  private recommended = false;
  private ceilingAlertOpen = false;
  private finished = false;

  constructor(private readonly input: HouseholdWorkflowInput) {
    this.caseRef = householdCaseRef(input.householdId);
    this.tasks = new HumanTasks(
      { caseRef: this.caseRef, rulePackId: input.rulePackId, rulePackVersion: input.rulePackVersion },
      (request, task) => this.guard(request, task),
    );
    setHandler(householdStageQuery, () => this.stage);
    setHandler(closeCaseUpdate, (request) => this.close(request), { validator: (request) => this.validateClose(request) });
    setHandler(bookPanelUpdate, (booking) => this.bookPanel(booking), { validator: (booking) => this.validateBooking(booking) });
    setHandler(adultAddedSignal, ({ memberId }) => void this.adultsAdded.push(memberId));
  }

  async run(): Promise<HouseholdWorkflowResult> {
    try {
      await this.flow.run(() => (this.input.resume ? this.assessment(this.input.resume) : this.approvalPath()));
    } catch (error) {
      if (!isCancellation(error) || !this.exit) throw error;
      const { exit, actor } = this.exit;
      await CancellationScope.nonCancellable(async () => {
        await cancelOpenTasks({ reason: exitReasons[exit], actorId: actor.userId });
        await this.moveTo(exit, actor.userId);
      });
    }
    // A case that ends without a recommendation no longer breaches the ceiling: its alert is done.
    if (this.ceilingAlertOpen) {
      await household.resolveCaseAlert({ caseRef: this.caseRef, ruleId: CEILING_RULE, at: new Date().toISOString() });
    }
    this.finished = true;
    await condition(allHandlersFinished);
    return { stage: this.stage };
  }

  private async approvalPath(): Promise<void> {
    const response = await this.tasks.run({ key: 'respond-to-enquiry', type: 'respond-to-enquiry' });
    if (response.outcome === 'not-proceeding') return this.moveTo('closed', response.completedBy);
    this.caseworkerId = response.completedBy;
    await this.moveTo('initial-visit', response.completedBy);
    const visit = await this.tasks.run({ key: 'initial-home-visit', type: 'initial-home-visit', assigneeId: response.completedBy });
    if (visit.outcome !== 'invite-application') return this.moveTo('closed', visit.completedBy);
    // Cases that replay from before the approval path, or run on a rule pack version without its
    // clocks (krg v1), stop where issue 3 stopped: a pack's new version applies to new cases only.
    const approvalClocks = rulePackVersion(this.input.rulePackId, this.input.rulePackVersion).rules['application.receive'] !== undefined;
    if (!patched(APPROVAL_PATH_PATCH) || !approvalClocks) return this.moveTo('awaiting-application', visit.completedBy);

    await this.moveTo('application', visit.completedBy);
    const application = await this.task('receive-application', 1);
    if (application.outcome === 'not-proceeding') return this.moveTo('closed', application.completedBy);
    return this.assessment({ cycle: 1, returnTo: 'stage-1', applicationAt: new Date().toISOString(), caseworkerId: this.caseworkerId, completedBy: {} });
  }

  /** Stages 1 and 2, panel and decision; a run resumed after a deferral starts here with its state. */
  private async assessment(from: AssessmentResume): Promise<void> {
    this.caseworkerId = from.caseworkerId;
    Object.assign(this.completedBy, from.completedBy);
    this.stage = from.resumeStage ?? this.stage;
    this.watchCeiling(from.applicationAt);
    let returnTo = from.returnTo;
    for (let cycle = from.cycle; ; cycle++) {
      if (returnTo === 'stage-1') {
        await this.moveTo('stage-1', null);
        await this.stageOneChecks(cycle);
        const proceed = await this.task('decide-stage-2', cycle);
        if (proceed.outcome === 'end-assessment') return this.moveTo('assessment-ended', proceed.completedBy);
      }
      await this.moveTo('stage-2', null);
      await Promise.all([this.task('assessment-visits', cycle), this.task('assessment-report', cycle), this.task('preparation-training', cycle)]);
      await this.moveTo('panel', null);
      const recommendation = await this.panelStage(cycle);
      if (recommendation.outcome === 'defer-to-stage-1' || recommendation.outcome === 'defer-to-stage-2') {
        returnTo = recommendation.outcome === 'defer-to-stage-1' ? 'stage-1' : 'stage-2';
        if (patched(CONTINUE_ON_DEFERRAL_PATCH)) {
          await condition(allHandlersFinished);
          const resume: AssessmentResume = { cycle: cycle + 1, returnTo, applicationAt: from.applicationAt, caseworkerId: this.caseworkerId, completedBy: this.completedBy, resumeStage: this.stage };
          return continueAsNew<typeof householdWorkflow>({ ...this.input, resume });
        }
        continue;
      }
      this.recommended = true;
      await this.moveTo('decision', recommendation.completedBy);
      const decision = await this.task('make-decision', cycle);
      if (decision.outcome === 'approve') {
        await household.enterCarerRegister({
          householdId: this.input.householdId,
          decisionSubmissionId: decision.submissionId ?? null,
          actorId: decision.completedBy,
          at: decision.completedAt,
        });
      }
      await this.moveTo(decision.outcome === 'approve' ? 'approved' : 'not-approved', decision.completedBy);
      await Promise.all([this.task('tell-applicant', cycle), this.task('tell-applicant-in-writing', cycle)]);
      return;
    }
  }

  /**
   * Stage 1: a background check per adult, two personal references, medical, local authority and
   * previous-agency checks, all at once. An adult added meanwhile gets a check too; before leaving,
   * the household's adults are read again in case a signal was lost.
   */
  private async stageOneChecks(cycle: number): Promise<void> {
    const started = new Set<string>();
    let open = 0;
    const start = (type: TaskType, key: string) => {
      if (started.has(key)) return;
      started.add(key);
      open++;
      const running = this.task(type, cycle, { key }).then(() => void open--);
      running.catch(() => undefined); // a cancelled case cancels this wait too; the flow handles it
    };
    const backgroundCheck = (memberId: string) => start('background-check', `background-check:${memberId}:c${cycle}`);
    this.adultsAdded.splice(0);
    for (const memberId of await household.listAdults({ householdId: this.input.householdId })) backgroundCheck(memberId);
    for (const n of [1, 2]) start('personal-reference', `personal-reference:${n}:c${cycle}`);
    for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference'] as const) start(type, `${type}:c${cycle}`);
    for (;;) {
      await condition(() => open === 0 || this.adultsAdded.length > 0);
      if (this.adultsAdded.length > 0) {
        this.adultsAdded.splice(0).forEach(backgroundCheck);
        continue;
      }
      const unchecked = (await household.listAdults({ householdId: this.input.householdId })).filter((id) => !started.has(`background-check:${id}:c${cycle}`));
      if (unchecked.length === 0) return;
      unchecked.forEach(backgroundCheck);
    }
  }

  /** Booking (through POST /panels/{id}/cases), papers to members before the sitting, the chair's recommendation. */
  private async panelStage(cycle: number): Promise<CompletedTask> {
    this.panel = undefined;
    await this.task('book-panel', cycle);
    const panel = this.panel!;
    const papers = this.task('send-panel-papers', cycle, { anchorAt: panel.sittingAt }).then((sent) =>
      household.recordPapersSent({ panelId: panel.panelId, householdId: this.input.householdId, at: sent.completedAt }),
    );
    const [, recommendation] = await Promise.all([
      papers,
      this.task('record-panel-recommendation', cycle, { anchorAt: panel.sittingAt, assigneeId: panel.chairId }),
    ]);
    await household.recordPanelRecommendation({ panelId: panel.panelId, householdId: this.input.householdId, recommendation: recommendation.outcome });
    return recommendation;
  }

  /** The 8-month clock from application to the panel's recommendation (NMS 14.4): one alert if it passes. */
  private watchCeiling(applicationAt: string): void {
    const clock = { caseRef: this.caseRef, ruleId: CEILING_RULE };
    const watch = async () => {
      const dueAt = await household.computeCaseDeadline({
        ruleId: CEILING_RULE,
        rulePackId: this.input.rulePackId,
        rulePackVersion: this.input.rulePackVersion,
        anchorAt: applicationAt,
      });
      const met = () => this.recommended || this.finished;
      const remaining = Date.parse(dueAt) - Date.now();
      if (remaining > 0 && (await condition(met, remaining))) return;
      if (met()) return;
      await household.raiseCaseAlert({ ...clock, at: new Date().toISOString() });
      this.ceilingAlertOpen = true;
      await condition(() => this.recommended);
      this.ceilingAlertOpen = false;
      await household.resolveCaseAlert({ ...clock, at: new Date().toISOString() });
    };
    watch().catch((error) => {
      if (!isCancellation(error)) throw error;
    });
  }

  /** Opens a task of this case, assigning caseworker tasks to the household's caseworker, and records who completed it. */
  private async task(type: TaskType, cycle: number, spec: Partial<HumanTaskSpec> = {}): Promise<CompletedTask> {
    const assigneeId = spec.assigneeId ?? (caseworkerTasks.has(type) ? this.caseworkerId : null);
    const done = await this.tasks.run({ key: `${type}:c${cycle}`, ...spec, type, assigneeId });
    (this.completedBy[type] ??= []).push(done.completedBy);
    return done;
  }

  private async moveTo(stage: HouseholdStage, actorId: string | null): Promise<void> {
    await household.recordHouseholdStage({ householdId: this.input.householdId, stage, actorId });
    this.stage = stage;
  }

  /** Separation of duties, and approvals that must carry their terms. */
  private guard(request: CompleteTaskRequest, task: OpenedTask): void {
    const panelMemberIds = this.panel ? [this.panel.chairId, ...this.panel.memberIds] : [];
    const breach = separationOfDutiesBreach(request.actor.userId, task.type, { panelMemberIds, completedBy: this.completedBy });
    if (breach) throw new DomainError('separation-of-duties', breach);
    const approving = request.outcome === 'approve' && (task.type === 'make-decision' || task.type === 'record-panel-recommendation');
    if (approving && !request.submissionId) throw new DomainError('invalid-input', 'an approval carries its terms in data.terms');
  }

  private validateClose({ exit, actor }: { exit: CaseExit; actor: Actor }): void {
    if (this.exit || this.finished || FINAL_HOUSEHOLD_STAGES.includes(this.stage)) {
      throw toFailure(new DomainError('conflict', `the case has already ended (${this.stage})`));
    }
    const allowed = exit === 'withdrawn' ? ['caseworker', 'team-manager'] : ['team-manager'];
    if (!actor.roles.some((role) => allowed.includes(role))) {
      throw toFailure(new DomainError('not-permitted', `recording that ${exitReasons[exit]} needs one of: ${allowed.join(', ')}`));
    }
  }

  private async close(request: { exit: CaseExit; actor: Actor }): Promise<HouseholdWorkflowResult> {
    this.exit = request;
    this.flow.cancel();
    await condition(() => this.finished);
    return { stage: this.stage };
  }

  private validateBooking(booking: PanelBooking): void {
    const task = this.tasks.openTaskOfType('book-panel');
    if (!task) this.tasks.assertSettled();
    if (!task || this.panel) throw toFailure(new DomainError('conflict', `the case is not waiting for a panel (${this.stage})`));
    if (!booking.actor.roles.includes('team-manager')) throw toFailure(new DomainError('not-permitted', "only a team manager puts cases on a panel's agenda"));
  }

  private async bookPanel(booking: PanelBooking): Promise<{ taskId: string }> {
    const task = this.tasks.openTaskOfType('book-panel')!;
    this.panel = booking; // set first, so the validator refuses a second booking meanwhile
    try {
      await householdInHandler.recordPanelBooking({
        panelId: booking.panelId,
        householdId: this.input.householdId,
        sittingAt: booking.sittingAt,
        rulePackId: this.input.rulePackId,
        rulePackVersion: this.input.rulePackVersion,
        actorId: booking.actor.userId,
      });
    } catch (error) {
      this.panel = undefined;
      throw error;
    }
    await this.tasks.complete({ taskId: task.taskId, outcome: 'booked', actor: booking.actor, completionKey: booking.idempotencyKey, submissionId: null });
    return { taskId: task.taskId };
  }
}

/** Caseworker-role tasks go to the household's supervising caseworker; others to anyone in the role. */
const caseworkerTasks = new Set<TaskType>([
  'receive-application',
  'background-check',
  'personal-reference',
  'medical-check',
  'local-authority-check',
  'previous-agency-reference',
  'preparation-training',
  'send-panel-papers',
  'tell-applicant',
  'tell-applicant-in-writing',
]);
