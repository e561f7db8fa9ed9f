import { caseRef, ChildSex, DomainError, LocalDate, PlacementType, searchableName } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { writeAudit } from './audit';
import { CaseFilesRepository } from './case-files.repository';
import { caseVisibleSql, sqlParams, Viewer } from './case-access';

/** A child referred to the agency, as the referral records them; personal data, PostgreSQL only. */
export interface NewChild {
  id: string;
  fullName: string;
  dateOfBirth: LocalDate;
  sex: ChildSex;
  languages: string[];
  ethnicity: string | null;
  religion: string | null;
  culture: string | null;
  school: Whereabouts;
  family: Whereabouts;
  referralSource: string;
  referredOn: LocalDate;
  consentGivenBy: string | null;
  consentGivenOn: LocalDate | null;
  lookedAfterOn: LocalDate;
  legalBasis: string;
  rulePackId: string;
  rulePackVersion: number;
  idempotencyKey: string | null;
  createdBy: string;
}

export interface Whereabouts {
  area: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ChildRecord extends NewChild {
  stage: string;
  siblingGroupId: string | null;
  placementTypeNeeded: PlacementType | null;
  untilEighteen: boolean;
  createdAt: Date;
}

/** A child as lists show them. */
export interface ChildListRow {
  id: string;
  caseRef: string;
  caseNumber: string;
  displayName: string;
  dateOfBirth: LocalDate;
  stage: string;
  socialWorkerName: string | null;
}

const UNIQUE_VIOLATION = '23505';

const SELECT_CHILD = `
  SELECT c.id, c.full_name AS "fullName", to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", c.sex, c.languages, c.ethnicity, c.religion, c.culture,
         json_build_object('area', c.school_area, 'latitude', c.school_latitude, 'longitude', c.school_longitude) AS school,
         json_build_object('area', c.family_area, 'latitude', c.family_latitude, 'longitude', c.family_longitude) AS family,
         c.referral_source AS "referralSource", to_char(c.referred_on, 'YYYY-MM-DD') AS "referredOn", c.consent_given_by AS "consentGivenBy",
         to_char(c.consent_given_on, 'YYYY-MM-DD') AS "consentGivenOn", to_char(c.looked_after_on, 'YYYY-MM-DD') AS "lookedAfterOn", c.legal_basis AS "legalBasis",
         c.rule_pack_id AS "rulePackId", c.rule_pack_version AS "rulePackVersion", c.idempotency_key AS "idempotencyKey", c.created_by AS "createdBy",
         c.stage, c.sibling_group_id AS "siblingGroupId", c.placement_type_needed AS "placementTypeNeeded", c.until_eighteen AS "untilEighteen", c.created_at AS "createdAt"
    FROM child c`;

/** Looked-after children: the referral's details and where the journey has reached. */
export class ChildrenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a referral and opens the child's case file in one transaction, committed before the
   * workflow starts. Returns the existing child when the idempotency key was used before.
   */
  async refer(child: NewChild, teamId: string | null, socialWorkerId: string | null): Promise<{ child: ChildRecord; created: boolean }> {
    const earlier = async () => (child.idempotencyKey ? this.findByIdempotencyKey(child.idempotencyKey) : null);
    const existing = await earlier();
    if (existing) return { child: existing, created: false };
    const ref = caseRef('child', child.id);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO child (id, full_name, date_of_birth, sex, languages, ethnicity, religion, culture, school_area, school_latitude, school_longitude,
                              family_area, family_latitude, family_longitude, referral_source, referred_on, consent_given_by, consent_given_on,
                              looked_after_on, legal_basis, stage, rule_pack_id, rule_pack_version, idempotency_key, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'care-plan', $21, $22, $23, $24)`,
          [
            child.id, child.fullName, child.dateOfBirth, child.sex, child.languages, child.ethnicity, child.religion, child.culture,
            child.school.area, child.school.latitude, child.school.longitude, child.family.area, child.family.latitude, child.family.longitude,
            child.referralSource, child.referredOn, child.consentGivenBy, child.consentGivenOn, child.lookedAfterOn, child.legalBasis,
            child.rulePackId, child.rulePackVersion, child.idempotencyKey, child.createdBy,
          ],
        );
        await CaseFilesRepository.open(manager, { caseRef: ref, kind: 'child', subjectId: child.id, displayName: child.fullName, rulePackId: child.rulePackId, teamId, supervisingWorkerId: socialWorkerId, openedAt: new Date() });
        await writeAudit(manager, {
          actorId: child.createdBy,
          action: 'child.referred',
          entityType: 'child',
          entityId: child.id,
          caseRef: ref,
          before: null,
          after: { referralSource: child.referralSource, lookedAfterOn: child.lookedAfterOn, legalBasis: child.legalBasis, rulePackId: child.rulePackId },
        });
      });
    } catch (error) {
      const winner = (error as { code?: string }).code === UNIQUE_VIOLATION ? await earlier() : null;
      if (!winner) throw error;
      return { child: winner, created: false };
    }
    return { child: (await this.find(child.id))!, created: true };
  }

  async find(id: string): Promise<ChildRecord | null> {
    const [row]: ChildRecord[] = await this.dataSource.query(`${SELECT_CHILD} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  private async findByIdempotencyKey(key: string): Promise<ChildRecord | null> {
    const [row]: ChildRecord[] = await this.dataSource.query(`${SELECT_CHILD} WHERE c.idempotency_key = $1`, [key]);
    return row ?? null;
  }

  /** Brothers and sisters of the child (their sibling group, this child left out). */
  async siblings(id: string): Promise<{ id: string; fullName: string; caseNumber: string | null; stage: string; householdId: string | null }[]> {
    return this.dataSource.query(
      `SELECT s.id, s.full_name AS "fullName", cf.case_number AS "caseNumber", s.stage, p.household_id AS "householdId"
         FROM child c JOIN child s ON s.sibling_group_id = c.sibling_group_id AND s.id <> c.id
         LEFT JOIN case_file cf ON cf.case_ref = 'child:' || s.id
         LEFT JOIN placement p ON p.child_id = s.id AND p.ended_on IS NULL
        WHERE c.id = $1 ORDER BY s.date_of_birth, s.id`,
      [id],
    );
  }

  /** Links two children as brothers and sisters: one sibling group, merged if both had one. */
  async linkSiblings(id: string, siblingId: string, actorId: string): Promise<void> {
    if (id === siblingId) throw new DomainError('invalid-input', 'siblingId: a child is not their own sibling');
    await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; group: string | null }[] = await manager.query(`SELECT id, sibling_group_id AS "group" FROM child WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [[id, siblingId]]);
      if (rows.length !== 2) throw new DomainError('not-found', `no child ${siblingId}`);
      const groups = [...new Set(rows.map((row) => row.group).filter((group): group is string => group !== null))];
      const group = groups[0] ?? (await manager.query(`INSERT INTO sibling_group DEFAULT VALUES RETURNING id`))[0].id;
      await manager.query(`UPDATE child SET sibling_group_id = $1, updated_at = now() WHERE id = ANY($2) OR sibling_group_id = ANY($3)`, [group, [id, siblingId], groups]);
      await writeAudit(manager, { actorId, action: 'child.siblings-linked', entityType: 'child', entityId: id, caseRef: caseRef('child', id), before: null, after: { siblingId, siblingGroupId: group } });
    });
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE child SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL`, [id]);
  }

