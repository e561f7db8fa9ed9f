import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Actor, computeDeadline, DayOff, DomainError, fixedHolidays, fromLocal, LocalDate, localDateOf, parseLocalDate, RulePack, rulePackInForceAt, rulePacks, rulePackVersion } from '@hearth/domain';
import { CalendarChangeRecord, CalendarChangesRepository, CalendarChangeScope, CalendarHolidaysRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { calendarChangeWorkflowId } from '@hearth/workflows/contracts/calendar-change.contract';
import type { calendarChangeWorkflow } from '@hearth/workflows/calendar-change.workflow';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import type { CalendarPreviewMove, CalendarPreviewView } from './calendar.view';

/** Open tasks read at a time, and moves listed, by a preview. */
const PREVIEW_BATCH = 5000;
const PREVIEW_LIMIT = 100;

/** How long a calendar change may wait for its background work before the reconciler starts it. */
const RECONCILE_AFTER_MS = 60_000;

export interface CalendarChangeView {
  id: string;
  /** Follow the background work here. */
  href: string;
  status: 'pending' | 'running' | 'done';
  cause: Record<string, unknown>;
  requestedAt: string;
  casesSignalled: number;
  finishedAt: string | null;
}

const changeView = (change: CalendarChangeRecord): CalendarChangeView => ({
  id: change.id,
  href: `/calendar/changes/${change.id}`,
  status: change.finishedAt ? 'done' : change.startedAt ? 'running' : 'pending',
  cause: change.cause,
  requestedAt: change.requestedAt.toISOString(),
  casesSignalled: change.casesSignalled,
  finishedAt: change.finishedAt?.toISOString() ?? null,
});

/**
 * The days off staff keep. Declaring, correcting or removing one answers at once: the change is
 * recorded with the day in one transaction, and a workflow per change moves the open deadlines in
 * the background (GET /calendar/changes/{id} follows it). Fixed-date holidays of this year and
 * next are seeded at start; a reconciler starts any change whose workflow did not start.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CalendarService');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly holidays: CalendarHolidaysRepository,
    private readonly changes: CalendarChangesRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private defaultJurisdiction(): string {
    return rulePackInForceAt(this.config.rulePackId, new Date()).jurisdiction;
  }

  private packsOf(jurisdiction: string): RulePack[] {
    const packs = rulePacks.filter((pack) => pack.jurisdiction === jurisdiction);
    if (packs.length === 0) throw new DomainError('invalid-input', `jurisdiction: no rule pack runs in ${jurisdiction}`);
    return packs;
  }

  /** A jurisdiction as staff type it (`krg`, `KRG`), as the packs spell it; the configured pack's by default. */
  private jurisdiction(given?: string): string {
    if (!given) return this.defaultJurisdiction();
    const known = rulePacks.find((pack) => pack.jurisdiction.toLowerCase() === given.toLowerCase());
    if (!known) throw new DomainError('invalid-input', `jurisdiction: no rule pack runs in ${given}`);
    return known.jurisdiction;
  }

  /** What a change to these dates may move: deadlines from the earliest moment any of them starts, in any of the packs' zones. */
  private scope(jurisdiction: string, dates: LocalDate[]): CalendarChangeScope {
    const packs = this.packsOf(jurisdiction);
    const starts = dates.flatMap((date) => [
      Date.parse(`${date}T00:00:00Z`),
      ...packs.map((pack) => fromLocal({ ...parseLocalDate(date), hour: 0, minute: 0, second: 0, millisecond: 0 }, pack.timeZone).getTime()),
    ]);
    return { jurisdiction, rulePackIds: [...new Set(packs.map((pack) => pack.id))], affectsFrom: new Date(Math.min(...starts)) };
  }

  /**
   * The open deadlines a day off would move if declared (`declare`), removed (`removeId`), or
   * corrected to another date (both: the day `removeId` moved to `declare`), computed as the change itself would (each task's rule, pack version and anchor, the days off
   * as they would be): how many, and the first of them by due date. Case numbers only: an admin
   * manages the calendar without reading case files.
   */
  async preview(body: { declare?: LocalDate; removeId?: string; jurisdiction?: string }): Promise<CalendarPreviewView> {
    if (!body.declare && !body.removeId) throw new DomainError('invalid-input', 'give declare (a date), removeId (a day off), or both to move that day off to the date');
    const removed = body.removeId ? await this.found(body.removeId) : null;
    const jurisdiction = this.jurisdiction(body.jurisdiction ?? removed?.jurisdiction);
    if (removed && removed.jurisdiction !== jurisdiction) throw new DomainError('invalid-input', `jurisdiction: the day off ${body.removeId} is in ${removed.jurisdiction}, not ${jurisdiction}`);
    const date = body.declare ?? removed!.date;
    const current = (await this.holidays.list(jurisdiction)).map((day) => day.date);
    const proposed = [...new Set([...current.filter((day) => day !== removed?.date), ...(body.declare ? [body.declare] : [])])];
    const dates = [...new Set([date, ...(removed ? [removed.date] : [])])];
    if (dates.every((each) => current.includes(each) === proposed.includes(each))) return { jurisdiction, date, total: 0, moves: [] };
    const scope = this.scope(jurisdiction, dates);
    const moves: CalendarPreviewMove[] = [];
    let total = 0;
    for (let after: string | null = null, page = await this.changes.openTasksAffected(scope.rulePackIds, scope.affectsFrom, null, PREVIEW_BATCH); page.length; page = await this.changes.openTasksAffected(scope.rulePackIds, scope.affectsFrom, after, PREVIEW_BATCH)) {
      for (const task of page) {
        const pack = rulePackVersion(task.rulePackId, task.rulePackVersion);
        const before = computeDeadline(pack, task.ruleId, task.anchorAt, current).dueAt;
        const afterChange = computeDeadline(pack, task.ruleId, task.anchorAt, proposed).dueAt;
        if (before.getTime() === afterChange.getTime()) continue;
        total++;
        moves.push({ taskId: task.id, type: task.type, formKey: task.formKey, caseNumber: task.caseNumber, dueDate: localDateOf(task.dueAt, pack.timeZone), newDueDate: localDateOf(afterChange, pack.timeZone), timeZone: pack.timeZone });
      }
      after = page[page.length - 1].id;
      if (page.length < PREVIEW_BATCH) break;
    }
    moves.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskId.localeCompare(b.taskId));
    return { jurisdiction, date, total, moves: moves.slice(0, PREVIEW_LIMIT) };
  }

  list(jurisdiction?: string) {
    return this.holidays.list(this.jurisdiction(jurisdiction));
  }

  async change(id: string): Promise<CalendarChangeView> {
    const change = await this.changes.findById(id);
    if (!change) throw new DomainError('not-found', `no calendar change ${id}`);
    return changeView(change);
  }

  async declare(actor: Actor, body: DayOff & { jurisdiction?: string }) {
    const jurisdiction = this.jurisdiction(body.jurisdiction);
    const { day, change } = await this.holidays.declare({ jurisdiction, date: body.date, name: body.name, kind: body.kind }, this.scope(jurisdiction, [body.date]), actor.userId);
    return { day, created: change !== null, change: change && (await this.run(change)) };
  }

  async correct(actor: Actor, id: string, body: Partial<DayOff>) {
    const before = await this.found(id);
    const dates = [before.date, ...(body.date ? [body.date] : [])];
    const { day, change } = await this.holidays.correct(id, body, this.scope(before.jurisdiction, dates), actor.userId);
    return { day, change: change && (await this.run(change)) };
  }

  async remove(actor: Actor, id: string) {
    const before = await this.found(id);
    const { day, change } = await this.holidays.remove(id, this.scope(before.jurisdiction, [before.date]), actor.userId);
    return { day, change: await this.run(change) };
  }

  /** Starts the change's workflow (once: its id is the change's) and answers how to follow it. */
  private async run(change: CalendarChangeRecord): Promise<CalendarChangeView> {
    await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
      this.temporal.workflow.start<typeof calendarChangeWorkflow>('calendarChangeWorkflow', {
        workflowId: calendarChangeWorkflowId(change.id),
        taskQueue: this.config.temporal.taskQueue,
        args: [{ changeId: change.id }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    ).catch((error: Error) => {
      if (error.name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    });
    await this.changes.markStarted(change.id);
    return changeView({ ...change, startedAt: change.startedAt ?? new Date() });
  }

  private async found(id: string) {
    const day = await this.holidays.findById(id);
    if (!day) throw new DomainError('not-found', `no day off ${id}`);
    return day;
  }

  /** Fixed-date holidays of this year and next in each jurisdiction Hearth runs in (tests' packs aside). */
  async seedFixedHolidays(now = new Date()): Promise<void> {
    const jurisdictions = [...new Set(rulePacks.filter((pack) => !pack.testOnly).map((pack) => pack.jurisdiction))];
    for (const jurisdiction of jurisdictions) {
      const year = Number(localDateOf(now, this.packsOf(jurisdiction)[0].timeZone).slice(0, 4));
      const days = [...fixedHolidays(jurisdiction, year), ...fixedHolidays(jurisdiction, year + 1)];
      const { rulePackIds } = this.scope(jurisdiction, [days[0].date]);
      const change = await this.holidays.seed(jurisdiction, days, { jurisdiction, rulePackIds }, (date) => this.scope(jurisdiction, [date]).affectsFrom);
      if (change) await this.run(change);
    }
  }

  /** Starts the work of changes that were recorded but whose workflow was not seen to start. */
  async reconcile(now = new Date()): Promise<number> {
    const waiting = await this.changes.notStarted(new Date(now.getTime() - RECONCILE_AFTER_MS), 50);
    for (const change of waiting) await this.run(change);
    return waiting.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.seedFixedHolidays().catch((error: Error) => this.logger.warn(`seeding the fixed-date holidays failed: ${error.message}`));
    const tick = () => this.reconcile().catch((error: Error) => this.logger.warn(`calendar reconciler failed: ${error.message}`));
    this.timer = setInterval(tick, RECONCILE_AFTER_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
