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

  async list(householdId: string): Promise<HouseholdMemberRecord[]> {
    return this.dataSource.query(`SELECT ${columns} FROM household_member WHERE household_id = $1 ORDER BY created_at, id`, [householdId]);
  }

  async adultIds(householdId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM household_member WHERE household_id = $1 AND kind = 'adult' ORDER BY created_at, id`, [householdId]);
    return rows.map((row) => row.id);
  }
}
