/**
 * Who has done what on a case so far: the facts separation of duties is judged on. Ids only (it
 * travels in workflow history and across continue-as-new).
 */
export interface CaseParticipation {
  /** Task type -> the staff who completed tasks of that type on this case. */
  completedBy: Readonly<Record<string, readonly string[]>>;
  /** The supervising caseworker(s) the case has had. */
  supervisingCaseworkerIds?: readonly string[];
  /** Everyone who chaired a panel sitting on this case. */
  panelChairIds?: readonly string[];
  /** Everyone who sat on a panel for this case as a member (chairs included, for older records). */
  panelMemberIds: readonly string[];
}

/** The tasks whose completion makes someone the case's assessor. */
export const ASSESSMENT_TASKS = ['assessment-visits', 'assessment-report'] as const;

export function completedAny(participation: CaseParticipation, actorId: string, types: readonly string[]): boolean {
  return types.some((type) => participation.completedBy[type]?.includes(actorId));
}

export const isAssessor = (participation: CaseParticipation, actorId: string) => completedAny(participation, actorId, ASSESSMENT_TASKS);

export const isSupervisingCaseworker = (participation: CaseParticipation, actorId: string) =>
  participation.supervisingCaseworkerIds?.includes(actorId) ?? false;

export const satOnPanel = (participation: CaseParticipation, actorId: string) =>
  participation.panelMemberIds.includes(actorId) || (participation.panelChairIds?.includes(actorId) ?? false);