  /** Children whose workflow was not seen to start (the API stopped between the commit and the start). */
  async withoutWorkflow(before: Date, limit: number): Promise<ChildRecord[]> {
    return this.dataSource.query(`${SELECT_CHILD} WHERE c.workflow_started_at IS NULL AND c.created_at < $1 ORDER BY c.created_at LIMIT $2`, [before, limit]);
  }

  /** Children this person may see, by name in any spelling, case number or stage; keyset paged by name. */
  async search(viewer: Viewer, query: { name?: string; caseNumber?: string; stage?: string; after?: { displayName: string; caseRef: string }; limit: number }): Promise<ChildListRow[]> {
    const { values, param } = sqlParams();
    const where = [`cf.kind = 'child'`, caseVisibleSql(viewer, param)];
    if (query.name) for (const word of searchableName(query.name).split(' ')) where.push(`cf.search_name LIKE ${param(`%${word}%`)}`);
    if (query.caseNumber) where.push(`cf.case_number = ${param(query.caseNumber)}`);
    if (query.stage) where.push(`c.stage = ${param(query.stage)}`);
    if (query.after) where.push(`(cf.display_name, cf.case_ref) > (${param(query.after.displayName)}, ${param(query.after.caseRef)})`);
    return this.dataSource.query(
      `SELECT c.id, cf.case_ref AS "caseRef", cf.case_number AS "caseNumber", cf.display_name AS "displayName", to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
              c.stage, s.display_name AS "socialWorkerName"
         FROM case_file cf JOIN child c ON c.id = cf.subject_id LEFT JOIN staff_user s ON s.id = cf.supervising_worker_id
        WHERE ${where.join(' AND ')}
        ORDER BY cf.display_name, cf.case_ref LIMIT ${param(query.limit)}`,
      values,
    );
  }

  async setStage(id: string, stage: string, actorId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [[before]] = await manager.query(`UPDATE child c SET stage = $2, updated_at = now() FROM child old WHERE c.id = $1 AND old.id = c.id AND c.stage <> $2 RETURNING old.stage`, [id, stage]);
      if (!before) return; // recorded before: a retried activity changes nothing
      await writeAudit(manager, { actorId, action: 'child.stage-changed', entityType: 'child', entityId: id, caseRef: caseRef('child', id), before: { stage: before.stage }, after: { stage } });
    });
  }

  /** The care plan's placement type and whether the placement is meant to last to 18. */
  async applyCarePlan(id: string, placementType: PlacementType, untilEighteen: boolean): Promise<void> {
    await this.dataSource.query(`UPDATE child SET placement_type_needed = $2, until_eighteen = $3, updated_at = now() WHERE id = $1`, [id, placementType, untilEighteen]);
  }
}
