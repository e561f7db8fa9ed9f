import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ageOn, CHILD_STAGES, localDateOf, MATCH_REASON_CODES, PLACEMENT_END_REASONS, PLACEMENT_TYPES, rulePackVersion } from '@hearth/domain';
import { CaseFileRecord, ChildRecord, PlacementRow, ProposalRow, ShortlistEntry } from '@hearth/persistence';
import { TimelineEntryView } from '../households/household.view';
import { TaskView } from '../tasks/task.view';

export class WhereaboutsView {
  @ApiPropertyOptional({ nullable: true, type: String }) area!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) latitude!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) longitude!: number | null;
}

export class MatchReasonView {
  @ApiProperty({ enum: MATCH_REASON_CODES }) code!: string;
  @ApiProperty({ description: 'Points this reason earned' }) points!: number;
  @ApiPropertyOptional({ description: 'Measured distance, where coordinates were recorded' }) distanceKm?: number;
  @ApiPropertyOptional({ description: 'The shared language or background, or the area compared' }) value?: string;
}

/** A household proposed for the child, with the reasons for its rank and what the team manager decided. */
export class ProposalView {
  @ApiProperty() id!: string;
  @ApiProperty() householdId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) householdName!: string | null;
  @ApiProperty({ enum: ['proposed', 'approved', 'rejected', 'withdrawn'] }) status!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchReasonView] }) reasons!: MatchReasonView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: "The caseworker's reasons for proposing the household" }) proposalReasons!: string | null;
  @ApiProperty() proposedBy!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) proposedByName!: string | null;
  @ApiProperty() proposedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The team manager's reasons" }) decisionReasons!: string | null;

  static of(row: ProposalRow): ProposalView {
    const { displayName, ...rest } = row;
    return { ...rest, householdName: displayName, proposedAt: row.proposedAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null };
  }
}

export class VisitView {
  @ApiProperty({ example: '2026-12-08' }) visitedOn!: string;
  @ApiProperty() seenAlone!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) recordedByName!: string | null;
}

export class PlacementView {
  @ApiProperty() id!: string;
  @ApiProperty() childId!: string;
  @ApiProperty() householdId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) caseNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) householdName!: string | null;
  @ApiProperty({ enum: PLACEMENT_TYPES }) placementType!: string;
  @ApiProperty() untilEighteen!: boolean;
  @ApiProperty({ example: '2026-12-03' }) startedOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) endedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: PLACEMENT_END_REASONS }) endReason!: string | null;
  @ApiProperty({ type: [VisitView] }) visits!: VisitView[];

  static of({ displayName, ...row }: PlacementRow): PlacementView {
    return { ...row, householdName: displayName };
  }
}

export class ReviewView {
  @ApiProperty({ example: '2026-12-29' }) heldOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) chairedByName!: string | null;
}

export class SiblingView {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) caseNumber!: string | null;
  @ApiProperty() stage!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The household the sibling is placed with now" }) householdId!: string | null;
}

/** A child's case as those who need to know see it: the referral, the plan, matching, placements, visits and reviews. */
export class ChildView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'C-2026-0007' }) caseNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '2018-04-09' }) dateOfBirth!: string;
  @ApiProperty() age!: number;
  @ApiProperty() sex!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) ethnicity!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) religion!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) culture!: string | null;
  @ApiProperty({ type: WhereaboutsView }) school!: WhereaboutsView;
  @ApiProperty({ type: WhereaboutsView }) family!: WhereaboutsView;
  @ApiProperty() referralSource!: string;
  @ApiProperty() referredOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) consentGivenBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) consentGivenOn!: string | null;
  @ApiProperty({ description: 'The date the child became looked after (the review clock counts from it)' }) lookedAfterOn!: string;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ enum: CHILD_STAGES }) stage!: string;
  @ApiPropertyOptional({ nullable: true, enum: PLACEMENT_TYPES, description: 'From the care plan' }) placementTypeNeeded!: string | null;
  @ApiProperty() untilEighteen!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) teamName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) socialWorkerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) socialWorkerName!: string | null;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
  @ApiProperty({ type: [SiblingView] }) siblings!: SiblingView[];
  @ApiProperty({ type: [ProposalView] }) proposals!: ProposalView[];
  @ApiProperty({ type: [PlacementView] }) placements!: PlacementView[];
  @ApiProperty({ type: [ReviewView] }) reviews!: ReviewView[];
  @ApiProperty({ type: [TaskView], description: 'Open and recent tasks, soonest due first' }) tasks!: TaskView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];

  static of(parts: {
    child: ChildRecord;
    file: CaseFileRecord;
    siblings: SiblingView[];
    proposals: ProposalRow[];
    placements: PlacementRow[];
    reviews: ReviewView[];
    tasks: TaskView[];
    timeline: TimelineEntryView[];
  }): ChildView {
    const { child, file } = parts;
    const timeZone = rulePackVersion(child.rulePackId, child.rulePackVersion).timeZone;
    return {
      id: child.id,
      caseNumber: file.caseNumber,
      fullName: child.fullName,
      dateOfBirth: child.dateOfBirth,
      age: ageOn(child.dateOfBirth, localDateOf(new Date(), timeZone)),
      sex: child.sex,
      languages: child.languages,
      ethnicity: child.ethnicity,
      religion: child.religion,
      culture: child.culture,
      school: child.school,
      family: child.family,
      referralSource: child.referralSource,
      referredOn: child.referredOn,
      consentGivenBy: child.consentGivenBy,
      consentGivenOn: child.consentGivenOn,
      lookedAfterOn: child.lookedAfterOn,
      legalBasis: child.legalBasis,
      stage: child.stage,
      placementTypeNeeded: child.placementTypeNeeded,
      untilEighteen: child.untilEighteen,
      teamName: file.teamName,
      socialWorkerId: file.supervisingWorkerId,
      socialWorkerName: file.supervisingWorkerName,
      timeZone,
      siblings: parts.siblings,
      proposals: parts.proposals.map(ProposalView.of),
      placements: parts.placements.map(PlacementView.of),
      reviews: parts.reviews,
      tasks: parts.tasks,
      timeline: parts.timeline,
    };
  }
}

/** A household on the child's shortlist: rank, score, the reasons, and any earlier rejection with its reasons. */
export class ShortlistEntryView {
  @ApiProperty() rank!: number;
  @ApiProperty() householdId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) caseNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) householdName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) area!: string | null;
  @ApiProperty() freePlaces!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchReasonView] }) reasons!: MatchReasonView[];
  @ApiPropertyOptional({ nullable: true, type: ProposalView, description: 'This household was proposed for the child before and rejected: why' })
  rejected!: ProposalView | null;
  @ApiPropertyOptional({ nullable: true, type: PlacementView, description: 'The child lived with this household before: how that placement ended' })
  placedBefore!: PlacementView | null;

  static of(entry: ShortlistEntry, rank: number, rejected: ProposalRow | undefined, placedBefore: PlacementRow | undefined): ShortlistEntryView {
    const { displayName, ...rest } = entry;
    return { ...rest, rank, householdName: displayName, rejected: rejected ? ProposalView.of(rejected) : null, placedBefore: placedBefore ? PlacementView.of(placedBefore) : null };
  }
}

export class ShortlistView {
  @ApiProperty({ nullable: true, enum: PLACEMENT_TYPES, description: 'The placement the care plan asks for; no shortlist before it' }) placementType!: string | null;
  @ApiProperty({ type: [ShortlistEntryView] }) items!: ShortlistEntryView[];
}
