import type { FormLanguage, StaffPreferences } from '@hearth/domain';

/** Sorani, Badini (Arabic script), Arabic and English: the first three right to left. */
export const LANGUAGES: readonly { code: FormLanguage; name: string; dir: 'rtl' | 'ltr'; htmlLang: string }[] = [
  { code: 'ckb', name: 'کوردی (سۆرانی)', dir: 'rtl', htmlLang: 'ckb' },
  { code: 'kmr', name: 'کوردی (بادینی)', dir: 'rtl', htmlLang: 'kmr-Arab' },
  { code: 'ar', name: 'العربية', dir: 'rtl', htmlLang: 'ar' },
  { code: 'en', name: 'English', dir: 'ltr', htmlLang: 'en' },
];

export type Language = FormLanguage;

export const directionOf = (language: Language): 'rtl' | 'ltr' => LANGUAGES.find((each) => each.code === language)!.dir;

export const DEFAULT_PREFERENCES: StaffPreferences = { language: 'ckb', digits: 'arab', hijri: false };
