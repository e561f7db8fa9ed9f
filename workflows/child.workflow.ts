import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import { Actor, afterPlacementEnds, caseRef, DomainError, LocalDate, localDateOf, nextReviewClock, onDateAtTimeOf, PlacementEndReason, rulePackVersion, TaskOutcome, TaskType } from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { ChildJourneyActivities, OpenedTask, StartedPlacement } from './contracts/activities.contract';
import { bringReviewForwardUpdate, ChildResume, ChildStage, childStageQuery, ChildWorkflowInput, ChildWorkflowResult, placementEndedSignal } from './contracts/child.contract';
import type { CompletedTask, CompleteTaskRequest } from './contracts/human-task.contract';
import { placementWorkflowId, reviewHeldSignal } from './contracts/placement.contract';
import { CaseSteps } from './case-steps';
import { HumanTasks, HumanTaskSpec, inUpdateHandler, TaskWithdrawn } from './human-task';
import { toFailure } from './failures';
import { placementWorkflow } from './placement.workflow';

const journey = proxyActivities<ChildJourneyActivities>(caseActivityOptions);
const deciding = proxyActivities<ChildJourneyActivities>(inUpdateHandler);

/** Reviews held in one run: then the case continues as new, so its history stays short over the years. */
const REVIEWS_PER_RUN = 4;

/**
 * A looked-after child's case (DOMAIN.md, Child journey): the care plan, then matching (the social
 * worker proposes a carer household from the ranked shortlist, the team manager approves or
 * rejects with reasons), then a placement of its own workflow; meanwhile the child's case reviews,
 * chaired by the reviewing officer, each due from the previous one's actual date. When a placement
 * ends the case matches again or closes.
 */
export async function childWorkflow(input: ChildWorkflowInput): Promise<ChildWorkflowResult> {
  return new ChildCase(input).run();
}

class ChildCase {
  private stage: ChildStage;
  private reviewsHeld: number;
  private lastReviewOn: LocalDate | null;
  private placementId: string | null;
  private placementEnd?: PlacementEndReason;
  /** Matching rounds: one per placement sought. */
  private round: number;
  private readonly timeZone: string;
  private readonly steps: CaseSteps;
  private readonly tasks: HumanTasks;
  /** Who proposed the match now waiting for a decision: they may not approve it. */
  private proposedBy: string | null = null;
  private proposalId: string | null = null;
  /** The placement an approval started, in the Update that approved it. */
  private started: StartedPlacement | null = null;
  private newRun = false;
  /** The date the reviewing officer brought the next review forward to, until it is reopened on it. */
  private broughtForwardTo: LocalDate | null = null;
  /** Who held the review brought forward: they keep it. */
  private broughtForwardHolder: string | null = null;

  constructor(private readonly input: ChildWorkflowInput) {
    const ref = caseRef('child', input.childId);
    const resume = input.resume;
    this.stage = resume?.stage ?? 'care-plan';
    this.reviewsHeld = resume?.reviewsHeld ?? 0;
    this.lastReviewOn = resume?.lastReviewOn ?? null;
    this.placementId = resume?.placementId ?? null;
    this.round = resume?.round ?? 1;
    this.timeZone = rulePackVersion(input.rulePackId, input.rulePackVersion).timeZone;
    this.steps = new CaseSteps(ref);
    this.tasks = new HumanTasks(
      { caseRef: ref, rulePackId: input.rulePackId, rulePackVersion: input.rulePackVersion },
      (request, task) => this.guard(request, task),
      this.steps,
      undefined,
      (request, task) => this.beforeClose(request, task),
    );
    setHandler(childStageQuery, () => this.stage);
    setHandler(placementEndedSignal, ({ placementId, reason }) => {
      if (placementId === this.placementId) this.placementEnd = reason;
    });
    setHandler(bringReviewForwardUpdate, ({ on, actor }) => this.bringReviewForward(on, actor), { validator: ({ on, actor }) => this.validateBringForward(on, actor) });
  }

