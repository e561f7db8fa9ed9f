import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError, fromLocal, parseLocalDate, rulePackInForceAt, rulePacks } from '@hearth/domain';
import { CalendarHolidaysRepository, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { deadlinesChangedSignal } from '@hearth/workflows/contracts/human-task.contract';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';

@Injectable()
export class CalendarService {
  constructor(
    private readonly holidays: CalendarHolidaysRepository,
    private readonly tasks: TasksRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private defaultJurisdiction(): string {
    return rulePackInForceAt(this.config.rulePackId, new Date()).jurisdiction;
  }

  list(jurisdiction?: string) {
    return this.holidays.list(jurisdiction ?? this.defaultJurisdiction());
  }

  /**
   * Declares a day off, then tells the workflow of every open task whose deadline it may move
   * (due on or after the day, or counted back from an event on or after it) to recompute. Declaring
   * the same day again repeats the signals, so a retry after a 503 finishes the job.
   */
  async declare(actor: Actor, body: { date: string; name: string; kind?: string; jurisdiction?: string }) {
    const jurisdiction = body.jurisdiction ?? this.defaultJurisdiction();
    const packs = rulePacks.filter((pack) => pack.jurisdiction === jurisdiction);
    if (packs.length === 0) throw new DomainError('invalid-input', `no rule pack runs in jurisdiction ${jurisdiction}`);
    const created = await this.holidays.declare({ jurisdiction, date: body.date, name: body.name, kind: body.kind ?? 'closure' }, actor.userId);
    // The earliest instant the day can start anywhere these packs apply.
    const dayStarts = packs.map((pack) => fromLocal({ ...parseLocalDate(body.date), hour: 0, minute: 0, second: 0, millisecond: 0 }, pack.timeZone));
    const from = new Date(Math.min(...dayStarts.map((d) => d.getTime()), Date.parse(`${body.date}T00:00:00Z`)));
    const affected = await this.tasks.openAffectedFrom(packs.map((pack) => pack.id), from);
    const workflowIds = [...new Set(affected.map((task) => task.workflowId))];
    for (const workflowId of workflowIds) {
      try {
        await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () => this.temporal.workflow.getHandle(workflowId).signal(deadlinesChangedSignal));
      } catch (failure) {
        // A case that has just ended has no deadlines left to move.
        if (!(failure instanceof DomainError && failure.code === 'task-closed')) throw failure;
      }
    }
    return { jurisdiction, date: body.date, name: body.name, created, openTasksAffected: affected.length, casesNotified: workflowIds.length };
  }
}
