import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  Actor,
  caseRef,
  CaseRef,
  DomainError,
  FINAL_HOUSEHOLD_STAGES,
  HouseholdStage,
  rulePackVersion,
  separationOfDutiesBreach,
  supervisionBreach,
  TaskOutcome,
  TaskType,
} from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { CaseActivities, HouseholdActivities, OpenedTask } from './contracts/activities.contract';
import {
  AdultCheck,
  AssessmentResume,
  adultAddedSignal,
  adultJoinedUpdate,
  HouseholdExit,
  householdStageQuery,
  HouseholdWorkflowInput,
  HouseholdWorkflowResult,
  supervisingWorkerUpdate,
} from './contracts/household.contract';
import type { CompletedTask, CompleteTaskRequest } from './contracts/human-task.contract';
import { CaseClocks } from './case-clocks';
import { CaseExits } from './case-exit';
import { CaseSteps } from './case-steps';
import { HumanTasks, HumanTaskSpec } from './human-task';
import { PanelStage } from './panel-stage';
import { Participation } from './participation';
import { toFailure } from './failures';

const household = proxyActivities<HouseholdActivities>(caseActivityOptions);
const cases = proxyActivities<CaseActivities>(caseActivityOptions);

/** After the initial home visit, carry on to application, stages 1-2, panel and decision (issue 4). */
const APPROVAL_PATH_PATCH = 'household-approval-path';
/** A deferral starts a new run (continue-as-new), so histories stay bounded (2026-11, issue 4). */
const CONTINUE_ON_DEFERRAL_PATCH = 'household-continue-on-deferral';
/**
 * Issue 7: an adult who joins after stage 1 (or a child who comes of age) is checked before the
 * decision; the decision is recorded with any departure from the recommendation; England's
 * proposed refusal waits for representations.
 */
const SAFEGUARDS_PATCH = 'household-safeguards';
/** Issue 8: the case file names the supervising worker once the enquiry is answered. */
const CASE_FILE_WORKER_PATCH = 'household-case-file-worker';
/** Issue 8: a check that found concerns is flagged to the team managers. */
const CHECK_CONCERNS_PATCH = 'household-check-concerns';
const CEILING_RULE = 'application.panel-recommendation';

/**
 * A carer household from first enquiry to an approved carer on the register (DOMAIN.md, carer
 * household lifecycle, steps 1-7): enquiry, initial visit, application (which starts the 8-month
 * clock to the panel's recommendation), stage 1 checks in parallel, the manager's decision to
 * proceed, stage 2, panel, the agency decision and telling the applicant. The panel may defer the
 * case back to stage 1 or 2; before the decision the applicant may withdraw, and before the
 * recommendation the agency may end the assessment; either cancels every open task.
 */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<HouseholdWorkflowResult> {
  return new HouseholdCase(input).run();
}

class HouseholdCase {
  private stage: HouseholdStage = 'enquiry';
  private readonly caseRef: CaseRef;
  private readonly steps: CaseSteps;
  private readonly tasks: HumanTasks;
  private readonly clocks: CaseClocks;
  private readonly exits: CaseExits<HouseholdExit>;
  private readonly panel: PanelStage;
  private readonly participation: Participation;
  private readonly adultsAdded: string[] = [];
  /** Each adult's background check: member id -> outcome, or `open` (issue 7). */
  private readonly adultChecks: Record<string, AdultCheck>;
  private caseworkerId: string | null = null;
  /** A change of supervising worker is being recorded (issue 8). */
  private changingWorker = false;
  private recommended = false;
  /** Set once the decision maker's decision is accepted: from then on the applicant cannot withdraw. */
  private decided = false;
  /** Late checks and the decision gate run only for cases that started on issue 7's code. */
  private safeguards = false;
  /** The cycle the assessment is in, for late checks. */
  private cycle = 1;

