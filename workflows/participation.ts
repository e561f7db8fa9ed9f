import { CaseParticipation } from '@hearth/domain';

/** The record of who did what on a case, kept by the kit as it happens and read by separation of duties. */
export class Participation {
  private readonly record: { completedBy: Record<string, string[]>; supervisingCaseworkerIds: string[]; panelChairIds: string[]; panelMemberIds: string[] };

  constructor(from: Partial<CaseParticipation> = {}) {
    this.record = {
      completedBy: Object.fromEntries(Object.entries(from.completedBy ?? {}).map(([type, ids]) => [type, [...ids]])),
      supervisingCaseworkerIds: [...(from.supervisingCaseworkerIds ?? [])],
      panelChairIds: [...(from.panelChairIds ?? [])],
      panelMemberIds: [...(from.panelMemberIds ?? [])],
    };
  }

  completed(taskType: string, actorId: string): void {
    (this.record.completedBy[taskType] ??= []).push(actorId);
  }

  supervises(caseworkerId: string): void {
    if (!this.record.supervisingCaseworkerIds.includes(caseworkerId)) this.record.supervisingCaseworkerIds.push(caseworkerId);
  }

  satOnPanel(chairId: string, memberIds: readonly string[]): void {
    if (!this.record.panelChairIds.includes(chairId)) this.record.panelChairIds.push(chairId);
    for (const id of memberIds) if (!this.record.panelMemberIds.includes(id)) this.record.panelMemberIds.push(id);
  }

  /** Task type -> who completed it: the form older runs carried across continue-as-new. */
  get completedBy(): Record<string, string[]> {
    return this.record.completedBy;
  }

  /** A copy, for a guard to read or a new run to carry. */
  snapshot(): CaseParticipation {
    return new Participation(this.record).record;
  }
}
