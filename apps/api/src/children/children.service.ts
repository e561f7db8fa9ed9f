import { Inject, Injectable } from '@nestjs/common';
import { ageOn, caseRef, consentNeeded, DomainError, legalBasesOf, localDateOf, packFigures, ReferralSource, rulePackInForceAt, rulePackVersion, searchableName, StaffMember } from '@hearth/domain';
import { AuditTrailRepository, ChildrenRepository, HouseholdsRepository, PlacementsRepository, shortlistOf, StaffUsersRepository, TasksRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { endPlacementUpdate, endPlacementUpdateId, placementWorkflowId } from '@hearth/workflows/contracts/placement.contract';
import { bringReviewForwardUpdate, bringReviewForwardUpdateId } from '@hearth/workflows/contracts/child.contract';
import { randomUUID } from 'node:crypto';
import { CaseAccess } from '../access/case-access';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { TimelineEntryView } from '../households/household.view';
import { TaskViews } from '../tasks/task.view';
import { ChildView, ShortlistEntryView, ShortlistView } from './child.view';
import { ChildWorkflows } from './child-workflows';
import { EndPlacementDto, ReferChildDto } from './dto/refer-child.dto';
import { ChildListQuery, ChildPage } from './dto/child-list.query';

/** The personal data a child's page shows, as the read log names it. */
const CHILD_FIELDS = ['fullName', 'dateOfBirth', 'background', 'school', 'family', 'referral', 'legalBasis', 'siblings', 'placements', 'visits', 'reviews'];

@Injectable()
export class ChildrenService {
  constructor(
    private readonly children: ChildrenRepository,
    private readonly placements: PlacementsRepository,
    private readonly households: HouseholdsRepository,
    private readonly tasks: TasksRepository,
    private readonly taskViews: TaskViews,
    private readonly users: StaffUsersRepository,
    private readonly audit: AuditTrailRepository,
    private readonly access: CaseAccess,
    private readonly workflows: ChildWorkflows,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Records a referral in PostgreSQL, commits, then starts the child's workflow with ids and dates
   * only. The referring caseworker becomes the child's social worker. Consent is needed unless a
   * court or the police referred; the legal basis must be one of the jurisdiction's.
   */
  async refer(actor: StaffMember, body: ReferChildDto, idempotencyKey: string | null): Promise<{ view: ChildView; created: boolean }> {
    if (!actor.teamId) throw new DomainError('not-permitted', 'you are not in a team: ask an admin to put you in one before referring a child');
    const pack = rulePackInForceAt(this.config.rulePackId, new Date());
    const today = localDateOf(new Date(), pack.timeZone);
    const fields: Record<string, string[]> = {};
    const bad = (field: string, message: string) => (fields[field] = [...(fields[field] ?? []), message]);
    if (body.dateOfBirth > today) bad('dateOfBirth', 'cannot be after today');
    else if (ageOn(body.dateOfBirth, today) >= 18) bad('dateOfBirth', 'the child must be under 18: foster care ends at 18');
    for (const field of ['referredOn', 'lookedAfterOn'] as const) {
      if (body[field] > today) bad(field, 'cannot be after today');
      if (body[field] < body.dateOfBirth) bad(field, 'cannot be before the date of birth');
    }
    if (consentNeeded(body.referralSource as ReferralSource) && !body.consent) bad('consent', `is needed when the referral comes from ${body.referralSource} (only a court or the police refer without it)`);
    if (body.consent && body.consent.givenOn > today) bad('consent.givenOn', 'cannot be after today: consent not yet given does not count');
    const bases = legalBasesOf(pack.jurisdiction);
    if (!(bases as readonly string[]).includes(body.legalBasis)) bad('legalBasis', `must be one of ${bases.join(', ')} in ${pack.jurisdiction}`);
    if (Object.keys(fields).length) throw new DomainError('invalid-input', Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`).join('\n'), fields);
    if (body.siblingOfChildId) await this.visibleChild(actor, body.siblingOfChildId);
    const place = (given?: { area?: string; latitude?: number; longitude?: number }) => ({ area: given?.area ?? null, latitude: given?.latitude ?? null, longitude: given?.longitude ?? null });
    const { child, created } = await this.children.refer(
      {
        id: randomUUID(),
        fullName: body.fullName.trim(),
        dateOfBirth: body.dateOfBirth,
        sex: body.sex as never,
        languages: body.languages ?? [],
        ethnicity: body.ethnicity ?? null,
        religion: body.religion ?? null,
        culture: body.culture ?? null,
        school: place(body.school),
        family: place(body.family),
        referralSource: body.referralSource,
        referredOn: body.referredOn,
        consentGivenBy: body.consent?.givenBy ?? null,
        consentGivenOn: body.consent?.givenOn ?? null,
        lookedAfterOn: body.lookedAfterOn,
        legalBasis: body.legalBasis,
        rulePackId: pack.id,
        rulePackVersion: pack.version,
        idempotencyKey,
        createdBy: actor.userId,
      },
      actor.teamId,
      actor.roles.includes('caseworker') ? actor.userId : null,
    );
    if (created && body.siblingOfChildId) await this.children.linkSiblings(child.id, body.siblingOfChildId, actor.userId);
    await this.workflows.start(child);
    return { view: await this.view(actor, child.id), created };
  }

  /** Children this person may see, by name in any spelling, case number or stage. */
  async search(actor: StaffMember, query: ChildListQuery): Promise<ChildPage> {
    const limit = query.limit ?? 20;
    if (query.name !== undefined && searchableName(query.name) === '') throw new DomainError('invalid-input', 'name: give at least one letter or digit of the name');
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.children.search(actor, { name: query.name, caseNumber: query.caseNumber?.toUpperCase(), stage: query.stage, after: after && { displayName: after[0], caseRef: after[1] }, limit: limit + 1 });
    const page = keysetPage(rows, limit, (last) => [last.displayName, last.caseRef]);
    await this.access.logRead(actor, page.items.map((row) => row.caseRef), ['fullName', 'dateOfBirth'], 'GET /children');
    return { items: page.items, nextCursor: page.nextCursor };
  }

  async view(actor: StaffMember, id: string): Promise<ChildView> {
    const child = await this.visibleChild(actor, id);
    const ref = caseRef('child', id);
    const [file, siblings, proposals, placements, reviews, tasks, timeline] = await Promise.all([
      this.access.caseFile(ref),
      this.children.siblings(id),
      this.placements.proposals(id),
      this.placements.placements(id),
      this.placements.reviews(id),
      this.tasks.list({ caseRef: ref, limit: 100 }),
      this.audit.timeline(ref),
    ]);
    const names = await this.users.namesOf(timeline.map((entry) => entry.actorId));
    const name = (who: string | null) => (who ? (names.get(who) ?? null) : null);
    await this.access.logRead(actor, [ref], CHILD_FIELDS, 'GET /children/:id');
    return ChildView.of({
      child,
      file,
      siblings,
      proposals,
      placements,
      reviews,
      tasks: await this.taskViews.of(tasks),
      timeline: timeline.map((entry) => TimelineEntryView.of(entry, name)),
    });
  }

  async linkSibling(actor: StaffMember, id: string, siblingId: string): Promise<ChildView> {
    await this.visibleChild(actor, id);
    await this.visibleChild(actor, siblingId);
    await this.children.linkSiblings(id, siblingId, actor.userId);
    return this.view(actor, id);
  }

  /** The ranked shortlist of approved households with a free place, with the reasons for each rank and earlier rejections. */
  async shortlist(actor: StaffMember, id: string): Promise<ShortlistView> {
    const child = await this.visibleChild(actor, id);
    const pack = rulePackVersion(child.rulePackId, child.rulePackVersion);
    const [list, proposals, placements] = await Promise.all([
      shortlistOf(this.placements, id, packFigures(pack).matching, localDateOf(new Date(), pack.timeZone)),
      this.placements.proposals(id),
      this.placements.placements(id),
    ]);
    await this.access.logRead(actor, [caseRef('child', id)], ['matching'], 'GET /children/:id/shortlist');
    const rejected = new Map(proposals.filter((each) => each.status === 'rejected').map((each) => [each.householdId, each]));
    const ended = new Map(placements.filter((each) => each.endedOn).map((each) => [each.householdId, each]));
    return {
      placementType: list?.profile.placementType ?? null,
      items: (list?.entries ?? []).map((entry, index) => ShortlistEntryView.of(entry, index + 1, rejected.get(entry.householdId), ended.get(entry.householdId))),
    };
  }

  async bringReviewForward(actor: StaffMember, id: string, on: string, idempotencyKey: string): Promise<ChildView> {
    await this.visibleChild(actor, id);
    const handle = this.temporal.workflow.getHandle(caseRef('child', id));
    await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
      handle.executeUpdate(bringReviewForwardUpdate, { args: [{ on, actor: { userId: actor.userId, roles: actor.roles } }], updateId: bringReviewForwardUpdateId(idempotencyKey) }),
    );
    return this.view(actor, id);
  }

  /** The child's social worker or a team manager ends the placement; the child's case matches again or closes. */
  async endPlacement(actor: StaffMember, placementId: string, body: EndPlacementDto, idempotencyKey: string) {
    const placement = await this.placements.find(placementId);
    if (!placement) throw new DomainError('not-found', `no placement ${placementId}`);
    await this.access.assertMaySee(actor, caseRef('child', placement.childId), `no placement ${placementId}`);
    if (placement.endedOn) throw new DomainError('conflict', `the placement ended on ${placement.endedOn}`);
    const handle = this.temporal.workflow.getHandle(placementWorkflowId(placementId));
    await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
      handle.executeUpdate(endPlacementUpdate, { args: [{ reason: body.reason as never, endedOn: body.endedOn, actor: { userId: actor.userId, roles: actor.roles } }], updateId: endPlacementUpdateId(idempotencyKey) }),
    );
    return this.view(actor, placement.childId);
  }

  private async visibleChild(actor: StaffMember, id: string) {
    const child = await this.children.find(id);
    if (!child) throw new DomainError('not-found', `no child ${id}`);
    await this.access.assertMaySee(actor, caseRef('child', id), `no child ${id}`);
    return child;
  }
}
