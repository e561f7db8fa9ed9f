import { STAGE_ONE_CHECKS } from './task-catalogue';

/** Who has done what on a case so far: the facts separation of duties is judged on. */
export interface CaseParticipation {
  /** Members and chair of the panel that is considering (or recommended on) the case. */
  panelMemberIds: readonly string[];
  /** Task type -> the staff who completed tasks of that type on this case. */
  completedBy: Readonly<Record<string, readonly string[]>>;
}

const did = (participation: CaseParticipation, actorId: string, ...types: string[]) =>
  types.some((type) => participation.completedBy[type]?.includes(actorId));

/**
 * The reason this member of staff may not complete this task on this case, or null. The rules of
 * the domain: no one approves their own work; the assessor does not decide or chair the
 * recommendation; the decision maker did not sit on the panel that recommended.
 */
export function separationOfDutiesBreach(actorId: string, taskType: string, participation: CaseParticipation): string | null {
  switch (taskType) {
    case 'make-decision':
      if (participation.panelMemberIds.includes(actorId)) return 'the decision maker may not be a member of the panel that recommended';
      if (did(participation, actorId, 'assessment-visits', 'assessment-report')) return 'the assessor may not make the decision';
      return null;
    case 'record-panel-recommendation':
      if (did(participation, actorId, 'assessment-visits', 'assessment-report')) return "the assessor may not record the panel's recommendation";
      return null;
    case 'decide-stage-2':
      if (did(participation, actorId, ...STAGE_ONE_CHECKS)) return 'no one approves their own work: you carried out a stage 1 check on this case';
      return null;
    default:
      return null;
  }
}
