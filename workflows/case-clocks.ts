import { condition, isCancellation, proxyActivities } from '@temporalio/workflow';
import { caseActivityOptions } from './activity-options';
import type { CaseActivities, CaseClockSchedule } from './contracts/activities.contract';
import type { CaseSteps } from './case-steps';
import { HumanTaskScope, STEPS_PATCH } from './human-task';

const activities = proxyActivities<CaseActivities>(caseActivityOptions);

interface Checkpoint {
  key: string;
  at: number;
  act: () => Promise<void>;
}

/**
 * A statutory deadline that belongs to a case, not to a task (the 8-month ceiling from application
 * to recommendation, kinship's 16 weeks, the annual review): warns before it is due as its rule
 * says, raises one critical alert at the breach, is resolved when met or when the case ends, and
 * moves when the calendar changes.
 */
class CaseClock {
  private schedule?: CaseClockSchedule;
  private version = 0;
  private breached = false;
  private ended = false;

  constructor(
    private readonly scope: HumanTaskScope,
    readonly ruleId: string,
    private readonly anchorAt: string,
    private readonly metWhen: () => boolean,
    private readonly steps: CaseSteps,
  ) {}

  private get done(): boolean {
    return this.ended || this.metWhen();
  }

  /** Runs until the clock is met or the case ends; the first activity is scheduled at once. */
  async watch(): Promise<void> {
    this.schedule = await this.compute();
    const passed = new Set<string>();
    let seenVersion = this.version;
    while (!this.done) {
      if (this.version !== seenVersion) {
        seenVersion = this.version;
        for (const checkpoint of this.checkpoints()) if (checkpoint.at > Date.now()) passed.delete(checkpoint.key);
        // Moved back into the future: the breach no longer stands.
        if (this.breached && !passed.has('breach')) await this.resolve();
      }
      const next = this.checkpoints().find((checkpoint) => !passed.has(checkpoint.key));
      const version = this.version;
      const changed = () => this.done || this.version !== version;
      if (!next) {
        await condition(changed);
        continue;
      }
      const wait = next.at - Date.now();
      if (wait > 0 && (await condition(changed, wait))) continue;
      if (changed()) continue;
      await next.act();
      passed.add(next.key);
    }
    if (this.breached) await this.resolve();
  }

  /** The calendar changed: the due date is computed again from the same anchor. */
  async recompute(): Promise<void> {
    if (this.done || !this.schedule) return;
    this.schedule = await this.compute();
    this.version++;
  }

  /** The case ended: the clock stops, and its breach alert (if raised) is resolved. */
  async end(): Promise<void> {
    this.ended = true;
    if (this.breached) await this.resolve();
  }

  private async compute(): Promise<CaseClockSchedule> {
    const { rulePackId, rulePackVersion } = this.scope;
    const computed = await this.steps.runSince(STEPS_PATCH, `clock:${this.ruleId}`, () => activities.computeCaseDeadline({ ruleId: this.ruleId, rulePackId, rulePackVersion, anchorAt: this.anchorAt }));
    return typeof computed === 'string' ? { dueAt: computed, warnAt: [] } : computed!;
  }

  private checkpoints(): Checkpoint[] {
    const clock = { caseRef: this.scope.caseRef, ruleId: this.ruleId };
    const now = () => new Date().toISOString();
    return [
      ...this.schedule!.warnAt.map((at, sequence) => ({
        key: `warn:${sequence}`,
        at: Date.parse(at),
        act: () => this.steps.runSince(STEPS_PATCH, `clock-warning:${this.ruleId}:${sequence}`, () => activities.warnCaseClock({ ...clock, sequence, at: now() }), () => this.done),
      })),
      {
        key: 'breach',
        at: Date.parse(this.schedule!.dueAt),
        act: async () => {
          await this.steps.runSince(STEPS_PATCH, `clock-breach:${this.ruleId}`, () => activities.raiseCaseAlert({ ...clock, at: now() }), () => this.done);
          this.breached = true;
        },
      },
    ].sort((a, b) => a.at - b.at);
  }

  private async resolve(): Promise<void> {
    this.breached = false;
    await this.steps.runSince(STEPS_PATCH, `clock-resolve:${this.ruleId}`, () => activities.resolveCaseAlert({ caseRef: this.scope.caseRef, ruleId: this.ruleId, at: new Date().toISOString() }));
  }
}

/** The case clocks of one workflow run. */
export class CaseClocks {
  private readonly clocks: CaseClock[] = [];

  constructor(
    private readonly scope: HumanTaskScope,
    private readonly steps: CaseSteps,
  ) {}

  /**
   * Starts a clock from `anchorAt` under the case's rule pack; it runs until `met` holds or the
   * case ends. Started inside the case's flow, an exit cancels its wait and `endAll` resolves it.
   */
  start(ruleId: string, anchorAt: string, met: () => boolean): void {
    const clock = new CaseClock(this.scope, ruleId, anchorAt, met, this.steps);
    this.clocks.push(clock);
    clock.watch().catch((error) => {
      if (!isCancellation(error)) throw error;
    });
  }

  /** The calendar changed: every running clock moves. */
  async recompute(): Promise<void> {
    for (const clock of this.clocks) await clock.recompute();
  }

  /** The case ended: every clock stops and its breach alert is resolved. */
  async endAll(): Promise<void> {
    for (const clock of this.clocks) await clock.end();
  }
}
