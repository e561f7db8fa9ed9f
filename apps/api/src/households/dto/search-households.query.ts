import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber, HOUSEHOLD_STAGES, HouseholdStage } from '@hearth/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class SearchHouseholdsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the family name, in any spelling (Arabic-script variants and Latin case are forgiven)', example: 'احمد' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ example: 'H-2026-0042' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeCaseNumber(value) : value))
  @Matches(CASE_NUMBER_PATTERN, { message: 'caseNumber looks like H-2026-0042' })
  caseNumber?: string;

  @ApiPropertyOptional({ enum: HOUSEHOLD_STAGES }) @IsOptional() @IsIn(HOUSEHOLD_STAGES) stage?: HouseholdStage;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() supervisingWorkerId?: string;
  @ApiPropertyOptional({ example: 'Erbil' }) @IsOptional() @IsString() @Length(1, 120) area?: string;
}

export class HouseholdListItemView {
  @ApiProperty() id!: string;
  @ApiProperty() caseRef!: string;
  @ApiProperty({ example: 'H-2026-0042' }) caseNumber!: string;
  @ApiProperty({ example: 'Shilan Ahmed' }) displayName!: string;
  @ApiProperty({ enum: HOUSEHOLD_STAGES }) stage!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) area!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) teamId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) teamName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supervisingWorkerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supervisingWorkerName!: string | null;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ example: '2026-11-02', description: "The date the case was opened, on the jurisdiction's clock" }) openedDate!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
}

export class HouseholdPage {
  @ApiProperty({ type: [HouseholdListItemView] }) items!: HouseholdListItemView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class SupervisingWorkerDto {
  @ApiProperty({ description: 'The caseworker who supervises the household from now' }) @IsUUID() workerId!: string;
}
