import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsLatitude, IsLongitude, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Someone who lives in the household: adults need a background check during stage 1. */
export class AddHouseholdMemberDto {
  @ApiProperty({ enum: ['adult', 'child'] })
  @IsIn(['adult', 'child'])
  kind!: 'adult' | 'child';

  @ApiProperty({ example: 'Karwan Ahmed' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
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

/** Where the household lives and the carers' ethnic, religious and cultural background: what matching weighs besides the approval terms. */
export class HouseholdBackgroundDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Ankawa' }) @IsOptional() @IsString() @Length(1, 100) area?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 36.23 }) @IsOptional() @IsLatitude() latitude?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 43.99 }) @IsOptional() @IsLongitude() longitude?: number | null;
  @ApiPropertyOptional({ type: [String], example: ['Kurdish'] }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 100, { each: true }) ethnicities?: string[];
  @ApiPropertyOptional({ type: [String], example: ['Muslim'] }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 100, { each: true }) religions?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 100, { each: true }) cultures?: string[];
}
