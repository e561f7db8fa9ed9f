import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError, parseCaseRef } from '@hearth/domain';
import { AuditTrailRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { caseUpdateId, retryStepUpdate } from '@hearth/workflows/contracts/case.contract';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CasesService {
  constructor(
    private readonly audit: AuditTrailRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Sends the case's workflow the retry; the workflow refuses a step that is not waiting (409). */
  async retry(actor: Actor, ref: string, step: string, idempotencyKey: string): Promise<{ caseRef: string; step: string; retried: true }> {
    const parsed = parseCaseRef(ref);
    if (!parsed || !UUID.test(parsed.id)) throw new DomainError('invalid-input', `ref: ${ref.slice(0, 80)} is not a case reference such as household:{id}`);
    const trace = { actorId: actor.userId, action: 'case.step-retry-refused', entityType: 'case', entityId: ref, caseRef: ref };
    await auditRefusals(this.audit, trace, async () => {
      try {
        await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
          this.temporal.workflow.getHandle(ref).executeUpdate(retryStepUpdate, {
            args: [{ step, actor: { userId: actor.userId, roles: actor.roles } }],
            updateId: caseUpdateId('retry-step', `${parsed.kind}:${parsed.id}`, idempotencyKey),
          }),
        );
      } catch (failure) {
        if (failure instanceof DomainError && failure.code === 'task-closed') throw new DomainError('not-found', `no running case ${ref}`);
        throw failure;
      }
    });
    await this.audit.record({ actorId: actor.userId, action: 'case.step-retried', entityType: 'case', entityId: ref, caseRef: ref, after: { step } });
    return { caseRef: ref, step, retried: true };
  }
}
