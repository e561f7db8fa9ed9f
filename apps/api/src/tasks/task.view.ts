import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HouseholdMembersRepository } from '@hearth/persistence';
import { TASK_SUBJECT_KINDS, taskDefinition, TaskRecord, TaskSubjectKind } from '@hearth/domain';

/** What a task is about within its case: which household member (by name), which referee. */
export class TaskSubjectView {
  @ApiProperty({ enum: TASK_SUBJECT_KINDS }) kind!: TaskSubjectKind;
  @ApiProperty({ description: "The member's id, or the referee's number" }) id!: string;
  @ApiProperty({ example: 'Shilan Ahmed', description: "The member's name, or Referee 1" }) label!: string;
}

/** A task as staff see it in their inbox. */
export class TaskView {
  @ApiProperty() id!: string;
  @ApiProperty() type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiPropertyOptional({ nullable: true, type: TaskSubjectView }) subject!: TaskSubjectView | null;
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

  /** `memberNames`: household members' names by id, for tasks about a member. */
  static of(task: TaskRecord, now: Date, memberNames: ReadonlyMap<string, string> = new Map()): TaskView {
    const definition = taskDefinition(task.type);
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    const subject =
      task.subjectKind && task.subjectId
        ? { kind: task.subjectKind, id: task.subjectId, label: task.subjectKind === 'referee' ? `Referee ${task.subjectId}` : (memberNames.get(task.subjectId) ?? 'a member of the household') }
        : null;
    return {
      id: task.id,
      type: task.type,
      title: definition.title,
      caseRef: task.caseRef,
      subject,
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

/** Task views with the names of the household members they are about, read in one query. */
export async function taskViews(tasks: readonly TaskRecord[], members: HouseholdMembersRepository, now = new Date()): Promise<TaskView[]> {
  const memberIds = tasks.filter((task) => task.subjectKind === 'household-member' && task.subjectId).map((task) => task.subjectId!);
  const names = await members.namesOf(memberIds);
  return tasks.map((task) => TaskView.of(task, now, names));
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
