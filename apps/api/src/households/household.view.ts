import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { rulePackInForceAt, TaskRecord } from '@hearth/domain';
import { CaseFileRecord, HouseholdMemberRecord, HouseholdRecord, TimelineEntry } from '@hearth/persistence';
import { TaskSubjectView, TaskView } from '../tasks/task.view';

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'task.completed' }) action!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null when the system acted' }) actorId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) before!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) after!: Record<string, unknown> | null;

  static of(entry: TimelineEntry, name: (id: string | null) => string | null = () => null): TimelineEntryView {
    return { ...entry, actorName: name(entry.actorId), at: entry.at.toISOString() };
  }
}

export class HouseholdMemberView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['adult', 'child'] }) kind!: string;
  @ApiProperty() fullName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dateOfBirth!: string | null;
  @ApiProperty() relationship!: string;
}

/** A member as recorded: with the household and when (POST /households/{id}/members). */
export class HouseholdMemberRecordView extends HouseholdMemberView {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class HouseholdMemberList {
  @ApiProperty({ type: [HouseholdMemberView] }) items!: HouseholdMemberView[];
}

export function memberView({ id, kind, fullName, dateOfBirth, relationship }: HouseholdMemberRecord): HouseholdMemberView {
  return { id, kind, fullName, dateOfBirth, relationship };
}

/** What the panel recommended or the decision maker decided, with its substance: terms and reasons. */
export class DecisionView {
  @ApiProperty({ example: 'approve' }) outcome!: string;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) terms!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reasons!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) departureReason!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) recordedByName!: string | null;
  @ApiProperty() recordedAt!: string;
}

/** A stage 1 check as recorded: its outcome, and what was found when it found concerns. */
export class CheckView {
  @ApiProperty() taskId!: string;
  @ApiProperty({ example: 'background-check' }) type!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: TaskSubjectView }) subject!: TaskSubjectView | null;
  @ApiProperty({ example: 'satisfactory' }) outcome!: string;
  @ApiProperty({ description: 'The check found concerns (the team managers were alerted)' }) foundConcerns!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) concerns!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
}

export function checkView(task: TaskView, data: Record<string, unknown> | null): CheckView {
  return {
    taskId: task.id,
    type: task.type,
    title: task.title,
    subject: task.subject,
    outcome: task.outcome!,
    foundConcerns: task.outcome === 'concerns',
    concerns: text(data?.concerns),
    notes: text(data?.notes),
    completedBy: task.completedBy,
    completedAt: task.completedAt,
  };
}

/** How the case left before a decision, and why: the applicant withdrew, or the agency ended the assessment. */
export class ExitView {
  @ApiProperty({ enum: ['withdrawn', 'assessment-ended'] }) kind!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) recordedByName!: string | null;
  @ApiProperty() recordedAt!: string;
}

/** The exit recorded by withdraw or end-assessment, or the manager's decision at stage 1 to end the assessment. */
export function exitView(
  timeline: TimelineEntry[],
  name: (id: string | null) => string | null,
  endedAtStageTwo?: TaskRecord & { data: Record<string, unknown> | null },
): ExitView | null {
  const entry = timeline.find((row) => row.action === 'household.withdrawn' || row.action === 'household.assessment-ended');
  if (!entry && endedAtStageTwo) {
    const { completedBy, completedAt, data } = endedAtStageTwo;
    return { kind: 'assessment-ended', reason: text(data?.reasons) ?? '', recordedBy: completedBy, recordedByName: name(completedBy), recordedAt: completedAt!.toISOString() };
  }
  if (!entry) return null;
  return { kind: entry.action.slice('household.'.length), reason: text(entry.after?.reason) ?? '', recordedBy: entry.actorId, recordedByName: name(entry.actorId), recordedAt: entry.at.toISOString() };
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export function decisionView({ task, data }: { task: TaskRecord; data: Record<string, unknown> | null }, name: (id: string | null) => string | null = () => null): DecisionView {
  return {
    outcome: task.outcome!,
    terms: (data?.terms as Record<string, unknown> | undefined) ?? null,
    reasons: text(data?.reasons),
    departureReason: text(data?.departureReason),
    recordedBy: task.completedBy!,
    recordedByName: name(task.completedBy),
    recordedAt: task.completedAt!.toISOString(),
  };
}

/** A child placed with the household now: what the household's supervising worker needs for the placement. */
export class HouseholdPlacementView {
  @ApiProperty() placementId!: string;
  @ApiProperty() childId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'C-2026-0007' }) caseNumber!: string | null;
  @ApiProperty() childName!: string;
  @ApiProperty({ example: '2018-04-09' }) dateOfBirth!: string;
  @ApiProperty() placementType!: string;
  @ApiProperty({ example: '2026-12-03' }) startedOn!: string;
}