  constructor(private readonly input: HouseholdWorkflowInput) {
    this.caseRef = caseRef('household', input.householdId);
    const scope = { caseRef: this.caseRef, rulePackId: input.rulePackId, rulePackVersion: input.rulePackVersion };
    const resume = input.resume;
    this.participation = new Participation({
      completedBy: resume?.completedBy,
      supervisingCaseworkerIds: resume?.caseworkerId ? [resume.caseworkerId] : [],
      ...resume?.participation,
    });
    this.adultChecks = { ...resume?.adultChecks };
    this.steps = new CaseSteps(this.caseRef);
    this.tasks = new HumanTasks(scope, (request, task) => this.guard(request, task), this.steps, (assigneeId, task) => this.assignmentGuard(assigneeId, task));
    this.clocks = new CaseClocks(scope, this.steps);
    this.tasks.onCalendarChange(() => this.clocks.recompute());
    this.panel = new PanelStage({ scope, householdId: input.householdId, tasks: this.tasks, participation: this.participation, steps: this.steps });
    this.exits = new CaseExits<HouseholdExit>({
      rules: {
        withdrawn: { reason: 'the applicant withdrew', roles: ['caseworker', 'team-manager'] },
        'assessment-ended': { reason: 'the agency ended the assessment', roles: ['team-manager'] },
      },
      tasks: this.tasks,
      steps: this.steps,
      stage: () => this.stage,
      refusal: (exit) => this.exitRefusal(exit),
      recordExit: (exit, actor) => this.moveTo(exit, actor.userId),
    });
    setHandler(householdStageQuery, () => this.stage);
    setHandler(supervisingWorkerUpdate, ({ workerId, actor }) => this.changeSupervisingWorker(workerId, actor), {
      validator: ({ workerId }) => {
        if (FINAL_HOUSEHOLD_STAGES.includes(this.stage) || this.tasks.closing) throw toFailure(new DomainError('conflict', `the case has ended or is ending (${this.stage})`));
        // One change at a time, so the tasks and the case file end with the same worker.
        if (this.changingWorker) throw toFailure(new DomainError('not-ready', 'the supervising worker is being changed; retry in a moment'));
        const sitting = this.panel.sittingIds().includes(workerId) ? 'they sit on the panel booked for this case: a panel member never supervises it' : null;
        const breach = sitting ?? supervisionBreach(workerId, this.participation.snapshot());
        if (breach) throw toFailure(new DomainError('separation-of-duties', breach));
      },
    });
    setHandler(adultAddedSignal, ({ memberId }) => this.adultJoined(memberId));
    setHandler(adultJoinedUpdate, ({ memberId }) => {
      const afterDecision = this.decided || this.tasks.decided('make-decision') || this.stage === 'approved' || this.stage === 'not-approved';
      this.adultJoined(memberId);
      return { afterDecision };
    });
  }

  /** Stage 1 picks adults up itself; outside it, an adult who joins before the decision is checked at once. */
  private adultJoined(memberId: string): void {
    this.adultsAdded.push(memberId);
    if (this.safeguards && this.stage !== 'stage-1' && !this.decided && !this.tasks.decided('make-decision')) this.checkAdult(memberId);
  }

  async run(): Promise<HouseholdWorkflowResult> {
    await this.exits.run(() => {
      if (this.input.resume) return this.assessment(this.input.resume);
      if (this.input.application) return this.applicationAfterWaiting(this.input.application.caseworkerId);
      return this.approvalPath();
    });
    // A case that ends without a recommendation no longer breaches the ceiling: its alert is done.
    await this.clocks.endAll();
    this.exits.finish();
    await condition(allHandlersFinished);
    return { stage: this.stage };
  }

  private async approvalPath(): Promise<void> {
    const response = await this.tasks.run({ key: 'respond-to-enquiry', type: 'respond-to-enquiry' });
    if (response.outcome === 'not-proceeding') return this.moveTo('closed', response.completedBy);
    // Whoever answers the enquiry supervises the household, unless a team manager named someone already.
    const named = this.caseworkerId;
    this.caseworkerId = named ?? response.completedBy;
    this.participation.supervises(this.caseworkerId);
    if (!named && patched(CASE_FILE_WORKER_PATCH)) {
      await this.steps.run('record-supervising-worker', () =>
        household.recordSupervisingWorker({ householdId: this.input.householdId, workerId: response.completedBy, actorId: null }),
      );
    }
    await this.moveTo('initial-visit', response.completedBy);
    const visit = await this.tasks.run({ key: 'initial-home-visit', type: 'initial-home-visit', assigneeId: this.caseworkerId });
    if (visit.outcome !== 'invite-application') return this.moveTo('closed', visit.completedBy);
    // Cases that replay from before the approval path, or run on a rule pack version without its
    // clocks (krg v1), stop where issue 3 stopped: a pack's new version applies to new cases only.
    const approvalClocks = rulePackVersion(this.input.rulePackId, this.input.rulePackVersion).rules['application.receive'] !== undefined;
    if (!patched(APPROVAL_PATH_PATCH) || !approvalClocks) return this.moveTo('awaiting-application', visit.completedBy);

    await this.moveTo('application', visit.completedBy);
    return this.application();
  }

