import { ApiProperty } from '@nestjs/swagger';
import { CHILD_SEXES, ChildSex, localDateOf, PLACEMENT_TYPES, PlacementType, rulePackInForceAt } from '@hearth/domain';
import { RegisterEntry } from '@hearth/persistence';

/** An approved carer household on the register: the terms of its approval and its free places. */
export class RegisterEntryView {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Shilan Ahmed', description: "The household's name" }) displayName!: string | null;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
  @ApiProperty({ format: 'date', example: '2026-11-02', description: "The approval's date on the jurisdiction's clock" }) approvedDate!: string;
  @ApiProperty({ type: 'integer', example: 2 }) maxChildren!: number;
  @ApiProperty({ type: 'integer', example: 0 }) ageMin!: number;
  @ApiProperty({ type: 'integer', example: 11 }) ageMax!: number;
  @ApiProperty({ enum: CHILD_SEXES, isArray: true }) sexes!: ChildSex[];
  @ApiProperty({ enum: PLACEMENT_TYPES, isArray: true }) placementTypes!: PlacementType[];
  @ApiProperty({ type: [String], example: ['ckb', 'ar'], description: 'Languages the household can care in' }) languages!: string[];
  @ApiProperty({ type: 'integer' }) placesTaken!: number;
  @ApiProperty({ type: 'integer' }) freePlaces!: number;
  @ApiProperty({ nullable: true, type: String, example: 'Erbil' }) area!: string | null;

  static of(entry: RegisterEntry): RegisterEntryView {
    const { householdId, caseNumber, displayName, maxChildren, ageMin, ageMax, sexes, placementTypes, languages, placesTaken, freePlaces, area } = entry;
    const timeZone = entry.rulePackId ? rulePackInForceAt(entry.rulePackId, entry.approvedAt).timeZone : 'UTC';
    const approved = { approvedAt: entry.approvedAt.toISOString(), approvedDate: localDateOf(entry.approvedAt, timeZone) };
    return { householdId, caseNumber, displayName, ...approved, maxChildren, ageMin, ageMax, sexes, placementTypes, languages, placesTaken, freePlaces, area };
  }
}

export class RegisterPage {
  @ApiProperty({ type: [RegisterEntryView] }) items!: RegisterEntryView[];
  @ApiProperty({ nullable: true, type: String, description: 'When the page is full: the householdId to pass as `after` for the next page; null otherwise' })
  next!: string | null;
}