export class HouseholdView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiProperty({ example: 'H-2026-0042' }) caseNumber!: string;
  @ApiProperty({ example: 'Shilan Ahmed', description: "The family's name as lists show it" }) displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) teamId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) teamName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supervisingWorkerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supervisingWorkerName!: string | null;
  @ApiProperty({ example: 'enquiry' }) stage!: string;
  @ApiProperty() rulePackId!: string;
  @ApiProperty({ example: 'Asia/Baghdad', description: "The jurisdiction's time zone: show every instant of the case on its wall clock" }) timeZone!: string;
  @ApiProperty() primaryContactName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) area!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) latitude!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ type: [String], description: "The carers' ethnic background, for matching" }) ethnicities!: string[];
  @ApiProperty({ type: [String] }) religions!: string[];
  @ApiProperty({ type: [String] }) cultures!: string[];
  @ApiProperty() preferredLanguage!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) enquirySource!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: DecisionView, description: "The panel's latest recommendation, for the decision maker to read" })
  recommendation!: DecisionView | null;
  @ApiPropertyOptional({ nullable: true, type: DecisionView }) decision!: DecisionView | null;
  @ApiProperty({ description: 'The decision departed from the recommended outcome or terms' }) decisionDepartsFromRecommendation!: boolean;
  @ApiProperty({ type: [CheckView], description: 'Each completed stage 1 check, with any concerns found' }) checks!: CheckView[];
  @ApiPropertyOptional({ nullable: true, type: ExitView }) exit!: ExitView | null;
  @ApiProperty({ type: [HouseholdMemberView] }) members!: HouseholdMemberView[];
  @ApiProperty({ type: [HouseholdPlacementView], description: 'Children placed with the household now' }) placements!: HouseholdPlacementView[];
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];

  static of(
    household: HouseholdRecord,
    file: CaseFileRecord,
    tasks: TaskView[],
    members: HouseholdMemberRecord[],
    timeline: TimelineEntry[],
    decisions: { recommendation: DecisionView | null; decision: DecisionView | null; checks: CheckView[]; exit: ExitView | null },
    name: (id: string | null) => string | null = () => null,
    placements: HouseholdPlacementView[] = [],
  ): HouseholdView {
    return {
      id: household.id,
      caseRef: file.caseRef,
      caseNumber: file.caseNumber,
      displayName: file.displayName,
      teamId: file.teamId,
      teamName: file.teamName,
      supervisingWorkerId: file.supervisingWorkerId,
      supervisingWorkerName: file.supervisingWorkerName,
      stage: household.stage,
      rulePackId: household.rulePackId,
      timeZone: rulePackInForceAt(household.rulePackId, household.createdAt).timeZone,
      primaryContactName: household.primaryContactName,
      phone: household.phone,
      email: household.email,
      area: household.area,
      latitude: household.latitude,
      longitude: household.longitude,
      ethnicities: household.ethnicities,
      religions: household.religions,
      cultures: household.cultures,
      preferredLanguage: household.preferredLanguage,
      enquirySource: household.enquirySource,
      notes: household.notes,
      createdBy: household.createdBy,
      createdAt: household.createdAt.toISOString(),
      updatedAt: household.updatedAt.toISOString(),
      ...decisions,
      decisionDepartsFromRecommendation: household.decisionDepartsFromRecommendation,
      members: members.map(memberView),
      placements,
      tasks,
      timeline: timeline.map((entry) => TimelineEntryView.of(entry, name)),
    };
  }
}
