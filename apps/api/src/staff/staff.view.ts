import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, StaffRole } from '@hearth/domain';
import { StaffSummary, TeamRecord } from '@hearth/persistence';

/** A member of staff as lists and pickers show them: a name, roles and team, never a password. */
export class StaffView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'Shilan Ahmed' }) displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) teamId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Erbil team' }) teamName!: string | null;

  static of({ id, username, displayName, roles, active, teamId, teamName }: StaffSummary): StaffView {
    return { id, username, displayName, roles, active, teamId, teamName };
  }
}

export class StaffPage {
  @ApiProperty({ type: [StaffView] }) items!: StaffView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TeamView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Active members' }) members!: number;

  static of({ id, name, members }: TeamRecord): TeamView {
    return { id, name, members };
  }
}

export class TeamList {
  @ApiProperty({ type: [TeamView] }) items!: TeamView[];
}
