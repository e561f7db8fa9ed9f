import { caseRef } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

export interface PanelRecord {
  id: string;
  sittingAt: Date;
  chairId: string;
  memberIds: string[];
  createdBy: string;
  createdAt: Date;
}

export interface PanelCaseRecord {
  householdId: string;
  addedAt: Date;
  papersDueAt: Date | null;
  papersSentAt: Date | null;
  recommendation: string | null;
}

/** Fostering panels, their members and the cases on their agendas. */
export class PanelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sets up a sitting once per Idempotency-Key: a repeated create (even two at once) returns the
   * sitting made first, with `created` false.
   */
  async create(panel: { sittingAt: Date; chairId: string; memberIds: string[]; createdBy: string; idempotencyKey: string | null }): Promise<{ panel: PanelRecord; created: boolean }> {
    const made = await this.dataSource.transaction(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO panel (sitting_at, chair_id, created_by, idempotency_key) VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [panel.sittingAt, panel.chairId, panel.createdBy, panel.idempotencyKey],
      );
      if (!row) return null;
      const members = [...new Set([panel.chairId, ...panel.memberIds])];
      await manager.query(`INSERT INTO panel_member (panel_id, staff_id) SELECT $1, unnest($2::uuid[])`, [row.id, members]);
      await writeAudit(manager, {
        actorId: panel.createdBy,
        action: 'panel.created',
        entityType: 'panel',
        entityId: row.id,
        caseRef: null,
        before: null,
        after: { sittingAt: panel.sittingAt, chairId: panel.chairId, memberIds: members },
      });
      return { id: row.id, sittingAt: panel.sittingAt, chairId: panel.chairId, memberIds: members, createdBy: panel.createdBy, createdAt: new Date() };
    });
    if (made) return { panel: made, created: true };
    return { panel: (await this.findByIdempotencyKey(panel.idempotencyKey!))!, created: false };
  }

  async findByIdempotencyKey(key: string): Promise<PanelRecord | null> {
    const [row]: { id: string }[] = await this.dataSource.query(`SELECT id FROM panel WHERE idempotency_key = $1`, [key]);
    return row ? this.findById(row.id) : null;
  }

  /** The panel calendar: sittings between two instants, with the chair's name and the size of each agenda. */
  async between(from: Date, to: Date): Promise<(PanelRecord & { chairName: string; cases: number })[]> {
    return this.dataSource.query(
      `SELECT p.id, p.sitting_at AS "sittingAt", p.chair_id AS "chairId", s.display_name AS "chairName", p.created_by AS "createdBy", p.created_at AS "createdAt",
              (SELECT coalesce(array_agg(m.staff_id::text ORDER BY m.staff_id), '{}') FROM panel_member m WHERE m.panel_id = p.id) AS "memberIds",
              (SELECT count(*)::int FROM panel_case c WHERE c.panel_id = p.id) AS cases
         FROM panel p JOIN staff_user s ON s.id = p.chair_id
        WHERE p.sitting_at >= $1 AND p.sitting_at < $2
        ORDER BY p.sitting_at, p.id LIMIT 500`,
      [from, to],
    );
  }

  async findById(id: string): Promise<PanelRecord | null> {
    const [row]: PanelRecord[] = await this.dataSource.query(
      `SELECT p.id, p.sitting_at AS "sittingAt", p.chair_id AS "chairId", p.created_by AS "createdBy", p.created_at AS "createdAt",
              coalesce(array_agg(m.staff_id::text ORDER BY m.staff_id) FILTER (WHERE m.staff_id IS NOT NULL), '{}') AS "memberIds"
         FROM panel p LEFT JOIN panel_member m ON m.panel_id = p.id
        WHERE p.id = $1 GROUP BY p.id`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The cases on a panel's agenda. Papers are due when the case's papers task says, so a calendar
   * change that moved the task moves the agenda too; `caseRefPrefix` is how a household's case
   * reference begins.
   */
  async cases(panelId: string, caseRefPrefix: string): Promise<PanelCaseRecord[]> {
    return this.dataSource.query(
      `SELECT pc.household_id AS "householdId", pc.added_at AS "addedAt", coalesce(t.due_at, pc.papers_due_at) AS "papersDueAt",
              pc.papers_sent_at AS "papersSentAt", pc.recommendation
         FROM panel_case pc JOIN panel p ON p.id = pc.panel_id
         LEFT JOIN LATERAL (
           SELECT due_at FROM task
            WHERE case_ref = $2 || pc.household_id::text AND type = 'send-panel-papers' AND anchor_at = p.sitting_at AND status <> 'cancelled'
            ORDER BY created_at DESC LIMIT 1
         ) t ON true
        WHERE pc.panel_id = $1 ORDER BY pc.added_at, pc.household_id`,
      [panelId, caseRefPrefix],
    );
  }

  /** Puts a case on a panel's agenda (idempotent), with the date its papers are due; moved from another sitting, it leaves that agenda. */
  async addCase(panelId: string, householdId: string, papersDueAt: Date, actorId: string | null, movedFromPanelId: string | null = null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (movedFromPanelId) {
        const left: unknown[] = await manager.query(`DELETE FROM panel_case WHERE panel_id = $1 AND household_id = $2 AND recommendation IS NULL RETURNING panel_id`, [movedFromPanelId, householdId]);
        if (left.length > 0) {
          await writeAudit(manager, { actorId, action: 'panel.case-moved', entityType: 'panel', entityId: movedFromPanelId, caseRef: caseRef('household', householdId), before: { panelId: movedFromPanelId }, after: { panelId } });
        }
      }
      const inserted: unknown[] = await manager.query(
        `INSERT INTO panel_case (panel_id, household_id, papers_due_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING panel_id`,
        [panelId, householdId, papersDueAt],
      );
      if (inserted.length > 0) {
        await writeAudit(manager, {
          actorId,
          action: 'panel.case-added',
          entityType: 'panel',
          entityId: panelId,
          caseRef: caseRef('household', householdId),
          before: null,
          after: { panelId, papersDueAt },
        });
      }
    });
  }

  async recordPapersSent(panelId: string, householdId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE panel_case SET papers_sent_at = coalesce(papers_sent_at, $3) WHERE panel_id = $1 AND household_id = $2`, [panelId, householdId, at]);
  }

  async recordRecommendation(panelId: string, householdId: string, recommendation: string): Promise<void> {
    await this.dataSource.query(`UPDATE panel_case SET recommendation = $3 WHERE panel_id = $1 AND household_id = $2`, [panelId, householdId, recommendation]);
  }
}
