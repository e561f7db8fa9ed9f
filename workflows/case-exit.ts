import { CancellationScope, condition, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import { Actor, DomainError, StaffRole } from '@hearth/domain';
import { caseActivityOptions } from './activity-options';
import type { TaskActivities } from './contracts/activities.contract';
import { CaseExitRequest, CaseExitResult, closeCaseUpdate } from './contracts/case.contract';
import { toFailure } from './failures';
import type { CaseSteps } from './case-steps';
import type { HumanTasks } from './human-task';

const { cancelOpenTasks } = proxyActivities<TaskActivities>(caseActivityOptions);

/** One way a case may be ended early: the reason its open tasks are cancelled with, and who may do it. */
export interface ExitRule {
  reason: string;
  roles: readonly StaffRole[];
}

export interface CaseExitOptions<E extends string> {
  rules: Record<E, ExitRule>;
  tasks: HumanTasks;
  steps: CaseSteps;
  /** Where the case stands now, for the answer and the refusal. */
  stage: () => string;
  /** Why this exit may not happen now (the case has ended, the applicant's rights), or null. */
  refusal: (exit: E) => string | null;
  /** Records the final stage once open work is cancelled. */
  recordExit: (exit: E, actor: Actor) => Promise<void>;
}

/**
 * Ending a case early (the `closeCase` Update): the case's flow is cancelled, running activities
 * are waited for, every open task is cancelled with the reason, then the final stage is recorded.
 * Decisions arriving after the exit was accepted are refused, so no task closes, and no row opens,
 * after it.
 */
export class CaseExits<E extends string> {
  private readonly flow = new CancellationScope();
  private requested?: CaseExitRequest<E>;
  private ended = false;

  constructor(private readonly options: CaseExitOptions<E>) {
    setHandler(closeCaseUpdate, (request) => this.close(request as CaseExitRequest<E>), {
      validator: (request) => this.validate(request as CaseExitRequest<E>),
    });
  }

  /** The exit taken, once the case has been ended early. */
  get exit(): E | undefined {
    return this.requested?.exit;
  }

  /** Runs the case's flow; an exit cancels it and cleans up. */
  async run(flow: () => Promise<void>): Promise<void> {
    try {
      await this.flow.run(flow);
    } catch (error) {
      if (!isCancellation(error) || !this.requested) throw error;
      const { exit, actor } = this.requested;
      await CancellationScope.nonCancellable(async () => {
        await this.options.steps.run('cancel-open-tasks', () => cancelOpenTasks({ reason: this.options.rules[exit].reason, actorId: actor.userId }));
        await this.options.recordExit(exit, actor);
      });
    }
  }

  /** The case's work is over (flow and clean-up done): answers waiting exits and refuses new ones. */
  finish(): void {
    this.ended = true;
  }

  private validate({ exit, actor }: CaseExitRequest<E>): void {
    const rule = this.options.rules[exit];
    if (!rule) throw toFailure(new DomainError('invalid-input', `no such exit: ${exit}`));
    if (this.requested || this.ended) throw toFailure(new DomainError('conflict', `the case has already ended (${this.options.stage()})`));
    const refusal = this.options.refusal(exit);
    if (refusal) throw toFailure(new DomainError('conflict', refusal));
    if (!actor.roles.some((role) => rule.roles.includes(role))) {
      throw toFailure(new DomainError('not-permitted', `recording that ${rule.reason} needs one of: ${rule.roles.join(', ')}`));
    }
  }

  private async close(request: CaseExitRequest<E>): Promise<CaseExitResult> {
    this.requested = request;
    this.options.tasks.refuseDecisions(`the case is being closed (${this.options.rules[request.exit].reason})`);
    this.flow.cancel();
    await condition(() => this.ended);
    return { stage: this.options.stage() };
  }
}
