import { ActivityFailure, CancellationScope, condition, isCancellation, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { CaseRef, DomainError } from '@hearth/domain';
import type { CaseActivities } from './contracts/activities.contract';
import { retryStepUpdate } from './contracts/case.contract';
import { toFailure } from './failures';

// Raising and resolving the alert retry until PostgreSQL answers: they are what makes a failure visible.
const attention = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** A failed step tries again on its own after this long, in case what broke has mended (PostgreSQL back after an outage). */
const AUTOMATIC_RETRY_MS = 10 * 60 * 1000;

/**
 * Steps whose activities give up after their retry policy: a step that fails for good raises one
 * "needs attention" alert naming it, keeps the workflow alive, and tries again when an admin asks
 * (the `retryStep` Update) or after an hour; the alert is resolved when the step succeeds.
 */
export class CaseSteps {
  private readonly waiting = new Map<string, { retry: boolean }>();

  constructor(private readonly caseRef: CaseRef) {
    setHandler(
      retryStepUpdate,
      ({ step }) => {
        this.waiting.get(step)!.retry = true;
        return { step };
      },
      {
        validator: ({ step, actor }) => {
          if (!actor.roles.includes('admin')) throw toFailure(new DomainError('not-permitted', 'only an admin retries a step'));
          if (!this.waiting.has(step)) throw toFailure(new DomainError('conflict', `no step "${step}" is waiting for a retry (waiting: ${[...this.waiting.keys()].join(', ') || 'none'})`));
        },
      },
    );
  }

  /** The steps waiting for an admin, for queries and tests. */
  get stalled(): string[] {
    return [...this.waiting.keys()];
  }

  /** Runs a step as a case step from `patch` on (see STEPS_PATCH); before it, as a plain call. */
  runSince<T>(patch: string, step: string, attempt: () => Promise<T>, moot?: () => boolean): Promise<T | undefined> {
    return patched(patch) ? this.run(step, attempt, moot) : attempt();
  }

  /**
   * Runs a step; a failure other than cancellation makes it wait for a retry instead of failing the
   * workflow. A step that has become `moot` while it waits (a reminder for a task since completed)
   * is dropped: its alert is resolved and it resolves undefined, so it never holds the case back.
   */
  async run<T>(step: string, attempt: () => Promise<T>): Promise<T>;
  async run<T>(step: string, attempt: () => Promise<T>, moot?: () => boolean): Promise<T | undefined>;
  async run<T>(step: string, attempt: () => Promise<T>, moot: () => boolean = () => false): Promise<T | undefined> {
    let alerted = false;
    for (;;) {
      try {
        const result = await attempt();
        if (alerted) await this.resolve(step);
        return result;
      } catch (error) {
        if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
      }
      if (moot()) {
        if (alerted) await this.resolve(step);
        return undefined;
      }
      if (!alerted) await attention.raiseNeedsAttention({ caseRef: this.caseRef, step, at: new Date().toISOString() });
      alerted = true;
      const request = { retry: false };
      this.waiting.set(step, request);
      try {
        await condition(() => request.retry || moot(), AUTOMATIC_RETRY_MS);
      } finally {
        this.waiting.delete(step);
      }
    }
  }

  private resolve(step: string): Promise<void> {
    return CancellationScope.nonCancellable(() => attention.resolveNeedsAttention({ caseRef: this.caseRef, step, at: new Date().toISOString() }));
  }
}
