import { LocalDate } from '@hearth/domain';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { CalendarHolidayEntity } from '../entities/calendar-holiday.entity';

/** The holiday table admins maintain for each jurisdiction's working-day calendar. */
export class CalendarHolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Declared holiday dates on or after a date (a deadline never looks back). */
  async datesFrom(jurisdiction: string, from: LocalDate): Promise<LocalDate[]> {
    const rows = await this.dataSource.getRepository(CalendarHolidayEntity).find({
      where: { jurisdiction, date: MoreThanOrEqual(from) },
      order: { date: 'ASC' },
    });
    return rows.map((row) => row.date);
  }
}
