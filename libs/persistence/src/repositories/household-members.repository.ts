import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

export interface HouseholdMemberRecord {
  id: string;
  householdId: string;
  kind: 'adult' | 'child';
  fullName: string;
  dateOfBirth: string | null;
  relationship: string;
  createdAt: Date;
}

const columns = `id, household_id AS "householdId", kind, full_name AS "fullName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", relationship, created_at AS "createdAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The people living in a carer household. Names and birth dates stay here, never in Temporal. */
export class HouseholdMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a member once per idempotency key; returns the member and whether it is new. */
  async add(
    member: Omit<HouseholdMemberRecord, 'id' | 'createdAt'> & { createdBy: string | null; idempotencyKey: string | null },
    caseRef: string,
  ): Promise<{ member: HouseholdMemberRecord; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: HouseholdMemberRecord[] = await manager.query(
        `INSERT INTO household_member (household_id, kind, full_name, date_of_birth, relationship, idempotency_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (household_id, idempotency_key) DO NOTHING RETURNING ${columns}`,
        [member.householdId, member.kind, member.fullName, member.dateOfBirth, member.relationship, member.idempotencyKey, member.createdBy],
      );
      if (inserted[0]) {
        await writeAudit(manager, {
          actorId: member.createdBy,
          action: 'household.member-added',
          entityType: 'household_member',
          entityId: inserted[0].id,
          caseRef,
          before: null,
          after: { kind: member.kind, relationship: member.relationship },
        });
        return { member: inserted[0], created: true };
      }
      const [existing]: HouseholdMemberRecord[] = await manager.query(`SELECT ${columns} FROM household_member WHERE household_id = $1 AND idempotency_key = $2`, [
        member.householdId,
        member.idempotencyKey,
      ]);
      return { member: existing, created: false };
    });
  }

  /** Members' names by id (for task rows about a member). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    // Compared as uuids, so the primary key serves it (a text cast would read every member).
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return new Map();
    const rows: { id: string; fullName: string }[] = await this.dataSource.query(`SELECT id::text, full_name AS "fullName" FROM household_member WHERE id = ANY($1::uuid[])`, [uuids]);
    return new Map(rows.map((row) => [row.id, row.fullName]));
  }

  async list(householdId: string): Promise<HouseholdMemberRecord[]> {
    return this.dataSource.query(`SELECT ${columns} FROM household_member WHERE household_id = $1 ORDER BY created_at, id`, [householdId]);
  }

  /**
   * The household's adults at an instant: members recorded as adults and children who are 18 by
   * then; and when the next child comes of age (their check is due from that day).
   */
  async adultsAt(householdId: string, at: Date): Promise<{ adultIds: string[]; nextComingOfAgeAt: Date | null }> {
    const rows: { id: string; adult: boolean; comesOfAgeAt: Date | null }[] = await this.dataSource.query(
      `SELECT id, (kind = 'adult' OR (date_of_birth + interval '18 years') <= $2) AS adult,
              CASE WHEN kind = 'child' AND date_of_birth IS NOT NULL THEN (date_of_birth + interval '18 years')::timestamptz END AS "comesOfAgeAt"
         FROM household_member WHERE household_id = $1 ORDER BY created_at, id`,
      [householdId, at],
    );
    const upcoming = rows.filter((row) => !row.adult && row.comesOfAgeAt).map((row) => row.comesOfAgeAt!.getTime());
    return { adultIds: rows.filter((row) => row.adult).map((row) => row.id), nextComingOfAgeAt: upcoming.length ? new Date(Math.min(...upcoming)) : null };
  }

  async adultIds(householdId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM household_member WHERE household_id = $1 AND kind = 'adult' ORDER BY created_at, id`, [householdId]);
    return rows.map((row) => row.id);
  }
}
