import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ALL_LEGAL_BASES, CHILD_SEXES, CONSENT_GIVERS, PLACEMENT_END_REASONS, REFERRAL_SOURCES } from '@hearth/domain';

const DATE = { strict: true, strictSeparator: true } as const;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** Where a child's school or family is: an area and, where known, coordinates. */
export class WhereaboutsDto {
  @ApiPropertyOptional({ example: 'Ankawa' }) @IsOptional() @IsString() @Length(1, 100) area?: string;
  @ApiPropertyOptional({ example: 36.23 }) @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional({ example: 43.99 }) @IsOptional() @IsLongitude() longitude?: number;
}

/** Whose consent the referral records, and when it was given. */
export class ConsentDto {
  @ApiProperty({ enum: CONSENT_GIVERS }) @IsIn(CONSENT_GIVERS) givenBy!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsISO8601(DATE) @Matches(dateOnly, { message: 'givenOn must be a date, YYYY-MM-DD' }) givenOn!: string;
}

/** A child referred to the agency, as the social worker records the referral. Personal data stays in PostgreSQL. */
export class ReferChildDto {
  @ApiProperty({ example: 'Hana Kamal' }) @IsString() @Length(1, 200) @Matches(/\S/, { message: 'fullName must not be blank' }) fullName!: string;
  @ApiProperty({ example: '2018-04-09' }) @IsISO8601(DATE) @Matches(dateOnly, { message: 'dateOfBirth must be a date, YYYY-MM-DD' }) dateOfBirth!: string;
  @ApiProperty({ enum: CHILD_SEXES }) @IsIn(CHILD_SEXES) sex!: string;
  @ApiPropertyOptional({ type: [String], example: ['ckb', 'ar'], description: 'Languages the child speaks (codes)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { each: true, message: 'each language must be a code like ckb, kmr, ar or en' })
  languages?: string[];
  @ApiPropertyOptional({ example: 'Kurdish' }) @IsOptional() @IsString() @Length(1, 100) ethnicity?: string;
  @ApiPropertyOptional({ example: 'Muslim' }) @IsOptional() @IsString() @Length(1, 100) religion?: string;
  @ApiPropertyOptional({ example: 'Sorani-speaking, Erbil' }) @IsOptional() @IsString() @Length(1, 100) culture?: string;
  @ApiPropertyOptional({ type: WhereaboutsDto }) @IsOptional() @ValidateNested() @Type(() => WhereaboutsDto) school?: WhereaboutsDto;
  @ApiPropertyOptional({ type: WhereaboutsDto }) @IsOptional() @ValidateNested() @Type(() => WhereaboutsDto) family?: WhereaboutsDto;
  @ApiProperty({ enum: REFERRAL_SOURCES }) @IsIn(REFERRAL_SOURCES) referralSource!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsISO8601(DATE) @Matches(dateOnly, { message: 'referredOn must be a date, YYYY-MM-DD' }) referredOn!: string;
  @ApiPropertyOptional({ type: ConsentDto, description: 'Needed unless a court or the police referred the child' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
  @ApiProperty({ example: '2026-12-01', description: 'The date the child became looked after: the review clock counts from it' })
  @IsISO8601(DATE)
  @Matches(dateOnly, { message: 'lookedAfterOn must be a date, YYYY-MM-DD' })
  lookedAfterOn!: string;
  @ApiProperty({ enum: ALL_LEGAL_BASES, description: "One of the jurisdiction's legal bases (krg: court-sponsorship, guardianship, voluntary)" })
  @IsIn(ALL_LEGAL_BASES)
  legalBasis!: string;
  @ApiPropertyOptional({ description: 'A brother or sister already referred: the two join one sibling group' }) @IsOptional() @IsUUID() siblingOfChildId?: string;
}

export class LinkSiblingDto {
  @ApiProperty() @IsUUID() siblingId!: string;
}

export class EndPlacementDto {
  @ApiProperty({ enum: PLACEMENT_END_REASONS }) @IsIn(PLACEMENT_END_REASONS) reason!: string;
  @ApiProperty({ example: '2026-12-03' }) @IsISO8601(DATE) @Matches(dateOnly, { message: 'endedOn must be a date, YYYY-MM-DD' }) endedOn!: string;
}

export class BringReviewForwardDto {
  @ApiProperty({ example: '2026-12-10', description: 'The date the review is now due: from today, before its current due date' })
  @IsISO8601(DATE)
  @Matches(dateOnly, { message: 'on must be a date, YYYY-MM-DD' })
  on!: string;
}
