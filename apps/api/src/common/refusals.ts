import { DomainError, DomainErrorCode } from '@hearth/domain';
import { AuditTrailRepository } from '@hearth/persistence';

/** The refusals that mean a safeguard held: each leaves an audit row. */
const SAFEGUARD_CODES: readonly DomainErrorCode[] = ['conflict', 'not-permitted', 'separation-of-duties', 'invalid-input', 'invalid-outcome', 'task-closed'];

export interface RefusalTrace {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  caseRef: string | null;
}

/** Runs a staff action; if the case refuses it, records the refusal with its reason and passes it on. */
export async function auditRefusals<T>(audit: AuditTrailRepository, trace: RefusalTrace, act: () => Promise<T>): Promise<T> {
  try {
    return await act();
  } catch (failure) {
    if (failure instanceof DomainError && SAFEGUARD_CODES.includes(failure.code)) await audit.refused({ ...trace, reason: failure.message, code: failure.code });
    throw failure;
  }
}
