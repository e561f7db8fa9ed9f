import { Inject, Injectable } from '@nestjs/common';
import { Actor, caseRef, DomainError, FINAL_HOUSEHOLD_STAGES, rulePackInForceAt } from '@hearth/domain';
import { AlertsRepository, AuditTrailRepository, HouseholdMembersRepository, HouseholdsRepository, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { caseUpdateId, closeCaseUpdate } from '@hearth/workflows/contracts/case.contract';
import { adultJoinedUpdate, HouseholdExit } from '@hearth/workflows/contracts/household.contract';
import { randomUUID } from 'node:crypto';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { taskViews } from '../tasks/task.view';
import { AddHouseholdMemberDto } from './dto/household-member.dto';
import { RecordEnquiryDto } from './dto/record-enquiry.dto';
import { HouseholdWorkflows } from './household-workflows';
import { decisionView, HouseholdView, memberView } from './household.view';

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly members: HouseholdMembersRepository,
    private readonly tasks: TasksRepository,
    private readonly alerts: AlertsRepository,
    private readonly audit: AuditTrailRepository,
    private readonly workflows: HouseholdWorkflows,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Records the enquiry in PostgreSQL, commits, then starts the household's workflow with ids only
   * (a retry with the same key finds the household and makes sure its workflow runs).
   */
  async recordEnquiry(actor: Actor, body: RecordEnquiryDto, idempotencyKey: string | null): Promise<{ view: HouseholdView; created: boolean }> {
    const pack = rulePackInForceAt(this.config.rulePackId, new Date());
    const id = randomUUID();
    const { household, created } = await this.households.createEnquiry(
      {
        id,
        rulePackId: pack.id,
        rulePackVersion: pack.version,
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
      caseRef('household', id),
    );
    await this.workflows.start(household);
    return { view: await this.view(household.id), created };
  }

  async view(id: string): Promise<HouseholdView> {
    const household = await this.found(id);
    const ref = caseRef('household', id);
    const now = new Date();
    const [tasks, members, timeline, recommendation, decision] = await Promise.all([
      this.tasks.list({ caseRef: ref, limit: 100 }),
      this.members.list(id),
      this.households.timeline(ref),
      this.tasks.latestCompleted(ref, 'record-panel-recommendation'),
      this.tasks.latestCompleted(ref, 'make-decision'),
    ]);
    return HouseholdView.of(household, ref, await taskViews(tasks, this.members, now), members, timeline, {
      recommendation: recommendation && decisionView(recommendation),
      decision: decision && decisionView(decision),
    });
  }

  async listMembers(householdId: string) {
    await this.found(householdId);
    return (await this.members.list(householdId)).map(memberView);
  }

  /**
   * Records a member of the household. Before the decision, an adult gets a background check
   * whatever the stage (the signal is sent on every retry too: the workflow opens one check per
   * adult whatever it hears). An adult joining an approved household raises an alert for the team
   * managers; a case that has ended takes no new members.
   */
  async addMember(actor: Actor, householdId: string, body: AddHouseholdMemberDto, idempotencyKey: string | null) {
    const household = await this.found(householdId);
    const ref = caseRef('household', householdId);
    await auditRefusals(this.audit, { actorId: actor.userId, action: 'household.member-refused', entityType: 'household', entityId: householdId, caseRef: ref }, async () => {
      if (household.stage !== 'approved' && FINAL_HOUSEHOLD_STAGES.includes(household.stage)) {
        throw new DomainError('conflict', `the case has ended (${household.stage}); it takes no new members`);
      }
    });
    const { member, created } = await this.members.add(
      { householdId, kind: body.kind, fullName: body.fullName, dateOfBirth: body.dateOfBirth ?? null, relationship: body.relationship, createdBy: actor.userId, idempotencyKey },
      ref,
    );
    if (member.kind !== 'adult') return { member, created };
    // Before the decision the workflow checks the adult; it says when the decision was already made.
    const afterDecision = household.stage === 'approved' || (await this.tellWorkflowAdultJoined(ref, member.id));
    if (afterDecision) {
      await this.alerts.raiseForCase({
        kind: 'household-changed',
        severity: 'warning',
        dedupeKey: `household-changed:${ref}:member:${member.id}`,
        caseRef: ref,
        about: 'adult-joined',
        recipientRole: 'team-manager',
        recipientId: null,
        raisedAt: new Date(),
      });
    }
    return { member, created };
  }

  /** Whether the case had already been decided when the adult joined (retries send the same member: one check). */
  private async tellWorkflowAdultJoined(ref: string, memberId: string): Promise<boolean> {
    try {
      const answer = await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
        this.temporal.workflow.getHandle(ref).executeUpdate(adultJoinedUpdate, { args: [{ memberId }], updateId: `adult-joined:${ref}:${memberId}` }),
      );
      return answer.afterDecision;
    } catch (failure) {
      // A case whose workflow has ended (refused, withdrawn) needs no check and no review.
      if (failure instanceof DomainError && failure.code === 'task-closed') return false;
      throw failure;
    }
  }

  /**
   * The applicant of a case that stopped at `awaiting-application` (rule pack krg v1) applies: the
   * case goes on to the application on the pack in force, with the caseworker who responded.
   */
  async apply(actor: Actor, householdId: string, idempotencyKey: string): Promise<HouseholdView> {
    const household = await this.found(householdId);
    const ref = caseRef('household', householdId);
    const applied = { actorId: actor.userId, action: 'household.application-resumed', entityType: 'household', entityId: householdId, caseRef: ref };
    if (await this.audit.exists({ ...applied, key: idempotencyKey })) return this.view(householdId); // a retry of this request
    await auditRefusals(this.audit, { actorId: actor.userId, action: 'household.application-refused', entityType: 'household', entityId: householdId, caseRef: ref }, async () => {
      if (household.stage !== 'awaiting-application') throw new DomainError('conflict', `the case is not waiting for an application (${household.stage})`);
      const response = await this.tasks.latestCompleted(ref, 'respond-to-enquiry');
      await this.workflows.startApplication(household, response?.task.completedBy ?? null);
    });
    await this.audit.record({ ...applied, after: { idempotencyKey } });
    return this.view(householdId);
  }

  /** The applicant withdraws, or the agency ends the assessment: the workflow cancels every open task. */
  async closeCase(actor: Actor, householdId: string, exit: HouseholdExit, reason: string, idempotencyKey: string): Promise<HouseholdView> {
    const household = await this.found(householdId);
    const ref = caseRef('household', householdId);
    if (household.stage === exit) {
      // A retry (same key) of a close that went through, perhaps after a 503: the same answer.
      const standing = await this.households.recordExitReason(householdId, exit, reason, actor.userId, ref, idempotencyKey);
      if (standing === idempotencyKey) return this.view(householdId);
    }
    await auditRefusals(this.audit, { actorId: actor.userId, action: `household.${exit}-refused`, entityType: 'household', entityId: householdId, caseRef: ref }, async () => {
      if (household.stage === 'approved') throw new DomainError('conflict', 'the decision has been made: an approved household leaves by resignation');
      if (FINAL_HOUSEHOLD_STAGES.includes(household.stage)) throw new DomainError('conflict', `the case has already ended (${household.stage})`);
      try {
        await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
          this.temporal.workflow.getHandle(ref).executeUpdate(closeCaseUpdate, {
            args: [{ exit, actor: { userId: actor.userId, roles: actor.roles } }],
            updateId: caseUpdateId('close-case', ref, idempotencyKey),
          }),
        );
      } catch (failure) {
        if (failure instanceof DomainError && failure.code === 'task-closed') throw new DomainError('conflict', `the case has already ended (${household.stage})`);
        throw failure;
      }
    });
    await this.households.recordExitReason(householdId, exit, reason, actor.userId, ref, idempotencyKey);
    return this.view(householdId);
  }

  private async found(id: string) {
    const household = await this.households.findById(id);
    if (!household) throw new DomainError('not-found', `no household ${id}`);
    return household;
  }
}
