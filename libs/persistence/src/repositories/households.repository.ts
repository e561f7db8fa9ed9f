import { HouseholdStage, mayMoveStage, searchableName } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { HouseholdEntity } from '../entities/household.entity';
import { writeAudit } from './audit';
import { caseVisibleSql, sqlParams, Viewer } from './case-access';
import { CaseFilesRepository } from './case-files.repository';

export interface NewHousehold {
  id: string;
  rulePackId: string;
  /** The pack version the case started on (null for households recorded before it was kept). */
  rulePackVersion: number | null;
  primaryContactName: string;
  phone: string | null;
  email: string | null;
  area: string | null;
  preferredLanguage: string;
  enquirySource: string | null;
  notes: string | null;
  idempotencyKey: string | null;
  createdBy: string;
}

export interface HouseholdRecord extends NewHousehold, Omit<HouseholdBackground, 'area'> {
  stage: HouseholdStage;
  decisionDepartsFromRecommendation: boolean;
  /** When its workflow was seen to be running; null until then (the reconciler's work list). */
  workflowStartedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface HouseholdSearch {
  name?: string;
  caseNumber?: string;
  stage?: HouseholdStage;
  teamId?: string;
  supervisingWorkerId?: string;
  area?: string;
  after?: { displayName: string; caseRef: string };
  limit: number;
}

/** A household as search results and lists show it: number, name, stage, team and worker. */
export interface HouseholdListItem {
  id: string;
  caseRef: string;
  caseNumber: string;
  displayName: string;
  stage: HouseholdStage;
  area: string | null;
  teamId: string | null;
  teamName: string | null;
  supervisingWorkerId: string | null;
  supervisingWorkerName: string | null;
  openedAt: Date;
  rulePackId: string;
}


/** What matching weighs on the household's side besides its approval terms. */
export interface HouseholdBackground {
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  ethnicities: string[];
  religions: string[];
  cultures: string[];
}

const UNIQUE_VIOLATION = '23505';

const toRecord = (row: HouseholdEntity): HouseholdRecord => ({ ...row }) as HouseholdRecord;

/** Carer households: the enquiry's personal details and the stage the workflow has reached. */
export class HouseholdsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records an enquiry and its first adult (the enquirer) in one transaction, committed before the
   * workflow starts: no transaction stays open across a call to Temporal. Returns the existing
   * household when the idempotency key was used before.
   */
  async createEnquiry(household: NewHousehold, caseRef: string, teamId: string | null): Promise<{ household: HouseholdRecord; created: boolean }> {
    const earlier = async () =>
      household.idempotencyKey ? this.dataSource.getRepository(HouseholdEntity).findOneBy({ idempotencyKey: household.idempotencyKey }) : null;
    const existing = await earlier();
    if (existing) return { household: toRecord(existing), created: false };
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        await manager.insert(HouseholdEntity, { ...household, stage: 'enquiry' });
        await CaseFilesRepository.open(manager, {
          caseRef,
          kind: 'household',
          subjectId: household.id,
          displayName: household.primaryContactName,
          rulePackId: household.rulePackId,
          teamId,
          supervisingWorkerId: null,
          openedAt: new Date(),
        });
        // The person who enquired is the household's first adult (and needs a background check).
        await manager.query(
          `INSERT INTO household_member (household_id, kind, full_name, relationship, created_by) VALUES ($1, 'adult', $2, 'applicant', $3)`,
          [household.id, household.primaryContactName, household.createdBy],
        );
        await writeAudit(manager, {
          actorId: household.createdBy,
          action: 'household.enquiry-recorded',
          entityType: 'household',
          entityId: household.id,
          caseRef,
          before: null,
          after: { stage: 'enquiry', rulePackId: household.rulePackId },
        });
        return manager.findOneByOrFail(HouseholdEntity, { id: household.id });
      });
      return { household: toRecord(saved), created: true };
    } catch (error) {
      // The same key sent twice at once: the second insert meets the first's unique key.
      const winner = (error as { code?: string }).code === UNIQUE_VIOLATION ? await earlier() : null;
      if (!winner) throw error;
      return { household: toRecord(winner), created: false };
    }
  }

  /** The pack version a case runs on from now (an application after krg v1). */
  async setRulePackVersion(id: string, rulePackVersion: number): Promise<void> {
    await this.dataSource.query(`UPDATE household SET rule_pack_version = $2 WHERE id = $1`, [id, rulePackVersion]);
  }

  /** Notes that the household's workflow is running (started, or found already started). */
  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE household SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL`, [id]);
  }

  /** Households recorded before `before` whose workflow has not been seen to start: the reconciler starts them. */
  async withoutWorkflow(before: Date, limit: number): Promise<HouseholdRecord[]> {
    const rows = await this.dataSource
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .where('h.workflow_started_at IS NULL AND h.created_at < :before', { before })
      .orderBy('h.created_at')
      .limit(limit)
      .getMany();
    return rows.map(toRecord);
  }

  async setStage(id: string, stage: HouseholdStage, actorId: string | null, caseRef: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneOrFail(HouseholdEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // A late write from a cancelled step must not reopen a case that has ended.
      if (!mayMoveStage(before.stage as HouseholdStage, stage)) return;
      await manager.update(HouseholdEntity, { id }, { stage });
      await writeAudit(manager, {
        actorId,
        action: 'household.stage-changed',
        entityType: 'household',
        entityId: id,
        caseRef,
        before: { stage: before.stage },
        after: { stage },
      });
    });
  }

  /** Records the decision beside the recommendation; a departure is flagged on the household and audited. */
  async recordDecision(id: string, decision: { outcome: string; departs: boolean; departureReason: string | null; actorId: string }, caseRef: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneOrFail(HouseholdEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (decision.departs && !before.decisionDepartsFromRecommendation) await manager.update(HouseholdEntity, { id }, { decisionDepartsFromRecommendation: true });
      const [already]: unknown[] = await manager.query(`SELECT 1 FROM audit_event WHERE case_ref = $1 AND action = 'household.decided'`, [caseRef]);
      if (already) return;
      await writeAudit(manager, {
        actorId: decision.actorId,
        action: 'household.decided',
        entityType: 'household',
        entityId: id,
        caseRef,
        before: null,
        after: { outcome: decision.outcome, departsFromRecommendation: decision.departs, departureReason: decision.departureReason },
      });
    });
  }

  /**
   * Why a case left (free text, so PostgreSQL only), beside the workflow's stage change; recorded
   * once per case. Returns the Idempotency-Key of the request whose reason stands.
   */
  async recordExitReason(id: string, exit: string, reason: string, actorId: string, caseRef: string, idempotencyKey: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM household WHERE id = $1 FOR UPDATE`, [id]);
      const [recorded]: { key: string }[] = await manager.query(
        `SELECT after->>'idempotencyKey' AS key FROM audit_event WHERE case_ref = $1 AND action = $2`,
        [caseRef, `household.${exit}`],
      );
      if (recorded) return recorded.key;
      const after = { reason, idempotencyKey };
      await writeAudit(manager, { actorId, action: `household.${exit}`, entityType: 'household', entityId: id, caseRef, before: null, after });
      return idempotencyKey;
    });
  }

  /**
   * Households this viewer may see, by name (forgiving of spelling: `searchableName` on both sides,
   * then trigram word similarity for typos), case number, stage, team, supervising worker or area;
   * in name order, keyset paged.
   */
  async search(viewer: Viewer, query: HouseholdSearch): Promise<HouseholdListItem[]> {
    const { values, param } = sqlParams();
    const where = [`cf.kind = 'household'`, caseVisibleSql(viewer, param)];
    if (query.name !== undefined) {
      // Each word of the name on its own, so a first and family name find a record with a middle name too.
      const words = searchableName(query.name).split(' ').filter(Boolean).slice(0, 6);
      if (words.length === 0) return []; // nothing left to search by (only marks or punctuation)
      for (const word of words) {
        const w = param(word);
        where.push(`(cf.search_name LIKE '%' || ${w} || '%' OR ${w} <% cf.search_name)`);
      }
    }
    if (query.caseNumber) where.push(`cf.case_number = ${param(query.caseNumber)}`);
    if (query.stage) where.push(`h.stage = ${param(query.stage)}`);
    if (query.teamId) where.push(`cf.team_id = ${param(query.teamId)}`);
    if (query.supervisingWorkerId) where.push(`cf.supervising_worker_id = ${param(query.supervisingWorkerId)}`);
    if (query.area) where.push(`lower(h.area) = lower(${param(query.area)})`);
    if (query.after) where.push(`(cf.display_name, cf.case_ref) > (${param(query.after.displayName)}, ${param(query.after.caseRef)})`);
    const sql = `
      SELECT h.id, cf.case_ref AS "caseRef", cf.case_number AS "caseNumber", cf.display_name AS "displayName", h.stage, h.area,
             cf.team_id AS "teamId", t.name AS "teamName", cf.supervising_worker_id AS "supervisingWorkerId",
             s.display_name AS "supervisingWorkerName", cf.opened_at AS "openedAt", cf.rule_pack_id AS "rulePackId"
        FROM case_file cf
        JOIN household h ON h.id = cf.subject_id
        LEFT JOIN team t ON t.id = cf.team_id
        LEFT JOIN staff_user s ON s.id = cf.supervising_worker_id
       WHERE ${where.join(' AND ')}
       ORDER BY cf.display_name, cf.case_ref
       LIMIT ${param(query.limit)}`;
    return this.dataSource.transaction(async (manager) => {
      // Typos: a name whose trigrams mostly appear in one word of the household's name matches.
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
      // JIT compiling costs more than this query saves (measured by bench:inbox).
      await manager.query(`SELECT set_config('jit', 'off', true)`);
      return manager.query(sql, values);
    });
  }

  /** Where the household lives and the carers' ethnic, religious and cultural background, as matching weighs them. */
  async setBackground(id: string, background: HouseholdBackground, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE household SET area = $2, latitude = $3, longitude = $4, ethnicities = $5, religions = $6, cultures = $7, updated_at = now() WHERE id = $1`,
        [id, background.area, background.latitude, background.longitude, background.ethnicities, background.religions, background.cultures],
      );
      await writeAudit(manager, { actorId, action: 'household.background-recorded', entityType: 'household', entityId: id, caseRef: `household:${id}`, before: null, after: { area: background.area, located: background.latitude !== null } });
    });
  }

  async findById(id: string): Promise<HouseholdRecord | null> {
    const row = await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }
}
