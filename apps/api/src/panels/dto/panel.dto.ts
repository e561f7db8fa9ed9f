import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsISO8601, IsUUID } from 'class-validator';

export class CreatePanelDto {
  @ApiProperty({ example: '2026-12-10T09:00:00+03:00', description: 'When the panel sits' })
  @IsISO8601({ strict: true })
  sittingAt!: string;

  @ApiProperty({ description: 'Staff id of the chair (holds the panel-chair role)' })
  @IsUUID()
  chairId!: string;

  @ApiProperty({ type: [String], description: 'Staff ids of the other members' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

export class AddPanelCaseDto {
  @ApiProperty()
  @IsUUID()
  householdId!: string;
}

export class PanelCalendarQuery {
  @ApiProperty({ example: '2026-12-01T00:00:00+03:00' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00+03:00' }) @IsISO8601({ strict: true }) to!: string;
}
