import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const STAFF_LANGUAGES = ['ckb', 'kmr', 'ar', 'en'] as const;

/** A family's first contact about fostering, as the caseworker takes it down. */
export class RecordEnquiryDto {
  @ApiProperty({ description: 'Who enquired; stored in PostgreSQL only', example: 'Shilan Ahmed' })
  @IsString()
  @Length(1, 200)
  primaryContactName!: string;

  @ApiPropertyOptional({ example: '+964 750 123 4567' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'phone must be digits, spaces, brackets or dashes, optionally starting with +' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'Governorate or district', example: 'Erbil' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  area?: string;

  @ApiProperty({ enum: STAFF_LANGUAGES, description: 'Language to contact them in' })
  @IsIn(STAFF_LANGUAGES)
  preferredLanguage!: (typeof STAFF_LANGUAGES)[number];

  @ApiPropertyOptional({ description: 'How they heard of fostering', example: 'awareness workshop' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  enquirySource?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  notes?: string;
}
