import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { taskDefinition, TaskRecord } from '@hearth/domain';

/** A task as staff see it in their inbox. No personal data: the case is named by its reference. */
export class TaskView {
  @ApiProperty() id!: string;
  @ApiProperty() type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiProperty() candidateRole!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty() dueAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) followUpAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) overdueSince!: string | null;
  @ApiProperty() priority!: string;
  @ApiProperty() formKey!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ type: [String] }) outcomes!: readonly string[];
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() ruleId!: string;
  @ApiProperty() rulePackId!: string;
  @ApiProperty() rulePackVersion!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(task: TaskRecord, now: Date): TaskView {
    const definition = taskDefinition(task.type);
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    return {
      id: task.id,
      type: task.type,
      title: definition.title,
      caseRef: task.caseRef,
      candidateRole: task.candidateRole,
      assigneeId: task.assigneeId,
      status: task.status,
      dueAt: task.dueAt.toISOString(),
      followUpAt: iso(task.followUpAt),
      overdue: task.status === 'open' && (task.overdueSince !== null || task.dueAt < now),
      overdueSince: iso(task.overdueSince),
      priority: task.priority,
      formKey: task.formKey,
      formVersion: task.formVersion,
      outcomes: definition.outcomes,
      outcome: task.outcome,
      completedBy: task.completedBy,
      completedAt: iso(task.completedAt),
      cancelReason: task.cancelReason,
      ruleId: task.ruleId,
      rulePackId: task.rulePackId,
      rulePackVersion: task.rulePackVersion,
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
    };
  }
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
