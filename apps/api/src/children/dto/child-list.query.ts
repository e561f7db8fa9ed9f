import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN, CHILD_STAGES, normalizeCaseNumber } from '@hearth/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class ChildListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Part of the child's name, in any spelling", example: 'هانا' }) @IsOptional() @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional({ example: 'C-2026-0007' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeCaseNumber(value) : value))
  @Matches(CASE_NUMBER_PATTERN, { message: 'caseNumber looks like C-2026-0007' })
  caseNumber?: string;
  @ApiPropertyOptional({ enum: CHILD_STAGES }) @IsOptional() @IsIn(CHILD_STAGES) stage?: string;
}

export class ChildListItemView {
  @ApiProperty() id!: string;
  @ApiProperty() caseRef!: string;
  @ApiProperty({ example: 'C-2026-0007' }) caseNumber!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: '2018-04-09' }) dateOfBirth!: string;
  @ApiProperty({ enum: CHILD_STAGES }) stage!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) socialWorkerName!: string | null;
}

export class ChildPage {
  @ApiProperty({ type: [ChildListItemView] }) items!: ChildListItemView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
