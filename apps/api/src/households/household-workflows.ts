import { Inject, Injectable, Logger } from '@nestjs/common';
import { caseRef, DomainError, rulePackInForceAt } from '@hearth/domain';
import { HouseholdRecord, HouseholdsRepository } from '@hearth/persistence';
import { HEARTH_CASE_TYPE } from '@hearth/temporal';
import { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { HOUSEHOLD_CASE_TYPE, HouseholdWorkflowInput } from '@hearth/workflows/contracts/household.contract';
import type { householdWorkflow } from '@hearth/workflows/household.workflow';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { WorkflowReconciler } from '../common/workflow-reconciler';

/**
 * Starts households' workflows after their rows are committed. The workflow id is the case
 * reference and a running one is reused, so a repeated start (a retried request, the reconciler)
 * never makes a second workflow; every minute the reconciler starts any household whose workflow
 * was not seen to start (the API stopped between the commit and the start).
 */
@Injectable()
export class HouseholdWorkflows extends WorkflowReconciler<HouseholdRecord> {
  protected readonly logger = new Logger('HouseholdWorkflows');

  constructor(
    private readonly households: HouseholdsRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    super();
  }

  async start(household: HouseholdRecord): Promise<void> {
    if (household.workflowStartedAt) return;
    const version = household.rulePackVersion ?? rulePackInForceAt(household.rulePackId, household.createdAt).version;
    try {
      // A running workflow is reused: a repeated start never makes a second one.
      await this.run({ householdId: household.id, rulePackId: household.rulePackId, rulePackVersion: version }, 'USE_EXISTING', 'REJECT_DUPLICATE');
    } catch (error) {
      // It ran and has already ended: started, then.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.households.markWorkflowStarted(household.id);
  }

  /**
   * A case that stopped at `awaiting-application` (krg v1) goes on: a new run of its workflow
   * starts at the application, on the rule pack version in force now. Refused (409) while a run
   * is still going.
   */
  async startApplication(household: Pick<HouseholdRecord, 'id' | 'rulePackId'>, caseworkerId: string | null): Promise<void> {
    const pack = rulePackInForceAt(household.rulePackId, new Date());
    try {
      await this.run({ householdId: household.id, rulePackId: pack.id, rulePackVersion: pack.version, application: { caseworkerId } }, 'FAIL', 'ALLOW_DUPLICATE');
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('conflict', 'the case is already running');
      throw error;
    }
    await this.households.setRulePackVersion(household.id, pack.version);
  }

  private run(input: HouseholdWorkflowInput, conflict: 'USE_EXISTING' | 'FAIL', reuse: 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE') {
    return sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
      this.temporal.workflow.start<typeof householdWorkflow>('householdWorkflow', {
        workflowId: caseRef('household', input.householdId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: conflict,
        workflowIdReusePolicy: reuse,
        typedSearchAttributes: [{ key: HEARTH_CASE_TYPE, value: HOUSEHOLD_CASE_TYPE }],
      }),
    );
  }

  protected waiting(before: Date): Promise<HouseholdRecord[]> {
    return this.households.withoutWorkflow(before, 100);
  }
}
