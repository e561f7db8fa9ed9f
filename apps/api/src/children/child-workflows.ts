import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { caseRef } from '@hearth/domain';
import { ChildRecord, ChildrenRepository, CaseFilesRepository } from '@hearth/persistence';
import { HEARTH_CASE_TYPE } from '@hearth/temporal';
import { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { childWorkflow } from '@hearth/workflows/child.workflow';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';

/** How long a child's case may wait for its workflow before the reconciler starts it. */
const RECONCILE_AFTER_MS = 60_000;
export const CHILD_CASE_TYPE = 'child';

/**
 * Starts children's workflows after their rows are committed: the workflow id is the case
 * reference and a running one is reused, so a retried request or the reconciler never makes a
 * second; every minute the reconciler starts any child whose workflow was not seen to start.
 */
@Injectable()
export class ChildWorkflows implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('ChildWorkflows');

  constructor(
    private readonly children: ChildrenRepository,
    private readonly caseFiles: CaseFilesRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async start(child: ChildRecord & { workflowStartedAt?: Date | null }): Promise<void> {
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

  async reconcile(now = new Date()): Promise<number> {
    const waiting = await this.children.withoutWorkflow(new Date(now.getTime() - RECONCILE_AFTER_MS), 100);
    for (const child of waiting) await this.start(child);
    if (waiting.length > 0) this.logger.warn(`started ${waiting.length} child workflow(s) that had not started`);
    return waiting.length;
  }

  onApplicationBootstrap(): void {
    const tick = () => this.reconcile().catch((error: Error) => this.logger.warn(`child reconciler failed: ${error.message}`));
    this.timer = setInterval(tick, RECONCILE_AFTER_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
