import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError, localDateOf, rulePackInForce } from '@hearth/domain';
import { HouseholdsRepository, TasksRepository } from '@hearth/persistence';
import { HEARTH_CASE_TYPE } from '@hearth/temporal';
import { Client } from '@temporalio/client';
import { HOUSEHOLD_CASE_TYPE, householdCaseRef, householdWorkflowId, HouseholdWorkflowInput } from '@hearth/workflows/contracts/household.contract';
import type { householdWorkflow } from '@hearth/workflows/household.workflow';
import { randomUUID } from 'node:crypto';
import { translateTemporalError } from '../common/temporal-errors';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { TaskView } from '../tasks/task.view';
import { RecordEnquiryDto } from './dto/record-enquiry.dto';
import { HouseholdView } from './household.view';

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly tasks: TasksRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Records the enquiry in PostgreSQL and starts the household's workflow with ids only. */
  async recordEnquiry(actor: Actor, body: RecordEnquiryDto, idempotencyKey: string | null): Promise<{ view: HouseholdView; created: boolean }> {
    const now = new Date();
    const pack = rulePackInForce(this.config.rulePackId, localDateOf(now, 'UTC'));
    const id = randomUUID();
    const input: HouseholdWorkflowInput = { householdId: id, rulePackId: pack.id, rulePackVersion: pack.version };
    const { household, created } = await this.households.createEnquiry(
      {
        id,
        rulePackId: pack.id,
        primaryContactName: body.primaryContactName,
        phone: body.phone ?? null,
        email: body.email ?? null,
        area: body.area ?? null,
        preferredLanguage: body.preferredLanguage,
        enquirySource: body.enquirySource ?? null,
        notes: body.notes ?? null,
        idempotencyKey,
        createdBy: actor.userId,
      },
      householdCaseRef(id),
      async () => {
        try {
          await this.temporal.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, () =>
            this.temporal.workflow.start<typeof householdWorkflow>('householdWorkflow', {
              workflowId: householdWorkflowId(id),
              taskQueue: this.config.temporal.taskQueue,
              args: [input],
              typedSearchAttributes: [{ key: HEARTH_CASE_TYPE, value: HOUSEHOLD_CASE_TYPE }],
            }),
          );
        } catch (error) {
          throw translateTemporalError(error);
        }
      },
    );
    return { view: await this.view(household.id), created };
  }

  async view(id: string): Promise<HouseholdView> {
    const household = await this.households.findById(id);
    if (!household) throw new DomainError('not-found', `no household ${id}`);
    const caseRef = householdCaseRef(id);
    const now = new Date();
    const [tasks, timeline] = await Promise.all([
      this.tasks.list({ caseRef, limit: 100 }),
      this.households.timeline(caseRef),
    ]);
    return HouseholdView.of(household, caseRef, tasks.map((task) => TaskView.of(task, now)), timeline);
  }
}
