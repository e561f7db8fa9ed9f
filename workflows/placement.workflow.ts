import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import { caseRef, DomainError, fromLocal, localDateOf, LocalDate, nextVisitClock, onDateAtTimeOf, parseLocalDate, PlacementEndReason, rulePackVersion } from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { ChildJourneyActivities } from './contracts/activities.contract';
import { placementEndedSignal } from './contracts/child.contract';
import { endPlacementUpdate, PlacementWorkflowInput, PlacementWorkflowResult, reviewHeldSignal } from './contracts/placement.contract';
import { CaseSteps } from './case-steps';
import { HumanTasks, inUpdateHandler, TaskWithdrawn } from './human-task';
import { toFailure } from './failures';

const journey = proxyActivities<ChildJourneyActivities>(caseActivityOptions);
const ending = proxyActivities<ChildJourneyActivities>(inUpdateHandler);

/** Visits recorded in one run: then the placement continues as new, so its history stays short. */
const VISITS_PER_RUN = 12;

/**
 * A child's placement with a carer household (DOMAIN.md, Child journey, steps 4 and 6): statutory
 * visits, each due from the last one's actual date on the pack's visit clocks, until the placement
 * ends, by the social worker's decision or on the child's 18th birthday. Ending frees the
 * household's place and tells the child's case, which matches again or closes.
 */
export async function placementWorkflow(input: PlacementWorkflowInput): Promise<PlacementWorkflowResult> {
  return new Placement(input).run();
}

class Placement {
  private readonly steps: CaseSteps;
  private readonly tasks: HumanTasks;
  private readonly timeZone: string;
  private firstReviewHeld: boolean;
  private lastVisitOn: LocalDate | null;
  private visits: number;
  private ending = false;
  private ended?: PlacementWorkflowResult;
  private newRun = false;

  constructor(private readonly input: PlacementWorkflowInput) {
    const ref = caseRef('child', input.childId);
    this.timeZone = rulePackVersion(input.rulePackId, input.rulePackVersion).timeZone;
    this.firstReviewHeld = input.firstReviewHeld;
    this.lastVisitOn = input.resume?.lastVisitOn ?? null;
    this.visits = input.resume?.visits ?? 0;
    this.steps = new CaseSteps(ref);
    this.tasks = new HumanTasks({ caseRef: ref, rulePackId: input.rulePackId, rulePackVersion: input.rulePackVersion }, undefined, this.steps);
    setHandler(reviewHeldSignal, () => void (this.firstReviewHeld = true));
    setHandler(endPlacementUpdate, ({ reason, endedOn, actor }) => this.end(reason, endedOn, actor.userId), {
      validator: ({ reason, endedOn, actor }) => {
        const refuse = (code: 'conflict' | 'invalid-input' | 'not-permitted', message: string) => toFailure(new DomainError(code, message));
        if (this.ending) throw refuse('conflict', 'the placement has ended or is ending');
        if (!actor.roles.includes('caseworker') && !actor.roles.includes('team-manager')) throw refuse('not-permitted', "ending a placement is for the child's social worker or a team manager");
        const today = localDateOf(new Date(), this.timeZone);
        if (endedOn < input.startedOn || endedOn > today) throw refuse('invalid-input', `endedOn: between the placement's start (${input.startedOn}) and today (${today})`);
        if (reason === 'eighteenth-birthday' && endedOn !== input.eighteenthBirthday) throw refuse('invalid-input', `endedOn: the 18th birthday is ${input.eighteenthBirthday}`);
      },
    });
  }

  async run(): Promise<PlacementWorkflowResult> {
    const birthday = fromLocal({ ...parseLocalDate(this.input.eighteenthBirthday), hour: 0, minute: 0, second: 0, millisecond: 0 }, this.timeZone);
    this.visiting().catch(() => undefined); // ends when its visit task is withdrawn
    const untilBirthday = Math.max(0, birthday.getTime() - Date.now());
    const moved = await condition(() => this.ending || this.newRun, untilBirthday);
    if (!moved) await this.end('eighteenth-birthday', this.input.eighteenthBirthday, null);
    if (this.newRun && !this.ending) {
      await condition(allHandlersFinished);
      if (!this.ending) {
        return continueAsNew<typeof placementWorkflow>({ ...this.input, firstReviewHeld: this.firstReviewHeld, resume: { lastVisitOn: this.lastVisitOn, visits: this.visits } });
      }
    }
    await condition(() => this.ended !== undefined);
    await condition(allHandlersFinished);
    return this.ended!;
  }

  /** One statutory visit after another, each due from the last visit's actual date. */
  private async visiting(): Promise<void> {
    for (let inRun = 0; !this.ending; inRun++) {
      if (inRun === VISITS_PER_RUN) {
        this.newRun = true;
        return;
      }
      const clock = nextVisitClock({ ...this.input, lastVisitOn: this.lastVisitOn, firstReviewHeld: this.firstReviewHeld });
      const anchorAt = onDateAtTimeOf(clock.anchorOn, new Date(), this.timeZone).toISOString();
      let visit;
      try {
        visit = await this.tasks.run({ key: `visit:${this.visits + 1}`, type: 'record-visit', ruleId: clock.ruleId, anchorAt, assigneeId: this.input.caseworkerId });
      } catch (error) {
        if (error instanceof TaskWithdrawn) return;
        throw error;
      }
      const recorded = await this.steps.run(`record-visit:${visit.taskId}`, () =>
        journey.recordVisit({ placementId: this.input.placementId, taskId: visit.taskId, submissionId: visit.submissionId ?? null, recordedBy: visit.completedBy }),
      );
      this.lastVisitOn = recorded.visitedOn;
      this.visits++;
    }
  }

  /** Ends the placement: no more visits, the household's place is free, the child's case is told. */
  private async end(reason: PlacementEndReason, endedOn: LocalDate, actorId: string | null): Promise<PlacementWorkflowResult> {
    this.ending = true;
    await this.tasks.withdraw(['record-visit'], 'the placement ended', actorId);
    await ending.endPlacement({ placementId: this.input.placementId, reason, endedOn, actorId });
    await getExternalWorkflowHandle(caseRef('child', this.input.childId)).signal(placementEndedSignal, { placementId: this.input.placementId, reason });
    this.ended = { reason, endedOn };
    return this.ended;
  }
}