  /** An applicant whose case stopped at `awaiting-application` (krg v1) applies: a new run, on the pack in force. */
  private async applicationAfterWaiting(caseworkerId: string | null): Promise<void> {
    this.caseworkerId = caseworkerId;
    if (caseworkerId) this.participation.supervises(caseworkerId);
    await this.moveTo('application', null);
    return this.application();
  }

  /** The application is received (which starts the 8-month clock), then the assessment. */
  private async application(): Promise<void> {
    const application = await this.task('receive-application', 1);
    if (application.outcome === 'not-proceeding') return this.moveTo('closed', application.completedBy);
    return this.assessment({ cycle: 1, returnTo: 'stage-1', applicationAt: new Date().toISOString(), caseworkerId: this.caseworkerId, completedBy: {} });
  }

  /** Stages 1 and 2, panel and decision; a run resumed after a deferral starts here with its state. */
  private async assessment(from: AssessmentResume): Promise<void> {
    this.caseworkerId = from.caseworkerId;
    this.stage = from.resumeStage ?? this.stage;
    this.clocks.start(CEILING_RULE, from.applicationAt, () => this.recommended);
    this.safeguards = patched(SAFEGUARDS_PATCH);
    let returnTo = from.returnTo;
    for (let cycle = from.cycle; ; cycle++) {
      this.cycle = cycle;
      if (returnTo === 'stage-1') {
        await this.moveTo('stage-1', null);
        await this.stageOneChecks(cycle);
        const proceed = await this.task('decide-stage-2', cycle);
        if (proceed.outcome === 'end-assessment') return this.moveTo('assessment-ended', proceed.completedBy);
      }
      await this.moveTo('stage-2', null);
      await Promise.all([this.task('assessment-visits', cycle), this.task('assessment-report', cycle), this.task('preparation-training', cycle)]);
      await this.moveTo('panel', null);
      const recommendation = await this.panel.run((type, { keySuffix, ...spec } = {}) => this.task(type, cycle, keySuffix ? { ...spec, key: `${type}:c${cycle}:${keySuffix}` } : spec));
      if (recommendation.outcome === 'defer-to-stage-1' || recommendation.outcome === 'defer-to-stage-2') {
        returnTo = recommendation.outcome === 'defer-to-stage-1' ? 'stage-1' : 'stage-2';
        if (patched(CONTINUE_ON_DEFERRAL_PATCH)) {
          await condition(allHandlersFinished);
          const participation = this.participation.snapshot();
          const resume: AssessmentResume = {
            cycle: cycle + 1,
            returnTo,
            applicationAt: from.applicationAt,
            caseworkerId: this.caseworkerId,
            completedBy: participation.completedBy as Record<string, string[]>,
            resumeStage: this.stage,
            ...(this.safeguards ? { participation, adultChecks: this.adultChecks } : {}),
          };
          return continueAsNew<typeof householdWorkflow>({ ...this.input, resume });
        }
        continue;
      }
      this.recommended = true;
      await this.moveTo('decision', recommendation.completedBy);
      return this.decision(cycle, recommendation);
    }
  }

  /**
   * The agency decision, once every adult's check is complete; approval puts the household on the
   * register. Under a pack with a representations period (England), a refusal is first proposed.
   */
  private async decision(cycle: number, recommendation: CompletedTask<TaskOutcome<'record-panel-recommendation'>>): Promise<void> {
    if (this.safeguards) await this.everyAdultChecked();
    // Due 7 working days from the recommendation, however long a late adult's check took.
    let decision = await this.task('make-decision', cycle, this.safeguards ? { anchorAt: recommendation.completedAt } : {});
    this.decided = true; // at once, in the same activation: no withdrawal is accepted from here
    const pack = rulePackVersion(this.input.rulePackId, this.input.rulePackVersion);
    if (this.safeguards && decision.outcome === 'not-approve' && pack.rules['decision.representations']) {
      await this.moveTo('refusal-proposed', decision.completedBy);
      this.decided = false; // a proposal only: the applicant may still withdraw
      await this.task('record-representations', cycle);
      decision = await this.task('make-decision', cycle, { key: `confirm-decision:c${cycle}`, ruleId: 'decision.confirm' });
      this.decided = true;
    }
    if (this.safeguards) {
      await this.steps.run('record-decision', () =>
        household.recordDecision({
          householdId: this.input.householdId,
          recommendation: { outcome: recommendation.outcome, submissionId: recommendation.submissionId ?? null },
          decision: { outcome: decision.outcome, submissionId: decision.submissionId ?? null, actorId: decision.completedBy },
        }),
      );
    }
    if (decision.outcome === 'approve') {
      const entry = {
        householdId: this.input.householdId,
        decisionSubmissionId: decision.submissionId ?? null,
        actorId: decision.completedBy,
        at: decision.completedAt,
      };
      await (this.safeguards ? this.steps.run('enter-carer-register', () => household.enterCarerRegister(entry)) : household.enterCarerRegister(entry));
    }
    await this.moveTo(decision.outcome === 'approve' ? 'approved' : 'not-approved', decision.completedBy);
    await Promise.all([this.task('tell-applicant', cycle), this.task('tell-applicant-in-writing', cycle)]);
  }

