import { Inject, Injectable } from '@nestjs/common';
import { Actor, calendarOf, StaffMember, caseRef, DomainError, instantIn, isLocalDate, localDateOf, packFigures, rulePackInForceAt, WorkingDays } from '@hearth/domain';
import { AuditTrailRepository, CaseFilesRepository, CalendarHolidaysRepository, HouseholdsRepository, PanelRecord, PanelsRepository, StaffUsersRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { bookPanelUpdate, caseUpdateId } from '@hearth/workflows/contracts/case.contract';
import { CaseAccess } from '../access/case-access';
import { auditRefusals } from '../common/refusals';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';

/** Papers: sent in time, sent after they were due (the panel read them late), not yet sent and late, or not yet due. */
export type PapersStatus = 'sent' | 'sent-late' | 'late' | 'due';

function papersStatus(panelCase: { papersSentAt: Date | null; papersDueAt: Date | null }, now: number): PapersStatus {
  const due = panelCase.papersDueAt?.getTime();
  if (panelCase.papersSentAt) return due !== undefined && panelCase.papersSentAt.getTime() > due ? 'sent-late' : 'sent';
  return due !== undefined && due < now ? 'late' : 'due';
}

@Injectable()
export class PanelsService {
  constructor(
    private readonly panels: PanelsRepository,
    private readonly staff: StaffUsersRepository,
    private readonly households: HouseholdsRepository,
    private readonly holidays: CalendarHolidaysRepository,
    private readonly audit: AuditTrailRepository,
    private readonly access: CaseAccess,
    private readonly caseFiles: CaseFilesRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * A panel sitting: in the future, on a working day of the jurisdiction (a time without an offset
   * is read in its time zone), with its chair and a quorum of members from the rule pack.
   */
  async create(actor: Actor, body: { sittingAt: string; chairId: string; memberIds: string[] }, idempotencyKey: string | null): Promise<{ panel: PanelRecord; created: boolean }> {
    const earlier = idempotencyKey ? await this.panels.findByIdempotencyKey(idempotencyKey) : null;
    if (earlier) return { panel: earlier, created: false };
    const pack = rulePackInForceAt(this.config.rulePackId, new Date());
    const sittingAt = instantIn(body.sittingAt, pack.timeZone);
    if (!sittingAt) throw new DomainError('invalid-input', 'sittingAt: must be a date and time, e.g. 2026-12-10T09:00');
    const refusal = { actorId: actor.userId, action: 'panel.refused', entityType: 'panel', entityId: body.chairId, caseRef: null };
    return auditRefusals(this.audit, refusal, async () => {
      if (sittingAt.getTime() <= Date.now()) throw new DomainError('invalid-input', 'sittingAt: a panel cannot sit in the past');
      const day = localDateOf(sittingAt, pack.timeZone);
      const calendar = calendarOf(pack, await this.holidays.datesFrom(pack.jurisdiction, day));
      if (!new WorkingDays(calendar).isWorkingDay(day)) throw new DomainError('invalid-input', `sittingAt: ${day} is not a working day in ${pack.jurisdiction}`);
      const members = body.memberIds.filter((id) => id !== body.chairId);
      const quorum = packFigures(pack).panelQuorumMembers;
      if (members.length < quorum) throw new DomainError('invalid-input', `memberIds: a quorum is the chair and at least ${quorum} members`);
      const chair = await this.staff.findById(body.chairId);
      if (!chair?.active || !chair.roles.includes('panel-chair')) throw new DomainError('invalid-input', 'chairId must be an active member of staff holding the panel-chair role');
      for (const id of members) {
        const member = await this.staff.findById(id);
        if (!member?.active || !member.roles.some((role) => role === 'panel-member' || role === 'panel-chair')) {
          throw new DomainError('invalid-input', `memberIds: ${id} is not an active panel member`);
        }
      }
      return this.panels.create({ sittingAt, chairId: body.chairId, memberIds: members, createdBy: actor.userId, idempotencyKey });
    });
  }

  /**
   * The sitting with its agenda: each case's number and family name for those who may see the case
   * (its panel's members and chair, its team), the staff's names, and the sitting on the
   * jurisdiction's wall clock.
   */
  async view(actor: StaffMember, id: string) {
    const panel = await this.found(id);
    const now = Date.now();
    const cases = await this.panels.cases(id, caseRef('household', ''));
    const refs: string[] = cases.map((c) => caseRef('household', c.householdId));
    const [files, names, seen] = await Promise.all([
      this.caseFiles.ofCases(refs),
      this.staff.namesOf(panel.memberIds),
      Promise.all(refs.map(async (ref) => ((await this.caseFiles.access(actor, ref)).visible ? ref : null))),
    ]);
    const visible = new Set(seen.filter((ref): ref is string => ref !== null));
    await this.access.logRead(actor, [...visible], ['caseName'], 'GET /panels/:id');
    return {
      ...panel,
      timeZone: this.timeZone(panel.sittingAt),
      staffNames: names,
      cases: cases.map((c, i) => ({
        ...c,
        caseRef: refs[i],
        caseNumber: files.get(refs[i])?.caseNumber ?? null,
        caseName: visible.has(refs[i]) ? (files.get(refs[i])?.displayName ?? null) : null,
        papers: papersStatus(c, now),
      })),
    };
  }

  /** The jurisdiction's time zone, for showing a sitting on its wall clock. */
  timeZone(at: Date): string {
    return rulePackInForceAt(this.config.rulePackId, at).timeZone;
  }

  /**
   * The panel calendar: sittings from `from` to `to` (at most a year). A date without a time is
   * midnight on the jurisdiction's wall clock; each sitting carries its local time too.
   */
  async calendar(query: { from: string; to: string }) {
    const timeZone = this.timeZone(new Date());
    const at = (text: string) => instantIn(isLocalDate(text) ? `${text}T00:00` : text, timeZone);
    const [from, to] = [at(query.from), at(query.to)];
    if (!from || !to) throw new DomainError('invalid-input', 'from and to must be dates (2026-12-01) or dates and times');
    if (to <= from || to.getTime() - from.getTime() > 366 * 86_400_000) throw new DomainError('invalid-input', 'to must be after from, and at most a year later');
    return { timeZone, panels: await this.panels.between(from, to) };
  }

  /** A team manager puts a household on the agenda; the household's workflow books it (its validator decides). */
  async addCase(actor: StaffMember, panelId: string, householdId: string, idempotencyKey: string) {
    const panel = await this.found(panelId);
    if (!(await this.households.findById(householdId))) throw new DomainError('not-found', `no household ${householdId}`);
    const ref = caseRef('household', householdId);
    // Only the case's own team manager books it: booking must not open the case to someone with no part in it.
    await this.access.assertMaySee(actor, ref);
    const refusal = { actorId: actor.userId, action: 'panel.booking-refused', entityType: 'panel', entityId: panelId, caseRef: ref };
    await auditRefusals(this.audit, refusal, async () => {
      if ((await this.access.caseFile(ref)).teamId !== actor.teamId) throw new DomainError('not-permitted', "only a team manager of the case's team puts it on a panel's agenda");
      try {
        await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
          this.temporal.workflow.getHandle(ref).executeUpdate(bookPanelUpdate, {
            args: [
              {
                panelId,
                sittingAt: panel.sittingAt.toISOString(),
                chairId: panel.chairId,
                memberIds: panel.memberIds.filter((id) => id !== panel.chairId),
                actor: { userId: actor.userId, roles: actor.roles },
                idempotencyKey,
              },
            ],
            updateId: caseUpdateId('book-panel', ref, idempotencyKey),
          }),
        );
      } catch (failure) {
        if (failure instanceof DomainError && failure.code === 'task-closed') throw new DomainError('conflict', 'the case is not waiting for a panel');
        throw failure;
      }
    });
    return this.view(actor, panelId);
  }

  private async found(id: string): Promise<PanelRecord> {
    const panel = await this.panels.findById(id);
    if (!panel) throw new DomainError('not-found', `no panel ${id}`);
    return panel;
  }
}
