import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The form data staff send with a completion; kept here so it never enters workflow history. */
@Entity({ name: 'task_submission' })
@Index(['taskId', 'idempotencyKey'], { unique: true })
export class TaskSubmissionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy!: string;
  @Column({ type: 'text' }) outcome!: string;
  @Column({ type: 'jsonb', nullable: true }) data!: object | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
