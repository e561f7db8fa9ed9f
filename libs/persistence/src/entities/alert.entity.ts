import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Something a manager must see: a task past its deadline, a statutory clock breached. */
@Entity({ name: 'alert' })
@Index(['kind', 'taskId'], { unique: true })
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) severity!: string;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column({ name: 'case_ref', type: 'text' }) caseRef!: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