  /**
   * Stage 1: a background check per adult, two personal references, medical, local authority and
   * previous-agency checks, all at once. An adult added meanwhile gets a check too; before leaving,
   * the household's adults are read again in case a signal was lost.
   */
  private async stageOneChecks(cycle: number): Promise<void> {
    const started = new Set<string>();
    let open = 0;
    const start = (type: TaskType, key: string, spec: Partial<HumanTaskSpec> = {}) => {
      if (started.has(key)) return;
      started.add(key);
      open++;
      const running = this.task(type, cycle, { key, ...spec }).then((done) => {
        if (spec.subject?.kind === 'household-member') this.adultChecks[spec.subject.id] = done.outcome as AdultCheck;
        open--;
      });
      running.catch(() => undefined); // a cancelled case cancels this wait too; the flow handles it
    };
    const backgroundCheck = (memberId: string) => {
      this.adultChecks[memberId] = 'open';
      start('background-check', `background-check:${memberId}:c${cycle}`, { subject: { kind: 'household-member', id: memberId } });
    };
    this.adultsAdded.splice(0);
    for (const memberId of await this.adults()) backgroundCheck(memberId);
    for (const n of [1, 2]) start('personal-reference', `personal-reference:${n}:c${cycle}`, { subject: { kind: 'referee', id: String(n) } });
    for (const type of ['medical-check', 'local-authority-check', 'previous-agency-reference'] as const) start(type, `${type}:c${cycle}`);
    for (;;) {
      await condition(() => open === 0 || this.adultsAdded.length > 0);
      if (this.adultsAdded.length > 0) {
        this.adultsAdded.splice(0).forEach(backgroundCheck);
        continue;
      }
      const unchecked = (await this.adults()).filter((id) => !started.has(`background-check:${id}:c${cycle}`));
      if (unchecked.length === 0) return;
      unchecked.forEach(backgroundCheck);
    }
  }

  /** The household's adults now: read with `householdAdults` (children who came of age too) on issue 7's code. */
  private async adults(): Promise<string[]> {
    if (!this.safeguards) return household.listAdults({ householdId: this.input.householdId });
    const adults = await this.steps.run('read-household-adults', () => household.householdAdults({ householdId: this.input.householdId, at: new Date().toISOString() }));
    return adults.adultIds;
  }

  /** A background check for an adult not yet checked (joined after stage 1, or came of age); its outcome gates the decision. */
  private checkAdult(memberId: string): void {
    if (memberId in this.adultChecks) return;
    this.adultChecks[memberId] = 'open';
    const subject = { kind: 'household-member' as const, id: memberId };
    this.task('background-check', this.cycle, { key: `background-check:${memberId}:c${this.cycle}`, subject })
      .then((done) => void (this.adultChecks[memberId] = done.outcome))
      .catch(() => undefined); // cancelled with the case
  }

  /**
   * Before the decision: every adult living in the household now (children who have come of age
   * included) has a complete check. A child who comes of age while the decision waits gets one then.
   */
  private async everyAdultChecked(): Promise<void> {
    const read = async () => {
      const adults = await this.steps.run('read-household-adults', () => household.householdAdults({ householdId: this.input.householdId, at: new Date().toISOString() }));
      adults.adultIds.forEach((id) => this.checkAdult(id));
      return adults.nextComingOfAgeAt;
    };
    let nextComingOfAge = await read();
    await condition(() => this.checksPending().length === 0);
    const watchComingOfAge = async () => {
      while (nextComingOfAge && !this.decided) {
        const wait = Date.parse(nextComingOfAge) - Date.now();
        if (wait > 0 && (await condition(() => this.decided, wait))) return;
        nextComingOfAge = await read();
      }
    };
    watchComingOfAge().catch(() => undefined); // cancelled with the case
  }

  private checksPending(): string[] {
    return Object.entries(this.adultChecks)
      .filter(([, check]) => check === 'open')
      .map(([id]) => id);
  }

