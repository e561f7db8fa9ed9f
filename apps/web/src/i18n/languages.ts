import type { FormLanguage } from '@hearth/domain';

/** Sorani, Badini (Arabic script), Arabic and English: the first three right to left. */
export const LANGUAGES: readonly { code: FormLanguage; name: string; dir: 'rtl' | 'ltr'; htmlLang: string }[] = [
  { code: 'ckb', name: 'کوردی (سۆرانی)', dir: 'rtl', htmlLang: 'ckb' },
  { code: 'kmr', name: 'کوردی (بادینی)', dir: 'rtl', htmlLang: 'kmr-Arab' },
  { code: 'ar', name: 'العربية', dir: 'rtl', htmlLang: 'ar' },
  { code: 'en', name: 'English', dir: 'ltr', htmlLang: 'en' },
];

export type Language = FormLanguage;
export type Digits = 'latn' | 'arab';

/** What each member of staff chooses: language, digits, and Hijri dates beside Gregorian. */
export interface Preferences {
  language: Language;
  digits: Digits;
  hijri: boolean;
}

export const directionOf = (language: Language): 'rtl' | 'ltr' => LANGUAGES.find((each) => each.code === language)!.dir;

export const DEFAULT_PREFERENCES: Preferences = { language: 'ckb', digits: 'arab', hijri: false };
