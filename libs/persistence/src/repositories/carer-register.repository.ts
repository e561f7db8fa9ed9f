import { ApprovalTerms, caseRef } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

export interface RegisterEntry extends ApprovalTerms {
  householdId: string;
  approvedAt: Date;
  placesTaken: number;
  freePlaces: number;
  area: string | null;
  caseRef: string;
  caseNumber: string | null;
  displayName: string | null;
  rulePackId: string | null;
}

export interface RegisterQuery {
  placementType?: string;
  age?: number;
  language?: string;
  sex?: string;
  withFreePlaces?: boolean;
  limit: number;
  afterHouseholdId?: string;
}

/** Approved carer households with their terms and free places: what matching searches. */
export class CarerRegisterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Enters an approved household on the register (idempotent: a retried activity changes nothing). */
  async enter(householdId: string, terms: ApprovalTerms, approvedAt: Date, actorId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO carer_register (household_id, approved_at, max_children, age_min, age_max, sexes, placement_types, languages)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (household_id) DO NOTHING RETURNING household_id`,
        [householdId, approvedAt, terms.maxChildren, terms.ageMin, terms.ageMax, terms.sexes, terms.placementTypes, terms.languages],
      );
      if (inserted.length > 0) {
        await writeAudit(manager, {
          actorId,
          action: 'carer-register.entered',
          entityType: 'household',
          entityId: householdId,
          caseRef: caseRef('household', householdId),
          before: null,
          after: { ...terms },
          occurredAt: approvedAt,
        });
      }
    });
  }

  async search(query: RegisterQuery): Promise<RegisterEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.placementType) where.push(`${param(query.placementType)} = ANY(r.placement_types)`);
    if (query.language) where.push(`${param(query.language)} = ANY(r.languages)`);
    if (query.sex) where.push(`${param(query.sex)} = ANY(r.sexes)`);
    if (query.age !== undefined) where.push(`${param(query.age)} BETWEEN r.age_min AND r.age_max`);
    if (query.withFreePlaces) where.push(`r.places_taken < r.max_children`);
    if (query.afterHouseholdId) where.push(`r.household_id > ${param(query.afterHouseholdId)}`);
    return this.dataSource.query(
      `SELECT r.household_id AS "householdId", r.approved_at AS "approvedAt", r.max_children AS "maxChildren", r.age_min AS "ageMin",
              r.age_max AS "ageMax", r.sexes, r.placement_types AS "placementTypes", r.languages, r.places_taken AS "placesTaken",
              r.max_children - r.places_taken AS "freePlaces", h.area, 'household:' || r.household_id AS "caseRef",
              cf.case_number AS "caseNumber", cf.display_name AS "displayName", cf.rule_pack_id AS "rulePackId"
         FROM carer_register r JOIN household h ON h.id = r.household_id
         LEFT JOIN case_file cf ON cf.case_ref = 'household:' || r.household_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.household_id LIMIT ${param(query.limit)}`,
      params,
    );
  }
}
