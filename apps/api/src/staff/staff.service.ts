import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError, instantIn, rulePackInForceAt, StaffMember, TEAM_ROLES } from '@hearth/domain';
import { AlertsRepository, DelegationsRepository, LoginThrottleRepository, StaffUsersRepository, TasksRepository, TeamsRepository } from '@hearth/persistence';
import { userThrottleKey } from '../auth/throttle-keys';
import { hashPassword } from '../auth/password';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { DelegationList, DelegationView } from './delegation.view';
import { ChangeStaffDto, CreateDelegationDto, CreateStaffDto, ListStaffQuery } from './staff.dto';
import { StaffPage, StaffView, TeamList, TeamView } from './staff.view';

export class CaseloadRowView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: tasks offered to a role, held by nobody yet' }) assigneeId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeName!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() dueThisWeek!: number;
}

export class CaseloadView {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ type: [CaseloadRowView] }) workers!: CaseloadRowView[];
}

const PAGE = 50;

@Injectable()
export class StaffService {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly teamsRepository: TeamsRepository,
    private readonly delegationsRepository: DelegationsRepository,
    private readonly tasks: TasksRepository,
    private readonly alerts: AlertsRepository,
    private readonly throttle: LoginThrottleRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(actor: StaffMember, query: ListStaffQuery): Promise<StaffPage> {
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.users.list({
      role: query.role,
      teamId: query.teamId,
      includeInactive: Boolean(query.includeInactive) && actor.roles.includes('admin'),
      after: after ? { displayName: after[0], id: after[1] } : undefined,
      limit: PAGE + 1,
    });
    const page = keysetPage(rows, PAGE, (last) => [last.displayName, last.id]);
    return { items: page.items.map(StaffView.of), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<StaffView> {
    const summary = await this.users.summary(id);
    if (!summary) throw new DomainError('not-found', `no member of staff ${id}`);
    return StaffView.of(summary);
  }

  async create(actor: StaffMember, body: CreateStaffDto): Promise<StaffView> {
    const created = await this.users.create({ username: body.username, displayName: body.displayName, roles: body.roles, teamId: body.teamId ?? null }, await hashPassword(body.password), actor.userId);
    return this.get(created.id);
  }

  async change(actor: StaffMember, id: string, body: ChangeStaffDto): Promise<StaffView> {
    if (id === actor.userId && (body.active === false || (body.roles && !body.roles.includes('admin')))) {
      throw new DomainError('conflict', 'an admin may not deactivate themself or take away their own admin role: ask another admin');
    }
    const before = await this.users.findById(id);
    await this.users.change(id, { displayName: body.displayName, roles: body.roles, teamId: body.teamId, active: body.active }, actor.userId);
    const leaving = body.active === false || (body.teamId !== undefined && body.teamId !== before?.teamId);
    if (leaving) await this.alertHeldTasks(id, new Date());
    return this.get(id);
  }

  /** Tasks held by someone deactivated or moved to another team wait for the case team's manager to move them. */
  private async alertHeldTasks(staffId: string, at: Date): Promise<void> {
    for (const task of await this.tasks.openHeldBy(staffId)) {
      await this.alerts.raiseForCase({
        kind: 'holder-unavailable',
        severity: 'warning',
        dedupeKey: `holder-unavailable:${task.id}:${staffId}`,
        caseRef: task.caseRef,
        taskId: task.id,
        about: task.type,
        recipientRole: 'team-manager',
        recipientId: null,
        raisedAt: at,
      });
    }
  }

  /** A new password set by an admin: every session ends, and a login lock on the username is lifted. */
  async resetPassword(actor: StaffMember, id: string, password: string): Promise<void> {
    await this.users.setPassword(id, await hashPassword(password), actor.userId);
    const user = await this.users.findById(id);
    if (user) await this.throttle.clear(userThrottleKey(user.username));
  }

  async delegations(actor: StaffMember, staffId: string): Promise<DelegationList> {
    await this.assertManagesOwnLeave(actor, staffId);
    return { items: (await this.delegationsRepository.current(staffId, new Date())).map(DelegationView.of) };
  }

  async delegate(actor: StaffMember, staffId: string, body: CreateDelegationDto): Promise<DelegationView> {
    await this.assertManagesOwnLeave(actor, staffId);
    // A time written without an offset is the jurisdiction's wall clock, as staff mean it.
    const timeZone = rulePackInForceAt(this.config.rulePackId, new Date()).timeZone;
    const [startsAt, endsAt] = [instantIn(body.startsAt, timeZone), instantIn(body.endsAt, timeZone)];
    if (!startsAt || !endsAt) throw new DomainError('invalid-input', 'startsAt and endsAt must be dates and times such as 2026-12-01T08:00');
    if (endsAt <= startsAt) throw new DomainError('invalid-input', 'endsAt must be after startsAt');
    if (endsAt <= new Date()) throw new DomainError('invalid-input', 'the period has already ended');
    if (body.delegateId === staffId) throw new DomainError('invalid-input', 'a delegate is someone else');
    const [worker, delegate] = await Promise.all([this.users.findById(staffId), this.users.findById(body.delegateId)]);
    if (!delegate || !delegate.active) throw new DomainError('invalid-input', 'the delegate is not an active member of staff');
    if (!worker) throw new DomainError('not-found', `no member of staff ${staffId}`);
    // Team work stays in the team: a delegate from another team has no part in its cases.
    if (worker.roles.some((role) => TEAM_ROLES.includes(role)) && delegate.teamId !== worker.teamId) {
      throw new DomainError('not-permitted', `${delegate.displayName} is not in ${worker.displayName}'s team`);
    }
    const missing = worker.roles.filter((role) => !delegate.roles.includes(role));
    if (missing.length > 0) throw new DomainError('conflict', `the delegate does not hold every role of the worker's tasks: ${missing.join(', ')}`);
    return DelegationView.of(await this.delegationsRepository.create({ staffId, delegateId: body.delegateId, startsAt, endsAt }, actor.userId));
  }

  async cancelDelegation(actor: StaffMember, staffId: string, delegationId: string): Promise<void> {
    await this.assertManagesOwnLeave(actor, staffId);
    const delegation = await this.delegationsRepository.find(delegationId);
    if (!delegation || delegation.staffId !== staffId) throw new DomainError('not-found', `no delegation ${delegationId}`);
    await this.delegationsRepository.cancel(delegationId, actor.userId, new Date());
  }

  async teams(): Promise<TeamList> {
    return { items: (await this.teamsRepository.list()).map(TeamView.of) };
  }

  async createTeam(actor: StaffMember, name: string): Promise<{ team: TeamView; created: boolean }> {
    const { team, created } = await this.teamsRepository.ensure(name.trim(), actor.userId);
    return { team: TeamView.of(team), created };
  }

  async caseload(actor: StaffMember, teamId: string): Promise<CaseloadView> {
    const team = await this.teamsRepository.find(teamId);
    if (!team) throw new DomainError('not-found', `no team ${teamId}`);
    if (actor.teamId !== teamId) throw new DomainError('not-permitted', "a team manager reads their own team's caseload");
    return { teamId, teamName: team.name, workers: await this.tasks.caseload(teamId, new Date()) };
  }

  /** A worker arranges their own leave; their team's manager (or an admin) may do it for them. */
  private async assertManagesOwnLeave(actor: StaffMember, staffId: string): Promise<void> {
    if (actor.userId === staffId || actor.roles.includes('admin')) return;
    const worker = await this.users.findById(staffId);
    if (!worker) throw new DomainError('not-found', `no member of staff ${staffId}`);
    if (actor.roles.includes('team-manager') && actor.teamId !== null && worker.teamId === actor.teamId) return;
    throw new DomainError('not-permitted', "only the worker, their team manager or an admin arranges a worker's leave");
  }
}
