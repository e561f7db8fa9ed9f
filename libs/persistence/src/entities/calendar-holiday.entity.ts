import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A public holiday or closure declared for a jurisdiction's working-day calendar. */
@Entity({ name: 'calendar_holiday' })
@Index(['jurisdiction', 'date'], { unique: true })
export class CalendarHolidayEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) jurisdiction!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
