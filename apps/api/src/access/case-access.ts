import { Injectable } from '@nestjs/common';
import { DomainError, refusalForUnseenCase, StaffMember } from '@hearth/domain';
import { CaseFileRecord, CaseFilesRepository, PersonalDataReadsRepository } from '@hearth/persistence';

/** Need to know (DOMAIN.md, who sees what), and the log of every read of a case's personal data. */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly caseFiles: CaseFilesRepository,
    private readonly reads: PersonalDataReadsRepository,
  ) {}

  /**
   * Refuses a case this person may not see: 404 to team staff of another team, 403 to agency-wide
   * roles. `notFound`: the 404's words when the caller asked for something in the case (a task), so
   * the answer names only what they asked for, never the case behind it.
   */
  async assertMaySee(actor: StaffMember, caseRef: string, notFound = `no case ${caseRef}`): Promise<void> {
    const access = await this.caseFiles.access(actor, caseRef);
    if (!access.exists) throw new DomainError('not-found', notFound);
    if (access.visible) return;
    const code = refusalForUnseenCase(actor.roles);
    throw new DomainError(code, code === 'not-found' ? notFound : 'you have no part in this case (need to know)');
  }

  /** The case's file (number, name, team, supervising worker). */
  async caseFile(caseRef: string): Promise<CaseFileRecord> {
    const file = await this.caseFiles.find(caseRef);
    if (!file) throw new DomainError('not-found', `no case ${caseRef}`);
    return file;
  }

  /** Records that this person was shown these fields of these cases. */
  async logRead(actor: StaffMember, caseRefs: readonly string[], fields: readonly string[], route: string): Promise<void> {
    await this.reads.record(actor.userId, caseRefs, fields, route);
  }
}
