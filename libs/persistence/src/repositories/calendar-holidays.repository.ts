import { LocalDate } from '@hearth/domain';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { writeAudit } from './audit';
import { CalendarHolidayEntity } from '../entities/calendar-holiday.entity';

/** The holiday table admins maintain for each jurisdiction's working-day calendar. */
export class CalendarHolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Declared holiday dates on or after a date. */
  async datesFrom(jurisdiction: string, from: LocalDate): Promise<LocalDate[]> {
    const rows = await this.dataSource.getRepository(CalendarHolidayEntity).find({
      where: { jurisdiction, date: MoreThanOrEqual(from) },
      order: { date: 'ASC' },
    });
    return rows.map((row) => row.date);
  }

  /** Declares a holiday or closure; false when the day was already declared. */
  async declare(holiday: { jurisdiction: string; date: LocalDate; name: string; kind: string }, actorId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO calendar_holiday (jurisdiction, date, name, kind) VALUES ($1, $2, $3, $4) ON CONFLICT (jurisdiction, date) DO NOTHING RETURNING id`,
        [holiday.jurisdiction, holiday.date, holiday.name, holiday.kind],
      );
      if (!inserted[0]) return false;
      await writeAudit(manager, { actorId, action: 'calendar.day-off-declared', entityType: 'calendar_holiday', entityId: inserted[0].id, caseRef: null, before: null, after: holiday });
      return true;
    });
  }

  async list(jurisdiction: string): Promise<{ date: LocalDate; name: string; kind: string }[]> {
    return this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, name, kind FROM calendar_holiday WHERE jurisdiction = $1 ORDER BY date`, [jurisdiction]);
  }
}
