import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Someone who lives in the household: adults need a background check during stage 1. */
export class AddHouseholdMemberDto {
  @ApiProperty({ enum: ['adult', 'child'] })
  @IsIn(['adult', 'child'])
  kind!: 'adult' | 'child';

  @ApiProperty({ example: 'Karwan Ahmed' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiPropertyOptional({ example: '1984-03-21' })
  @IsOptional()
  @IsDateString({ strict: true })
  dateOfBirth?: string;

  @ApiProperty({ example: 'partner', description: 'Relationship to the applicant' })
  @IsString()
  @Length(1, 60)
  relationship!: string;
}

/** Why a case is leaving (stored in PostgreSQL, not in the workflow). */
export class CaseExitDto {
  @ApiProperty({ example: 'the family is moving to Duhok' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must say why, not be blank' })
  reason!: string;
}
