import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Arabic-Indic and Persian digits, as Kurdish and Arabic keyboards type them, as Latin digits. */
const latinDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90 % 10)) : value;

export const STAFF_LANGUAGES = ['ckb', 'kmr', 'ar', 'en'] as const;

/** A family's first contact about fostering, as the caseworker takes it down. */
export class RecordEnquiryDto {
  @ApiProperty({ description: 'Who enquired; stored in PostgreSQL only', example: 'Shilan Ahmed' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'primaryContactName must not be blank' })
  primaryContactName!: string;

  @ApiPropertyOptional({ example: '+964 750 123 4567' })
  @IsOptional()
  @Transform(latinDigits)
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
