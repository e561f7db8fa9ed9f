import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something a manager must see: a task past its deadline, a statutory clock breached. */
@Entity({ name: 'alert' })
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: string;
  /** One alert per key: `task-overdue:{taskId}`, `task-reminder:{taskId}:{n}`, … */
  @Column({ name: 'dedupe_key', type: 'text', unique: true }) dedupeKey!: string;
  @Column({ name: 'recipient_role', type: 'text', nullable: true }) recipientRole!: string | null;
  @Column({ name: 'recipient_id', type: 'uuid', nullable: true }) recipientId!: string | null;
  @Column({ type: 'text' }) severity!: string;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column({ name: 'case_ref', type: 'text' }) caseRef!: string;
  @Column({ type: 'text', nullable: true }) about!: string | null;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
