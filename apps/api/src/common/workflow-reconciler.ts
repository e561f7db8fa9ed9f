import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** How long a case may wait for its workflow before the reconciler starts it. */
export const RECONCILE_AFTER_MS = 60_000;

/**
 * Every minute, starts the workflow of any case whose rows were committed but whose workflow was
 * not seen to start (the API stopped between the commit and the start). The start reuses a
 * running workflow, so starting twice is harmless.
 */
export abstract class WorkflowReconciler<T> implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  protected abstract readonly logger: Logger;

  /** Cases committed before `before` whose workflow was not seen to start. */
  protected abstract waiting(before: Date): Promise<T[]>;
  abstract start(item: T): Promise<void>;

  /** Starts the workflow of every case that has waited too long for it; returns how many. */
  async reconcile(now = new Date()): Promise<number> {
    const waiting = await this.waiting(new Date(now.getTime() - RECONCILE_AFTER_MS));
    for (const item of waiting) await this.start(item);
    if (waiting.length > 0) this.logger.warn(`started ${waiting.length} workflow(s) that had not started`);
    return waiting.length;
  }

  onApplicationBootstrap(): void {
    const tick = () => this.reconcile().catch((error: Error) => this.logger.warn(`reconciler failed: ${error.message}`));
    this.timer = setInterval(tick, RECONCILE_AFTER_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
