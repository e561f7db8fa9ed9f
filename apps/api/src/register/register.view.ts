import { ApiProperty } from '@nestjs/swagger';
import { CHILD_SEXES, ChildSex, PLACEMENT_TYPES, PlacementType } from '@hearth/domain';
import { RegisterEntry } from '@hearth/persistence';

/** An approved carer household on the register: the terms of its approval and its free places. */
export class RegisterEntryView {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
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
    const { householdId, maxChildren, ageMin, ageMax, sexes, placementTypes, languages, placesTaken, freePlaces, area } = entry;
    return { householdId, approvedAt: entry.approvedAt.toISOString(), maxChildren, ageMin, ageMax, sexes, placementTypes, languages, placesTaken, freePlaces, area };
  }
}

export class RegisterPage {
  @ApiProperty({ type: [RegisterEntryView] }) items!: RegisterEntryView[];
  @ApiProperty({ nullable: true, type: String, description: 'When the page is full: the householdId to pass as `after` for the next page; null otherwise' })
  next!: string | null;
}
