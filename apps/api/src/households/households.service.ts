import { Inject, Injectable } from '@nestjs/common';
import { caseRef, DomainError, FINAL_HOUSEHOLD_STAGES, localDateOf, rulePackInForceAt, searchableName, STAGE_ONE_CHECKS, StaffMember } from '@hearth/domain';
import { AlertsRepository, AuditTrailRepository, HouseholdBackground, HouseholdMembersRepository, HouseholdsRepository, PlacementsRepository, StaffUsersRepository, TaskSubmissionsRepository, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { caseUpdateId, closeCaseUpdate } from '@hearth/workflows/contracts/case.contract';
import { adultJoinedUpdate, HouseholdExit, supervisingWorkerUpdate, supervisingWorkerUpdateId } from '@hearth/workflows/contracts/household.contract';
import { randomUUID } from 'node:crypto';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { CaseAccess } from '../access/case-access';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { TaskViews } from '../tasks/task.view';
import { HouseholdPage, SearchHouseholdsQuery } from './dto/search-households.query';
import { AddHouseholdMemberDto } from './dto/household-member.dto';
import { RecordEnquiryDto } from './dto/record-enquiry.dto';
import { HouseholdWorkflows } from './household-workflows';
import { checkView, decisionView, exitView, HouseholdView, memberView } from './household.view';

/** The personal data a household's page shows, as the read log names it. */
const HOUSEHOLD_FIELDS = ['primaryContactName', 'phone', 'email', 'area', 'notes', 'members', 'decisions', 'background', 'placements'];

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly members: HouseholdMembersRepository,
    private readonly tasks: TasksRepository,
    private readonly alerts: AlertsRepository,
    private readonly audit: AuditTrailRepository,
    private readonly workflows: HouseholdWorkflows,
    private readonly access: CaseAccess,
    private readonly taskViews: TaskViews,
    private readonly users: StaffUsersRepository,
    private readonly submissions: TaskSubmissionsRepository,
    private readonly placements: PlacementsRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Records the enquiry in PostgreSQL, commits, then starts the household's workflow with ids only
   * (a retry with the same key finds the household and makes sure its workflow runs).
   */
  async recordEnquiry(actor: StaffMember, body: RecordEnquiryDto, idempotencyKey: string | null): Promise<{ view: HouseholdView; created: boolean }> {
    // A case belongs to a team (need to know, work lists): staff outside any team cannot open one.
    if (!actor.teamId) throw new DomainError('not-permitted', 'you are not in a team: ask an admin to put you in one before recording an enquiry');
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
      actor.teamId,
    );
    await this.workflows.start(household);
    return { view: await this.view(actor, household.id), created };
  }

  /** Households this person may see, found by name, number, stage, team, worker or area. */
  async search(actor: StaffMember, query: SearchHouseholdsQuery): Promise<HouseholdPage> {
    const limit = query.limit ?? 20;
    if (query.name !== undefined && searchableName(query.name) === '') throw new DomainError('invalid-input', 'name: give at least one letter or digit of the name');
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.households.search(actor, {
      name: query.name,
      caseNumber: query.caseNumber?.toUpperCase(),
      stage: query.stage,
      teamId: query.teamId,
      supervisingWorkerId: query.supervisingWorkerId,
      area: query.area,
      after: after && { displayName: after[0], caseRef: after[1] },
      limit: limit + 1,
    });
    const page = keysetPage(rows, limit, (last) => [last.displayName, last.caseRef]);
    await this.access.logRead(actor, page.items.map((row) => row.caseRef), ['displayName', 'area'], 'GET /households');
    return {
      items: page.items.map(({ rulePackId, ...row }) => {
        const { timeZone } = rulePackInForceAt(rulePackId, row.openedAt);
        return { ...row, openedAt: row.openedAt.toISOString(), openedDate: localDateOf(row.openedAt, timeZone), timeZone };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** A team manager names the supervising worker; the case's caseworker tasks follow them. */
  async changeSupervisingWorker(actor: StaffMember, householdId: string, workerId: string, idempotencyKey: string): Promise<HouseholdView> {
    await this.visible(actor, householdId);
    const ref = caseRef('household', householdId);
    const file = await this.access.caseFile(ref);
    if (!actor.teamId || file.teamId !== actor.teamId) throw new DomainError('not-permitted', "a team manager changes the supervising worker of their own team's cases");
    const worker = await this.users.findById(workerId);
    if (!worker || !worker.active || !worker.roles.includes('caseworker')) throw new DomainError('invalid-input', 'workerId is not an active caseworker');
    if (worker.teamId !== file.teamId) throw new DomainError('not-permitted', `${worker.displayName} is not in the case's team`);
    await auditRefusals(this.audit, { actorId: actor.userId, action: 'case.supervising-worker-refused', entityType: 'household', entityId: householdId, caseRef: ref }, () =>
      sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
        this.temporal.workflow.getHandle(ref).executeUpdate(supervisingWorkerUpdate, {
          args: [{ workerId, actor: { userId: actor.userId, roles: actor.roles } }],
          updateId: supervisingWorkerUpdateId(idempotencyKey),
        }),
      ),
    );
    return this.view(actor, householdId);
  }

  async view(actor: StaffMember, id: string): Promise<HouseholdView> {
    const household = await this.visible(actor, id);
    const ref = caseRef('household', id);
    const now = new Date();
    const [file, tasks, members, timeline, recommendation, decision, placements] = await Promise.all([
      this.access.caseFile(ref),
      this.tasks.list({ caseRef: ref, limit: 100 }),
      this.members.list(id),
      this.audit.timeline(ref),
      this.tasks.latestCompleted(ref, 'record-panel-recommendation'),
      this.tasks.latestCompleted(ref, 'make-decision'),
      this.placements.currentInHousehold(id),
    ]);
    const checks = new Map(tasks.filter((task) => task.status === 'completed' && (STAGE_ONE_CHECKS as readonly string[]).includes(task.type)).map((task) => [task.id, task.submissionId]));
    const endedAtStageTwo = tasks.find((task) => task.type === 'decide-stage-2' && task.outcome === 'end-assessment');
    const [forms, names, taskViews] = await Promise.all([
      this.submissions.dataOf([...checks.values(), endedAtStageTwo?.submissionId ?? null]),
      this.users.namesOf([...tasks.map((task) => task.completedBy), ...timeline.map((entry) => entry.actorId)]),
      this.taskViews.of(tasks, now),
    ]);
    await this.access.logRead(actor, [ref], HOUSEHOLD_FIELDS, 'GET /households/:id');
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return HouseholdView.of(household, file, taskViews, members, timeline, {
      recommendation: recommendation && decisionView(recommendation, name),
      decision: decision && decisionView(decision, name),
      checks: taskViews.filter((view) => checks.has(view.id)).map((view) => checkView(view, forms.get(checks.get(view.id) ?? '') ?? null)),
      exit: exitView(timeline, name, endedAtStageTwo && { ...endedAtStageTwo, data: forms.get(endedAtStageTwo.submissionId ?? '') ?? null }),
    }, name, placements);
  }

  /** Where the household lives and the carers' background, as matching weighs them. */
  async recordBackground(actor: StaffMember, householdId: string, background: HouseholdBackground): Promise<HouseholdView> {
    await this.visible(actor, householdId);
    await this.households.setBackground(householdId, background, actor.userId);
    return this.view(actor, householdId);
  }

  async listMembers(actor: StaffMember, householdId: string) {
    await this.visible(actor, householdId);
    await this.access.logRead(actor, [caseRef('household', householdId)], ['members'], 'GET /households/:id/members');
    return (await this.members.list(householdId)).map(memberView);
  }

  /**
   * Records a member of the household. Before the decision, an adult gets a background check
   * whatever the stage (the signal is sent on every retry too: the workflow opens one check per
   * adult whatever it hears). An adult joining an approved household raises an alert for the team
   * managers; a case that has ended takes no new members.
   */
  async addMember(actor: StaffMember, householdId: string, body: AddHouseholdMemberDto, idempotencyKey: string | null) {
    const household = await this.visible(actor, householdId);
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
  async apply(actor: StaffMember, householdId: string, idempotencyKey: string): Promise<HouseholdView> {
    const household = await this.visible(actor, householdId);
    const ref = caseRef('household', householdId);
    const applied = { actorId: actor.userId, action: 'household.application-resumed', entityType: 'household', entityId: householdId, caseRef: ref };
    if (await this.audit.exists({ ...applied, key: idempotencyKey })) return this.view(actor, householdId); // a retry of this request
    await auditRefusals(this.audit, { actorId: actor.userId, action: 'household.application-refused', entityType: 'household', entityId: householdId, caseRef: ref }, async () => {
      if (household.stage !== 'awaiting-application') throw new DomainError('conflict', `the case is not waiting for an application (${household.stage})`);
      const response = await this.tasks.latestCompleted(ref, 'respond-to-enquiry');
      await this.workflows.startApplication(household, response?.task.completedBy ?? null);
    });
    await this.audit.record({ ...applied, after: { idempotencyKey } });
    return this.view(actor, householdId);
  }

  /** The applicant withdraws, or the agency ends the assessment: the workflow cancels every open task. */
  async closeCase(actor: StaffMember, householdId: string, exit: HouseholdExit, reason: string, idempotencyKey: string): Promise<HouseholdView> {
    const household = await this.visible(actor, householdId);
    const ref = caseRef('household', householdId);
    if (household.stage === exit) {
      // A retry (same key) of a close that went through, perhaps after a 503: the same answer.
      const standing = await this.households.recordExitReason(householdId, exit, reason, actor.userId, ref, idempotencyKey);
      if (standing === idempotencyKey) return this.view(actor, householdId);
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
    return this.view(actor, householdId);
  }

  /** The household, if this person may see it (need to know): 404 or 403 otherwise. */
  private async visible(actor: StaffMember, id: string) {
    const household = await this.households.findById(id);
    if (!household) throw new DomainError('not-found', `no household ${id}`);
    await this.access.assertMaySee(actor, caseRef('household', id));
    return household;
  }
}
