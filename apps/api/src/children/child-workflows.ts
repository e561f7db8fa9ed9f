import { Inject, Injectable, Logger } from '@nestjs/common';
import { caseRef } from '@hearth/domain';
import { ChildRecord, ChildrenRepository, CaseFilesRepository } from '@hearth/persistence';
import { HEARTH_CASE_TYPE } from '@hearth/temporal';
import { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { childWorkflow } from '@hearth/workflows/child.workflow';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { WorkflowReconciler } from '../common/workflow-reconciler';

export const CHILD_CASE_TYPE = 'child';

/**
 * Starts children's workflows after their rows are committed: the workflow id is the case
 * reference and a running one is reused, so a retried request or the reconciler never makes a
 * second.
 */
@Injectable()
export class ChildWorkflows extends WorkflowReconciler<ChildRecord> {
  protected readonly logger = new Logger('ChildWorkflows');

  constructor(
    private readonly children: ChildrenRepository,
    private readonly caseFiles: CaseFilesRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    super();
  }

  async start(child: ChildRecord): Promise<void> {
    const ref = caseRef('child', child.id);
    const file = await this.caseFiles.find(ref);
    try {
      await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
        this.temporal.workflow.start<typeof childWorkflow>('childWorkflow', {
          workflowId: ref,
          taskQueue: this.config.temporal.taskQueue,
          args: [{ childId: child.id, rulePackId: child.rulePackId, rulePackVersion: child.rulePackVersion, lookedAfterOn: child.lookedAfterOn, caseworkerId: file?.supervisingWorkerId ?? null }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [{ key: HEARTH_CASE_TYPE, value: CHILD_CASE_TYPE }],
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.children.markWorkflowStarted(child.id);
  }

  protected waiting(before: Date): Promise<ChildRecord[]> {
    return this.children.withoutWorkflow(before, 100);
  }
}