  /** The reviewing officer may bring the open review forward: to today or later, before its due date. */
  private validateBringForward(on: LocalDate, actor: Actor): void {
    const refuse = (code: 'not-permitted' | 'conflict' | 'invalid-input', message: string) => toFailure(new DomainError(code, message));
    if (!actor.roles.includes('reviewing-officer')) throw refuse('not-permitted', 'the reviewing officer brings a review forward');
    const review = this.tasks.openTaskOfType('hold-child-review');
    if (!review) this.tasks.assertSettled(); // a review still opening: the API retries
    if (!review || this.broughtForwardTo || this.stage === 'closed') throw refuse('conflict', 'no review is waiting to be brought forward');
    const today = localDateOf(new Date(), this.timeZone);
    const due = localDateOf(new Date(review.dueAt), this.timeZone);
    if (on < today || on >= due) throw refuse('invalid-input', `on: a date from today (${today}) and before the review is due (${due})`);
  }

  /** Reopens the review due on the chosen date; the chain goes on from the date it is actually held. */
  private async bringReviewForward(on: LocalDate, actor: Actor): Promise<{ dueOn: LocalDate }> {
    this.broughtForwardTo = on;
    this.broughtForwardHolder = this.tasks.openTaskOfType('hold-child-review')?.assigneeId ?? null;
    await this.tasks.withdraw(['hold-child-review'], 'the reviewing officer brought the review forward', actor.userId);
    return { dueOn: on };
  }

  async run(): Promise<ChildWorkflowResult> {
    let closed = false;
    this.reviewing().catch(() => undefined); // its task is withdrawn when the case closes
    const journeyDone = this.journey().then(() => void (closed = true));
    for (;;) {
      await condition(() => closed || this.newRun);
      if (closed) break;
      // Between reviews, with the flow waiting on its placement and nothing open: carry the state to a new run.
      await condition(allHandlersFinished);
      if (this.stage === 'placed' && this.placementEnd === undefined) {
        const resume: ChildResume = { stage: this.stage, reviewsHeld: this.reviewsHeld, lastReviewOn: this.lastReviewOn, placementId: this.placementId, round: this.round };
        return continueAsNew<typeof childWorkflow>({ ...this.input, resume });
      }
      // The placement ended meanwhile: matching goes on in this run, and so do the reviews.
      this.newRun = false;
      this.reviewing().catch(() => undefined);
    }
    await journeyDone;
    await condition(allHandlersFinished);
    return { stage: this.stage };
  }