  /** Opens a task of this case, assigning caseworker tasks to the household's caseworker, and records who completed it. */
  private async task<T extends TaskType>(type: T, cycle: number, spec: Partial<HumanTaskSpec<T>> = {}): Promise<CompletedTask<TaskOutcome<T>>> {
    const assigneeId = spec.assigneeId ?? (caseworkerTasks.has(type) ? this.caseworkerId : null);
    const done = await this.tasks.run<T>({ key: `${type}:c${cycle}`, ...spec, type, assigneeId });
    this.participation.completed(type, done.completedBy);
    if (done.outcome === 'concerns' && patched(CHECK_CONCERNS_PATCH)) {
      const flag = { caseRef: this.caseRef, taskId: done.taskId, taskType: type, at: done.completedAt };
      await this.steps.run(`flag-concerns:${done.taskId}`, () => cases.flagCheckConcerns(flag));
    }
    return done;
  }

  private async moveTo(stage: HouseholdStage, actorId: string | null): Promise<void> {
    const record = () => household.recordHouseholdStage({ householdId: this.input.householdId, stage, actorId });
    await (this.safeguards ? this.steps.run(`record-stage:${stage}`, record) : record());
    this.stage = stage;
  }

  /** Separation of duties, the panel's own rules, approvals that carry their terms, and the decision's gate. */
  private guard(request: CompleteTaskRequest, task: OpenedTask): void {
    this.panel.guard(request, task);
    const breach = separationOfDutiesBreach(request.actor.userId, task.type, this.participation.snapshot());
    if (breach) throw new DomainError('separation-of-duties', breach);
    const approving = request.outcome === 'approve' && (task.type === 'make-decision' || task.type === 'record-panel-recommendation');
    if (approving && !request.submissionId) throw new DomainError('invalid-input', 'an approval carries its terms in data.terms');
    if (task.type === 'make-decision') this.decisionGate(request);
    if (task.type === 'record-representations' && request.outcome === 'none-received' && Date.now() < Date.parse(task.dueAt)) {
      throw new DomainError('conflict', `the applicant has until ${task.dueAt} to make representations`);
    }
  }

  /** No decision while an adult's check is open; no approval while an adult's check found concerns. */
  private decisionGate(request: CompleteTaskRequest): void {
    if (!this.safeguards) return;
    const pending = this.checksPending();
    if (pending.length > 0) throw new DomainError('conflict', `the background check of household member ${pending.join(', ')} is not complete`);
    const concerns = Object.entries(this.adultChecks).filter(([, check]) => check === 'concerns');
    if (request.outcome === 'approve' && concerns.length > 0) {
      throw new DomainError('conflict', `the background check of household member ${concerns.map(([id]) => id).join(', ')} found concerns`);
    }
  }

  /** Tasks are moved only to someone separation of duties allows; the chair's recommendation stays with the chair of the sitting. */
  private assignmentGuard(assigneeId: string, task: OpenedTask): void {
    if (task.type === 'record-panel-recommendation') {
      throw new DomainError('conflict', "the chair of the sitting records the panel's recommendation: move the case to another sitting instead");
    }
    const breach = separationOfDutiesBreach(assigneeId, task.type, this.participation.snapshot(), 'they');
    if (breach) throw new DomainError('separation-of-duties', breach);
  }

  /** The new supervising worker takes the case's caseworker tasks from now, and the open ones the previous worker held. */
  private async changeSupervisingWorker(workerId: string, actor: Actor): Promise<{ movedTaskIds: string[] }> {
    this.changingWorker = true;
    try {
      const previous = this.caseworkerId;
      this.caseworkerId = workerId;
      this.participation.supervises(workerId);
      await this.steps.run('record-supervising-worker', () => household.recordSupervisingWorker({ householdId: this.input.householdId, workerId, actorId: actor.userId }));
      const held = previous && previous !== workerId ? this.tasks.openTasksHeldBy(previous) : [];
      await this.tasks.reassignWithin(held, workerId, actor);
      return { movedTaskIds: held };
    } finally {
      this.changingWorker = false;
    }
  }

  /** Exits the applicant's rights forbid: none once the case has ended or been decided; no agency ending after the panel's recommendation. */
  private exitRefusal(exit: HouseholdExit): string | null {
    if (FINAL_HOUSEHOLD_STAGES.includes(this.stage)) return `the case has already ended (${this.stage})`;
    if (this.decided || this.tasks.decided('make-decision')) return 'the decision has been made: an approved household leaves by resignation';
    if (exit === 'assessment-ended' && this.recommended) return "the panel has recommended: the agency can no longer end the assessment; the decision maker decides";
    return null;
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
  'record-representations',
  'tell-applicant',
  'tell-applicant-in-writing',
]);
