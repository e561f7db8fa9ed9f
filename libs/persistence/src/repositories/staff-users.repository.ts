import { DomainError, StaffPreferences, StaffRole } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { StaffUserEntity } from '../entities/staff-user.entity';
import { sqlParams } from './case-access';
import { writeAudit } from './audit';

export interface StaffUserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  active: boolean;
  teamId: string | null;
  sessionsValidFrom: Date;
}

/** A member of staff as others see them in lists and pickers: no password, no session data. */
export interface StaffSummary {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  teamId: string | null;
  teamName: string | null;
}

export interface StaffListQuery {
  role?: StaffRole;
  teamId?: string;
  includeInactive?: boolean;
  after?: { displayName: string; id: string };
  limit: number;
}

export type StaffChange = Partial<Pick<StaffUserRecord, 'displayName' | 'roles' | 'active' | 'teamId'>>;

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const toRecord = (row: StaffUserEntity): StaffUserRecord => ({ ...row }) as StaffUserRecord;
const SUMMARY_SQL = `SELECT s.id, s.username, s.display_name AS "displayName", s.roles, s.active, s.team_id AS "teamId", t.name AS "teamName"
                       FROM staff_user s LEFT JOIN team t ON t.id = s.team_id`;

/** Staff accounts, the roles they hold and their team. */
export class StaffUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<StaffUserRecord | null> {
    const row = await this.dataSource.getRepository(StaffUserEntity).findOneBy({ username });
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<StaffUserRecord | null> {
    const row = await this.dataSource.getRepository(StaffUserEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  /** Their display choices, or null when they have made none. */
  async preferencesOf(id: string): Promise<StaffPreferences | null> {
    const [row]: { preferences: StaffPreferences | null }[] = await this.dataSource.query(`SELECT preferences FROM staff_user WHERE id = $1`, [id]);
    return row?.preferences ?? null;
  }

  async setPreferences(id: string, preferences: StaffPreferences): Promise<void> {
    await this.dataSource.query(`UPDATE staff_user SET preferences = $2 WHERE id = $1`, [id, JSON.stringify(preferences)]);
  }

  async summary(id: string): Promise<StaffSummary | null> {
    const [row]: StaffSummary[] = await this.dataSource.query(`${SUMMARY_SQL} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  /** Staff by name, for lists and pickers (a panel chair, a decision maker, whom to reassign to). */
  async list(query: StaffListQuery): Promise<StaffSummary[]> {
    const where: string[] = [];
    const { values: params, param } = sqlParams();
    if (!query.includeInactive) where.push('s.active');
    if (query.role) where.push(`${param(query.role)} = ANY(s.roles)`);
    if (query.teamId) where.push(`s.team_id = ${param(query.teamId)}`);
    if (query.after) where.push(`(s.display_name, s.id) > (${param(query.after.displayName)}, ${param(query.after.id)})`);
    const sql = `${SUMMARY_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.display_name, s.id LIMIT ${param(query.limit)}`;
    return this.dataSource.query(sql, params);
  }

  /** Display names by id, for rows that name who holds or did something. */
  async namesOf(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(`SELECT id, display_name FROM staff_user WHERE id = ANY($1)`, [wanted]);
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  async create(user: { username: string; displayName: string; roles: StaffRole[]; teamId: string | null }, passwordHash: string, actorId: string): Promise<StaffUserRecord> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(manager.create(StaffUserEntity, { ...user, passwordHash, active: true }));
        await writeAudit(manager, { actorId, action: 'staff.created', entityType: 'staff', entityId: saved.id, caseRef: null, before: null, after: { ...user } });
        return toRecord(await manager.findOneByOrFail(StaffUserEntity, { id: saved.id }));
      });
    } catch (error) {
      throw this.translated(error);
    }
  }

  /** Changes roles, team, name or whether the account is active; takes effect on the user's next request. */
  async change(id: string, change: StaffChange, actorId: string): Promise<StaffUserRecord> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = await manager.findOne(StaffUserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new DomainError('not-found', `no member of staff ${id}`);
        await manager.update(StaffUserEntity, { id }, change);
        const pick = (row: StaffUserEntity) => ({ displayName: row.displayName, roles: row.roles, active: row.active, teamId: row.teamId });
        const after = await manager.findOneByOrFail(StaffUserEntity, { id });
        await writeAudit(manager, { actorId, action: 'staff.changed', entityType: 'staff', entityId: id, caseRef: null, before: pick(before), after: pick(after) });
        return toRecord(after);
      });
    } catch (error) {
      throw this.translated(error);
    }
  }

  /** A new password (set by the user, or reset by an admin): every earlier session ends. */
  async setPassword(id: string, passwordHash: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(StaffUserEntity, { id }))) throw new DomainError('not-found', `no member of staff ${id}`);
      await manager.query(`UPDATE staff_user SET password_hash = $2, sessions_valid_from = now(), updated_at = now() WHERE id = $1`, [id, passwordHash]);
      await writeAudit(manager, { actorId, action: actorId === id ? 'staff.password-changed' : 'staff.password-reset', entityType: 'staff', entityId: id, caseRef: null, before: null, after: null });
    });
  }

  /**
   * Creates the user with `passwordHash`, or brings an existing one's name, roles and team up to
   * date, changing its password only when `resetPassword` is set.
   */
  async ensure(user: { username: string; displayName: string; roles: StaffRole[]; teamId?: string | null }, passwordHash: string, resetPassword: boolean): Promise<{ id: string; created: boolean }> {
    const repository = this.dataSource.getRepository(StaffUserEntity);
    const existing = await repository.findOneBy({ username: user.username });
    if (existing) {
      await repository.update({ id: existing.id }, { ...user, ...(resetPassword ? { passwordHash } : {}) });
      return { id: existing.id, created: false };
    }
    const saved = await repository.save(repository.create({ ...user, passwordHash, active: true }));
    return { id: saved.id, created: true };
  }

  private translated(error: unknown): unknown {
    const code = (error as { code?: string }).code;
    if (code === UNIQUE_VIOLATION) return new DomainError('conflict', 'that username is taken');
    if (code === FOREIGN_KEY_VIOLATION) return new DomainError('invalid-input', 'no such team');
    return error;
  }
}
