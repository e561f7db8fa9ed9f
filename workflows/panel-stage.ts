import { patched, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { DomainError, packFigures, panelMembershipBreach, rulePackVersion, TaskOutcome } from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { OpenedTask, PanelActivities } from './contracts/activities.contract';
import { bookPanelUpdate, PanelBooking } from './contracts/case.contract';
import type { CompletedTask, CompleteTaskRequest } from './contracts/human-task.contract';
import type { CaseSteps } from './case-steps';
import { DURABLE_CLOSE_PATCH, HumanTasks, HumanTaskScope, HumanTaskSpec, inUpdateHandler, TaskWithdrawn } from './human-task';
import { toFailure } from './failures';
import type { Participation } from './participation';

const panelActivities = proxyActivities<PanelActivities>(caseActivityOptions);
const bookingActivities = proxyActivities<PanelActivities>(inUpdateHandler);
// Bookings before issue 7 were written by a local activity, before the Update was durable.
const legacyBooking = proxyLocalActivities<PanelActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '2 seconds', maximumAttempts: 10 },
});

/** Opens one of the case's tasks in the current cycle (the pathway decides keys and assignees). */
export type PanelTaskRunner = <T extends 'book-panel' | 'send-panel-papers' | 'record-panel-recommendation'>(
  type: T,
  spec?: Partial<HumanTaskSpec<T>> & { keySuffix?: string },
) => Promise<CompletedTask<TaskOutcome<T>>>;

export interface PanelStageOptions {
  scope: HumanTaskScope;
  /** The household whose case goes to panel (approval, kinship approval, first annual review). */
  householdId: string;
  tasks: HumanTasks;
  participation: Participation;
  steps: CaseSteps;
}

/**
 * The fostering panel (DOMAIN.md, step 5): a team manager books the case on a sitting (the
 * `bookPanel` Update), the caseworker sends the papers to members, and after the sitting has begun
 * the chair booked for it records the recommendation with its reasons. The panel has a quorum and
 * none of its members is the case's assessor or supervising caseworker.
 */
export class PanelStage {
  private booking?: PanelBooking;
  private papersSent = false;

  constructor(private readonly options: PanelStageOptions) {
    setHandler(bookPanelUpdate, (booking) => this.book(booking), { validator: (booking) => this.validateBooking(booking) });
  }

  /**
   * Booking, papers before the sitting, the chair's recommendation. A team manager may move the
   * case to another sitting until the recommendation is recorded (a sitting that became a day
   * off, a panel that sat without the papers): the open papers and recommendation tasks are
   * withdrawn and the new sitting's open.
   */
  async run(task: PanelTaskRunner): Promise<CompletedTask<TaskOutcome<'record-panel-recommendation'>>> {
    const { householdId } = this.options;
    this.booking = undefined;
    await task('book-panel');
    for (let sitting = 1; ; sitting++) {
      const panel: PanelBooking = this.booking!;
      this.papersSent = false;
      // Sittings after the first get keys of their own (the first keeps the keys running cases have).
      const key = (type: string) => (sitting > 1 ? { keySuffix: `s${sitting}:${type}` } : {});
      const papers = task('send-panel-papers', { anchorAt: panel.sittingAt, ...key('papers') }).then((sent) => {
        this.papersSent = true;
        return this.options.steps.run('record-papers-sent', () => panelActivities.recordPapersSent({ panelId: panel.panelId, householdId, at: sent.completedAt }));
      });
      const recommended = task('record-panel-recommendation', { anchorAt: panel.sittingAt, assigneeId: panel.chairId, ...key('recommendation') });
      papers.catch(() => undefined); // when the sitting moves, both waits end; the catch below handles it
      recommended.catch(() => undefined);
      try {
        const [, recommendation] = await Promise.all([papers, recommended]);
        await this.options.steps.run('record-panel-recommendation', () =>
          panelActivities.recordPanelRecommendation({ panelId: panel.panelId, householdId, recommendation: recommendation.outcome }),
        );
        return recommendation;
      } catch (error) {
        if (!(error instanceof TaskWithdrawn) || this.booking === panel) throw error;
      }
    }
  }

  /** Who sits for the case on the sitting it is booked on (or being booked on), chair first. */
  sittingIds(): string[] {
    return this.booking ? [this.booking.chairId, ...this.booking.memberIds] : [];
  }

