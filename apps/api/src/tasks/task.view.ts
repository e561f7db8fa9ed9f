import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseFileRecord, CaseFilesRepository, HouseholdMembersRepository, StaffUsersRepository } from '@hearth/persistence';
import {
  DueState,
  dueState,
  localDateOf,
  localDateTimeOf,
  rulePackVersion,
  TASK_SUBJECT_KINDS,
  taskDefinition,
  TaskRecord,
  TaskSubjectKind,
} from '@hearth/domain';

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
  @ApiPropertyOptional({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Shilan Ahmed', description: "The family's display name (PostgreSQL only)" })
  caseName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: TaskSubjectView }) subject!: TaskSubjectView | null;
  @ApiProperty() candidateRole!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who holds the task; null while it is offered to its role' }) assigneeName!: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ description: 'The deadline as an instant (UTC)' }) dueAt!: string;
  @ApiProperty({ example: '2026-12-03T16:00', description: "The deadline as a wall-clock time in the case's jurisdiction" }) dueLocal!: string;
  @ApiProperty({ example: '2026-12-03', description: "The due date in the case's jurisdiction" }) dueDate!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
  @ApiPropertyOptional({ nullable: true, enum: ['overdue', 'due-soon', 'on-time'], description: 'Open tasks only (null once closed); due soon is within 3 days' })
  dueState!: DueState | null;
  @ApiPropertyOptional({ nullable: true, type: String }) followUpAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) overdueSince!: string | null;
  @ApiProperty() priority!: string;
  @ApiProperty() formKey!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ type: [String] }) outcomes!: readonly string[];
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedByName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() ruleId!: string;
  @ApiProperty() rulePackId!: string;
  @ApiProperty() rulePackVersion!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** `memberNames`: household members' names by id, for tasks about a member; `caseFile` and `assigneeName` name the case and holder. */
  static of(task: TaskRecord, now: Date, memberNames: ReadonlyMap<string, string> = new Map(), caseFile?: CaseFileRecord, staffNames: ReadonlyMap<string, string> = new Map()): TaskView {
    const staffName = (id: string | null) => (id ? (staffNames.get(id) ?? null) : null);
    const timeZone = rulePackVersion(task.rulePackId, task.rulePackVersion).timeZone;
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
      caseNumber: caseFile?.caseNumber ?? null,
      caseName: caseFile?.displayName ?? null,
      subject,
      candidateRole: task.candidateRole,
      assigneeId: task.assigneeId,
      assigneeName: staffName(task.assigneeId),
      status: task.status,
      dueAt: task.dueAt.toISOString(),
      dueLocal: localDateTimeOf(task.dueAt, timeZone),
      dueDate: localDateOf(task.dueAt, timeZone),
      timeZone,
      dueState: task.status === 'open' ? dueState(task.dueAt, now, task.overdueSince) : null,
      followUpAt: iso(task.followUpAt),
      overdue: task.status === 'open' && (task.overdueSince !== null || task.dueAt < now),
      overdueSince: iso(task.overdueSince),
      priority: task.priority,
      formKey: task.formKey,
      formVersion: task.formVersion,
      outcomes: definition.outcomes,
      outcome: task.outcome,
      completedBy: task.completedBy,
      completedByName: staffName(task.completedBy),
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

/** Task views as people read them: the case's number and name, the holder's name, the member a task is about; a few queries per page. */
@Injectable()
export class TaskViews {
  constructor(
    private readonly members: HouseholdMembersRepository,
    private readonly caseFiles: CaseFilesRepository,
    private readonly users: StaffUsersRepository,
  ) {}

  async of(tasks: readonly TaskRecord[], now = new Date()): Promise<TaskView[]> {
    const memberIds = tasks.filter((task) => task.subjectKind === 'household-member' && task.subjectId).map((task) => task.subjectId!);
    const [names, files, holders] = await Promise.all([
      this.members.namesOf(memberIds),
      this.caseFiles.ofCases(tasks.map((task) => task.caseRef)),
      this.users.namesOf(tasks.flatMap((task) => [task.assigneeId, task.completedBy])),
    ]);
    return tasks.map((task) => TaskView.of(task, now, names, files.get(task.caseRef), holders));
  }
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
