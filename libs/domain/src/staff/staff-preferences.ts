import { FormLanguage } from '../forms/form-definition';

export const DIGIT_STYLES = ['latn', 'arab'] as const;
/** Latin digits (123) or Arabic-Indic (١٢٣). */
export type DigitStyle = (typeof DIGIT_STYLES)[number];

/** How a member of staff reads Hearth: language, digits, and Hijri dates beside Gregorian. */
export interface StaffPreferences {
  language: FormLanguage;
  digits: DigitStyle;
  hijri: boolean;
}
