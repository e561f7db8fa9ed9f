import { Injectable } from '@nestjs/common';
import { ApprovalTerms, DomainError, FormLanguage, localDateOf, packFigures, parseCaseRef, rulePackVersion, TaskRecord } from '@hearth/domain';
import { PlacementsRepository, shortlistOf, TasksRepository } from '@hearth/persistence';
import { validateDeparture, validateTaskForm } from '../forms/form-validator';

/**
 * What a completion must satisfy beyond the workflow's own validator, checked at the edge where
 * PostgreSQL can answer: the form (dates of what happened not after today where the case is), a
 * decision's departure from the recommendation, a proposed household still on the child's
 * shortlist, a visit not before its placement began.
 */
function refuseDate(field: string, message: string): never {
  throw new DomainError('invalid-input', `${field}: ${message}`, { [field]: [message] });
}

@Injectable()
export class CompletionChecks {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly placements: PlacementsRepository,
  ) {}

  async check(task: TaskRecord, outcome: string, data: Record<string, unknown> | undefined, language: FormLanguage): Promise<void> {
    const pack = rulePackVersion(task.rulePackId, task.rulePackVersion);
    const today = localDateOf(new Date(), pack.timeZone);
    validateTaskForm(task.formKey, task.formVersion, outcome, data, language, today);
    switch (task.type) {
      case 'make-decision': {
        const recommendation = await this.tasks.latestCompleted(task.caseRef, 'record-panel-recommendation');
        if (recommendation) validateDeparture({ outcome: recommendation.task.outcome!, terms: recommendation.data?.terms as ApprovalTerms | undefined }, outcome, data, language);
        return;
      }
      case 'propose-match': {
        const childId = parseCaseRef(task.caseRef)!.id;
        const householdId = typeof data?.householdId === 'string' ? data.householdId : undefined;
        const shortlist = householdId && (await shortlistOf(this.placements, childId, packFigures(pack).matching, today, householdId));
        if (!shortlist || shortlist.entries.length === 0) {
          throw new DomainError('conflict', "that household is not on the child's shortlist now: it has no free place, or the child is outside its approval terms");
        }
        return;
      }
      case 'record-visit': {
        // Not before the placement began, nor before the last visit: the next visit counts from this date.
        const placement = await this.placements.find(task.workflowId.slice('placement:'.length));
        const earliest = placement && [placement.startedOn, ...placement.visitDates].sort().at(-1)!;
        if (earliest && typeof data?.visitedOn === 'string' && data.visitedOn < earliest) refuseDate('data.visitedOn', `not before ${earliest}, the placement's start or its last visit`);
        return;
      }
      case 'hold-child-review': {
        // Not before the child became looked after, nor before the last review: the next counts from this date.
        const childId = parseCaseRef(task.caseRef)!.id;
        const earliest = await this.placements.earliestNextReview(childId);
        if (earliest && typeof data?.heldOn === 'string' && data.heldOn < earliest) refuseDate('data.heldOn', `not before ${earliest}, when the child became looked after or the last review was held`);
        return;
      }
    }
  }
}
