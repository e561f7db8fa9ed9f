import { STAGE_ONE_CHECKS } from '../households/carer-approval.tasks';
import { CaseParticipation, completedAny, isAssessor, isSupervisingCaseworker, satOnPanel } from './participation';

/** How this member of staff took part in the case, in words, or null if they did not. */
export function partTaken(participation: CaseParticipation, actorId: string): string | null {
  if (participation.panelChairIds?.includes(actorId)) return 'chaired the panel on this case';
  if (satOnPanel(participation, actorId)) return 'sat on the panel for this case';
  if (isAssessor(participation, actorId)) return 'assessed this household';
  if (isSupervisingCaseworker(participation, actorId)) return "is this household's supervising caseworker";
  if (completedAny(participation, actorId, STAGE_ONE_CHECKS)) return 'carried out a stage 1 check on this case';
  return null;
}

/**
 * The reason this member of staff may not complete this task on this case, or null. The rules of
 * the domain (DOMAIN.md, separation of duties): no one approves their own work; the decision maker
 * is nobody who took part in the case; the assessor does not record the panel's recommendation.
 */
export function separationOfDutiesBreach(actorId: string, taskType: string, participation: CaseParticipation, who: 'you' | 'they' = 'you'): string | null {
  switch (taskType) {
    case 'make-decision': {
      const part = partTaken(participation, actorId);
      return part ? `the decision maker must be nobody who took part in the case: ${who} ${part}` : null;
    }
    case 'record-panel-recommendation':
      return isAssessor(participation, actorId) ? "the assessor may not record the panel's recommendation" : null;
    case 'decide-stage-2':
      return completedAny(participation, actorId, STAGE_ONE_CHECKS) ? `no one approves their own work: ${who} carried out a stage 1 check on this case` : null;
    default:
      return null;
  }
}

/** Why this member of staff may not supervise the case (they judged it on the panel or decided it), or null. */
export function supervisionBreach(workerId: string, participation: CaseParticipation): string | null {
  if (participation.panelChairIds?.includes(workerId) || satOnPanel(participation, workerId)) return 'they sat on the panel for this case: a panel member never supervises it';
  if (participation.completedBy['make-decision']?.includes(workerId)) return 'they made the decision on this case';
  return null;
}

/** Why these staff may not sit on this case's panel (its assessor or supervising caseworker), or null. */
export function panelMembershipBreach(sittingIds: readonly string[], participation: CaseParticipation): string | null {
  for (const id of sittingIds) {
    if (isAssessor(participation, id)) return `panel member ${id} assessed this household`;
    if (isSupervisingCaseworker(participation, id)) return `panel member ${id} is this household's supervising caseworker`;
  }
  return null;
}
