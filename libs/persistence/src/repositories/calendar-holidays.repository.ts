import { DayOff, DayOffKind, DomainError, LocalDate } from '@hearth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from './audit';

export interface DayOffRecord extends DayOff {
  id: string;
  jurisdiction: string;
  source: 'declared' | 'seeded';
}

/** What a change to the calendar may move: deadlines under these packs from this instant on. */
export interface CalendarChangeScope {
  jurisdiction: string;
  rulePackIds: readonly string[];
  affectsFrom: Date;
}

export interface CalendarChangeRecord {
  id: string;
  /** Changes in the order they were made. */
  seq: number;
  jurisdiction: string;
  rulePackIds: string[];
  affectsFrom: Date;
  cause: Record<string, unknown>;
  requestedAt: Date;
  startedAt: Date | null;
  casesSignalled: number;
  finishedAt: Date | null;
}

const columns = `id, jurisdiction, to_char(date, 'YYYY-MM-DD') AS date, name, kind, source`;

/**
 * The days actually off in each jurisdiction, kept by admins and seeded with fixed-date holidays.
 * Every change to them is audited and recorded as a calendar change, in the same transaction, for
 * the background work that moves open deadlines.
 */
export class CalendarHolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Days off on or after a date (removed days excluded). */
  async datesFrom(jurisdiction: string, from: LocalDate): Promise<LocalDate[]> {
    const rows: { date: LocalDate }[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM calendar_holiday WHERE jurisdiction = $1 AND date >= $2 AND removed_at IS NULL ORDER BY date`,
      [jurisdiction, from],
    );
    return rows.map((row) => row.date);
  }

  async list(jurisdiction: string): Promise<DayOffRecord[]> {
    return this.dataSource.query(`SELECT ${columns} FROM calendar_holiday WHERE jurisdiction = $1 AND removed_at IS NULL ORDER BY date`, [jurisdiction]);
  }

  async findById(id: string): Promise<DayOffRecord | null> {
    const [row]: DayOffRecord[] = await this.dataSource.query(`SELECT ${columns} FROM calendar_holiday WHERE id = $1 AND removed_at IS NULL`, [id]);
    return row ?? null;
  }

  /** Declares a day off (or brings back one removed); the change is null when the day was already off. */
  async declare(day: DayOff & { jurisdiction: string }, scope: CalendarChangeScope, actorId: string): Promise<{ day: DayOffRecord; change: CalendarChangeRecord | null }> {
    return this.dataSource.transaction(async (manager) => {
      const [declared]: DayOffRecord[] = await manager.query(
        `INSERT INTO calendar_holiday (jurisdiction, date, name, kind, source) VALUES ($1, $2, $3, $4, 'declared')
         ON CONFLICT (jurisdiction, date) DO UPDATE
            SET name = EXCLUDED.name, kind = EXCLUDED.kind, source = 'declared', removed_at = NULL, updated_at = now()
          WHERE calendar_holiday.removed_at IS NOT NULL
         RETURNING ${columns}`,
        [day.jurisdiction, day.date, day.name, day.kind],
      );
      if (!declared) return { day: (await this.activeOn(manager, day.jurisdiction, day.date))!, change: null };
      await writeAudit(manager, { actorId, action: 'calendar.day-off-declared', entityType: 'calendar_holiday', entityId: declared.id, caseRef: null, before: null, after: day });
      return { day: declared, change: await this.recordChange(manager, scope, { action: 'declared', day }, actorId) };
    });
  }

  /** Corrects a day off's date, name or kind; a new date must not already be off. */
  async correct(id: string, changes: Partial<DayOff>, scope: CalendarChangeScope, actorId: string): Promise<{ day: DayOffRecord; change: CalendarChangeRecord | null }> {
    return this.dataSource.transaction(async (manager) => {
      const [before]: DayOffRecord[] = await manager.query(`SELECT ${columns} FROM calendar_holiday WHERE id = $1 AND removed_at IS NULL FOR UPDATE`, [id]);
      if (!before) throw new DomainError('not-found', `no day off ${id}`);
      const after = { date: changes.date ?? before.date, name: changes.name ?? before.name, kind: (changes.kind ?? before.kind) as DayOffKind };
      if (after.date !== before.date) {
        if (await this.activeOn(manager, before.jurisdiction, after.date)) throw new DomainError('conflict', `${after.date} is already a day off`);
        await manager.query(`DELETE FROM calendar_holiday WHERE jurisdiction = $1 AND date = $2 AND removed_at IS NOT NULL`, [before.jurisdiction, after.date]);
      }
      await manager.query(`UPDATE calendar_holiday SET date = $2, name = $3, kind = $4, updated_at = now() WHERE id = $1`, [id, after.date, after.name, after.kind]);
      const day = { ...before, ...after };
      await writeAudit(manager, { actorId, action: 'calendar.day-off-corrected', entityType: 'calendar_holiday', entityId: id, caseRef: null, before, after: day });
      const moved = after.date !== before.date;
      return { day, change: moved ? await this.recordChange(manager, scope, { action: 'corrected', before, after: day }, actorId) : null };
    });
  }

  /** Removes a day off: it becomes a working day again, and is never seeded back. */
  async remove(id: string, scope: CalendarChangeScope, actorId: string): Promise<{ day: DayOffRecord; change: CalendarChangeRecord }> {
    return this.dataSource.transaction(async (manager) => {
      const [day]: DayOffRecord[] = await manager.query(`SELECT ${columns} FROM calendar_holiday WHERE id = $1 AND removed_at IS NULL FOR UPDATE`, [id]);
      if (!day) throw new DomainError('not-found', `no day off ${id}`);
      await manager.query(`UPDATE calendar_holiday SET removed_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await writeAudit(manager, { actorId, action: 'calendar.day-off-removed', entityType: 'calendar_holiday', entityId: id, caseRef: null, before: day, after: null });
      return { day, change: await this.recordChange(manager, scope, { action: 'removed', day }, actorId) };
    });
  }

  /** Seeds fixed-date holidays; a day already there (or removed by an admin) is left as it is. */
  async seed(jurisdiction: string, days: readonly DayOff[], scope: Omit<CalendarChangeScope, 'affectsFrom'>, affectsFrom: (date: LocalDate) => Date): Promise<CalendarChangeRecord | null> {
    if (days.length === 0) return null;
    return this.dataSource.transaction(async (manager) => {
      const inserted: { date: LocalDate }[] = await manager.query(
        `INSERT INTO calendar_holiday (jurisdiction, date, name, kind, source)
         SELECT $1, d.date::date, d.name, d.kind, 'seeded' FROM jsonb_to_recordset($2::jsonb) AS d(date text, name text, kind text)
         ON CONFLICT (jurisdiction, date) DO NOTHING RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
        [jurisdiction, JSON.stringify(days)],
      );
      if (inserted.length === 0) return null;
      const first = inserted.map((row) => row.date).sort()[0];
      return this.recordChange(manager, { ...scope, affectsFrom: affectsFrom(first) }, { action: 'seeded', days: inserted.length, from: first }, null);
    });
  }

  private async activeOn(manager: EntityManager, jurisdiction: string, date: LocalDate): Promise<DayOffRecord | null> {
    const [row]: DayOffRecord[] = await manager.query(`SELECT ${columns} FROM calendar_holiday WHERE jurisdiction = $1 AND date = $2 AND removed_at IS NULL`, [jurisdiction, date]);
    return row ?? null;
  }

  private async recordChange(manager: EntityManager, scope: CalendarChangeScope, cause: object, actorId: string | null): Promise<CalendarChangeRecord> {
    const [row]: CalendarChangeRecord[] = await manager.query(
      `INSERT INTO calendar_change (jurisdiction, rule_pack_ids, affects_from, cause, requested_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, seq::int, jurisdiction, rule_pack_ids AS "rulePackIds", affects_from AS "affectsFrom", cause, requested_at AS "requestedAt",
                 started_at AS "startedAt", cases_signalled AS "casesSignalled", finished_at AS "finishedAt"`,
      [scope.jurisdiction, scope.rulePackIds, scope.affectsFrom, cause, actorId],
    );
    return row;
  }
}