  /** Only the chair booked for the sitting records the recommendation, once it has begun and the papers were sent. */
  guard(request: CompleteTaskRequest, task: OpenedTask): void {
    if (task.type !== 'record-panel-recommendation' || !this.booking) return;
    if (request.actor.userId !== this.booking.chairId) throw new DomainError('not-permitted', 'only the chair booked for this sitting records its recommendation');
    if (Date.now() < Date.parse(this.booking.sittingAt)) throw new DomainError('conflict', `the panel has not sat yet (it sits at ${this.booking.sittingAt})`);
    if (!this.papersSent) throw new DomainError('conflict', 'the papers have not been sent to the panel members');
  }

  /** The case is on a sitting that has not recommended yet, so it may move to another. */
  private movable(): boolean {
    const { tasks } = this.options;
    return this.booking !== undefined && tasks.openTaskOfType('record-panel-recommendation') !== undefined && !tasks.decided('record-panel-recommendation');
  }

  private validateBooking(booking: PanelBooking): void {
    const { tasks, participation, scope } = this.options;
    const task = tasks.openTaskOfType('book-panel');
    if (!task) tasks.assertSettled();
    const refuse = (error: DomainError) => toFailure(error);
    if (task ? this.booking : !this.movable()) throw refuse(new DomainError('conflict', 'the case is not waiting for a panel'));
    if (booking.panelId === this.booking?.panelId) throw refuse(new DomainError('conflict', 'the case is already on this sitting'));
    if (!booking.actor.roles.includes('team-manager')) throw refuse(new DomainError('not-permitted', "only a team manager puts cases on a panel's agenda"));
    if (Date.parse(booking.sittingAt) <= Date.now()) throw refuse(new DomainError('conflict', 'the sitting is in the past'));
    const quorum = packFigures(rulePackVersion(scope.rulePackId, scope.rulePackVersion)).panelQuorumMembers;
    const members = booking.memberIds.filter((id) => id !== booking.chairId);
    if (members.length < quorum) throw refuse(new DomainError('conflict', `the panel has no quorum: the chair and at least ${quorum} members`));
    const breach = panelMembershipBreach([booking.chairId, ...members], participation.snapshot());
    if (breach) throw refuse(new DomainError('separation-of-duties', breach));
  }

  private async book(request: PanelBooking): Promise<{ taskId: string }> {
    const { tasks } = this.options;
    const task = tasks.openTaskOfType('book-panel');
    if (!task) return this.move(request);
    this.booking = request; // set first, so the validator refuses a second booking meanwhile
    const record = this.agendaEntry(request);
    try {
      await (patched(DURABLE_CLOSE_PATCH) ? bookingActivities.recordPanelBooking(record) : legacyBooking.recordPanelBooking(record));
    } catch (error) {
      this.booking = undefined; // a failed booking leaves the case bookable
      throw error;
    }
    this.options.participation.satOnPanel(request.chairId, request.memberIds);
    await tasks.complete({ taskId: task.taskId, outcome: 'booked', actor: request.actor, completionKey: request.idempotencyKey, submissionId: null });
    return { taskId: task.taskId };
  }

  /** What the agenda records of a booking: ids and the sitting only. */
  private agendaEntry(request: PanelBooking) {
    const { scope, householdId } = this.options;
    return {
      panelId: request.panelId,
      householdId,
      sittingAt: request.sittingAt,
      rulePackId: scope.rulePackId,
      rulePackVersion: scope.rulePackVersion,
      actorId: request.actor.userId,
    };
  }

  /** Moves the case to another sitting: it leaves the old agenda, and the old sitting's tasks are withdrawn. */
  private async move(request: PanelBooking): Promise<{ taskId: string }> {
    const { tasks, participation } = this.options;
    const from = this.booking!;
    const recommendation = tasks.openTaskOfType('record-panel-recommendation')!;
    this.booking = request; // set first, so the validator refuses another move meanwhile
    try {
      await bookingActivities.recordPanelBooking({ ...this.agendaEntry(request), movedFromPanelId: from.panelId });
    } catch (error) {
      this.booking = from; // a failed move leaves the case on its sitting
      throw error;
    }
    participation.satOnPanel(request.chairId, request.memberIds);
    await tasks.withdraw(['send-panel-papers', 'record-panel-recommendation'], 'the case moved to another panel sitting', request.actor.userId);
    return { taskId: recommendation.taskId };
  }
}