  /** Care plan, matching and placement, again after a placement that ends with a move or a breakdown, until the case closes. */
  private async journey(): Promise<void> {
    if (!this.input.resume) {
      const anchorAt = onDateAtTimeOf(this.input.lookedAfterOn, new Date(), this.timeZone).toISOString();
      const plan = await this.task('write-care-plan', { key: 'write-care-plan', anchorAt });
      await this.steps.run('apply-care-plan', () => journey.applyCarePlan({ childId: this.input.childId, submissionId: plan.submissionId ?? null }));
    }
    for (; ; this.round++) {
      if (this.stage !== 'placed') {
        const placement = await this.matching(this.round);
        this.placementId = placement.placementId;
        this.placementEnd = undefined;
        await startChild(placementWorkflow, {
          workflowId: placementWorkflowId(placement.placementId),
          args: [
            {
              placementId: placement.placementId,
              childId: this.input.childId,
              householdId: placement.householdId,
              placementType: placement.placementType,
              untilEighteen: placement.untilEighteen,
              startedOn: placement.startedOn,
              eighteenthBirthday: placement.eighteenthBirthday,
              caseworkerId: this.input.caseworkerId,
              rulePackId: this.input.rulePackId,
              rulePackVersion: this.input.rulePackVersion,
              firstReviewHeld: this.reviewsHeld > 0,
            },
          ],
          // The placement outlives this run of the child's case (continue-as-new): it reports back by signal.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        await this.moveTo('placed', placement.approvedBy);
      }
      await condition(() => this.placementEnd !== undefined);
      if (afterPlacementEnds(this.placementEnd!) === 'case-closes') break;
      this.stage = 'matching';
    }
    await this.tasks.withdraw(['hold-child-review'], 'the case closed', null);
    await this.moveTo('closed', null);
  }

  /** Proposals until the team manager approves one; the approval itself takes the household's place. */
  private async matching(round: number): Promise<StartedPlacement> {
    await this.moveTo('matching', null);
    for (let attempt = 1; ; attempt++) {
      const key = `${round}.${attempt}`;
      const proposal = await this.task('propose-match', { key: `propose-match:${key}` });
      const recorded = await this.steps.run(`record-proposal:${proposal.taskId}`, () =>
        journey.recordMatchProposal({ childId: this.input.childId, taskId: proposal.taskId, submissionId: proposal.submissionId ?? null, proposedBy: proposal.completedBy }),
      );
      this.proposedBy = proposal.completedBy;
      this.proposalId = recorded.proposalId;
      const decision = await this.task('approve-match', { key: `approve-match:${key}` });
      this.proposedBy = null;
      this.proposalId = null;
      if (decision.outcome === 'approve-match' && this.started) {
        const started = this.started;
        this.started = null;
        return started;
      }
    }
  }

  /** The review chain: 20 working days from becoming looked after, then 3 months, then every 6 months, each from the last one held. */
  private async reviewing(): Promise<void> {
    for (let inRun = 0; this.stage !== 'closed'; inRun++) {
      if (inRun === REVIEWS_PER_RUN && this.stage === 'placed') {
        this.newRun = true;
        return;
      }
      const forward = this.broughtForwardTo;
      const clock = forward ? { ruleId: 'review.brought-forward', anchorOn: forward } : nextReviewClock(this.input.lookedAfterOn, this.reviewsHeld, this.lastReviewOn);
      const anchorAt = onDateAtTimeOf(clock.anchorOn, new Date(), this.timeZone).toISOString();
      const holder = forward ? this.broughtForwardHolder : null;
      this.broughtForwardTo = null;
      let review: CompletedTask;
      try {
        review = await this.task('hold-child-review', { key: `review:${this.reviewsHeld + 1}${forward ? `:forward:${forward}` : ''}`, ruleId: clock.ruleId, anchorAt, assigneeId: holder });
      } catch (error) {
        // Withdrawn to be brought forward: reopened on the chosen date; withdrawn as the case closes: done.
        if (error instanceof TaskWithdrawn && this.broughtForwardTo) {
          inRun--;
          continue;
        }
        if (error instanceof TaskWithdrawn) return;
        throw error;
      }
      const held = await this.steps.run(`record-review:${review.taskId}`, () =>
        journey.recordReview({ childId: this.input.childId, taskId: review.taskId, submissionId: review.submissionId ?? null, chairedBy: review.completedBy }),
      );
      this.reviewsHeld++;
      this.lastReviewOn = held.heldOn;
      if (this.reviewsHeld === 1 && this.placementId && this.stage === 'placed') {
        await getExternalWorkflowHandle(placementWorkflowId(this.placementId)).signal(reviewHeldSignal).catch(() => undefined);
      }
    }
  }

  private task<T extends TaskType>(type: T, spec: Partial<HumanTaskSpec<T>> & { key: string }): Promise<CompletedTask<TaskOutcome<T>>> {
    const caseworkerTask = type === 'write-care-plan' || type === 'propose-match';
    return this.tasks.run<T>({ ...spec, type, assigneeId: spec.assigneeId ?? (caseworkerTask ? this.input.caseworkerId : null) });
  }

  /** No one approves their own proposal. */
  private guard(request: CompleteTaskRequest, task: OpenedTask): void {
    if (task.type === 'approve-match' && request.actor.userId === this.proposedBy) {
      throw new DomainError('separation-of-duties', 'they proposed this match: another team manager decides it');
    }
  }

  /**
   * Inside the Update that decides a match, before the task closes: an approval takes the
   * household's place and starts the placement in one transaction, or fails (no free place, the
   * child already placed) and the task stays open; a rejection records its reasons.
   */
  private async beforeClose(request: CompleteTaskRequest, task: OpenedTask): Promise<void> {
    if (task.type !== 'approve-match' || !this.proposalId) return;
    const decided = await deciding.decideMatch({ proposalId: this.proposalId, outcome: request.outcome, submissionId: request.submissionId, actorId: request.actor.userId });
    this.started = decided.placement;
  }

  private async moveTo(stage: ChildStage, actorId: string | null): Promise<void> {
    await this.steps.run(`record-stage:${stage}`, () => journey.recordChildStage({ childId: this.input.childId, stage, actorId }));
    this.stage = stage;
  }
}
