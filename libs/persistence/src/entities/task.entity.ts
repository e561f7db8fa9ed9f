import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A human step opened by a workflow; the inbox staff work from. */
@Entity({ name: 'task' })
@Index(['workflowId', 'taskKey'], { unique: true })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Column({ name: 'task_key', type: 'text' }) taskKey!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'case_ref', type: 'text' }) caseRef!: string;
  @Column({ name: 'candidate_role', type: 'text' }) candidateRole!: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true }) followUpAt!: Date | null;
  @Column({ name: 'overdue_since', type: 'timestamptz', nullable: true }) overdueSince!: Date | null;
  @Column({ type: 'text' }) priority!: string;
  @Column({ name: 'form_key', type: 'text' }) formKey!: string;
  @Column({ name: 'form_version', type: 'int' }) formVersion!: number;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completion_key', type: 'text', nullable: true }) completionKey!: string | null;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId!: string | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'subject_kind', type: 'text', nullable: true }) subjectKind!: string | null;
  @Column({ name: 'subject_id', type: 'text', nullable: true }) subjectId!: string | null;
  @Column({ name: 'run_id', type: 'text', nullable: true }) runId!: string | null;
  /** The case's team, copied when the task opens and when the case changes team: team inboxes read it. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId!: string | null;
  @Column({ name: 'calendar_seq', type: 'bigint', select: false, insert: false, update: false }) calendarSeq!: string;
  @Column({ name: 'anchor_at', type: 'timestamptz' }) anchorAt!: Date;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @Column({ name: 'rule_pack_id', type: 'text' }) rulePackId!: string;
  @Column({ name: 'rule_pack_version', type: 'int' }) rulePackVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
