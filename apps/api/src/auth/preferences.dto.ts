import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { DIGIT_STYLES, DigitStyle, FORM_LANGUAGES, FormLanguage, StaffPreferences } from '@hearth/domain';
import { StaffView } from '../staff/staff.view';

/** How a member of staff reads Hearth, wherever they sign in. */
export class PreferencesDto implements StaffPreferences {
  @ApiProperty({ enum: FORM_LANGUAGES, example: 'ckb' }) @IsIn(FORM_LANGUAGES) language!: FormLanguage;
  @ApiProperty({ enum: DIGIT_STYLES, description: 'Latin (123) or Arabic-Indic (١٢٣) digits' }) @IsIn(DIGIT_STYLES) digits!: DigitStyle;
  @ApiProperty({ description: 'Hijri dates beside Gregorian' }) @IsBoolean() hijri!: boolean;
}

/** Who I am, and my display choices (null until I make some). */
export class MeView extends StaffView {
  @ApiPropertyOptional({ nullable: true, type: PreferencesDto }) preferences!: PreferencesDto | null;
  @ApiProperty({ example: 'KRG', description: "The jurisdiction new cases open in: its legal bases, calendar and clocks" }) jurisdiction!: string;
}
