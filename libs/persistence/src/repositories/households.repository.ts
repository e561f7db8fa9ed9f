import { HouseholdStage, mayMoveStage } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { HouseholdEntity } from '../entities/household.entity';
import { writeAudit } from './audit';

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

export interface HouseholdRecord extends NewHousehold {
  stage: HouseholdStage;
  decisionDepartsFromRecommendation: boolean;
  /** When its workflow was seen to be running; null until then (the reconciler's work list). */
  workflowStartedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TimelineEntry {
  at: Date;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
  async createEnquiry(household: NewHousehold, caseRef: string): Promise<{ household: HouseholdRecord; created: boolean }> {
    const earlier = async () =>
      household.idempotencyKey ? this.dataSource.getRepository(HouseholdEntity).findOneBy({ idempotencyKey: household.idempotencyKey }) : null;
    const existing = await earlier();
    if (existing) return { household: toRecord(existing), created: false };
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        await manager.insert(HouseholdEntity, { ...household, stage: 'enquiry' });
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

  async findById(id: string): Promise<HouseholdRecord | null> {
    const row = await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  /** What happened on a case, oldest first, from the audit trail. */
  async timeline(caseRef: string): Promise<TimelineEntry[]> {
    const rows = await this.dataSource.getRepository(AuditEventEntity).find({
      where: { caseRef },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({
      at: row.occurredAt,
      action: row.action,
      actorId: row.actorId,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before as Record<string, unknown> | null,
      after: row.after as Record<string, unknown> | null,
    }));
  }
}
