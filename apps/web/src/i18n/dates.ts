// Dates as staff read them: the case's local date (the API gives `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm`
// on the jurisdiction's clock), in the user's language and digits, with the Hijri date beside it
// when wanted. Sorani and Badini month and day names are the app's own: browsers may lack them.
import type { DigitStyle, StaffPreferences } from '@hearth/domain';
import type { Language } from './languages';

const KURDISH_NAMES: Record<'ckb' | 'kmr', { months: readonly string[]; weekdays: readonly string[] }> = {
  ckb: {
    months: ['کانوونی دووەم', 'شوبات', 'ئادار', 'نیسان', 'ئایار', 'حوزەیران', 'تەممووز', 'ئاب', 'ئەیلوول', 'تشرینی یەکەم', 'تشرینی دووەم', 'کانوونی یەکەم'],
    // Sunday first, as Date.getUTCDay counts.
    weekdays: ['یەکشەممە', 'دووشەممە', 'سێشەممە', 'چوارشەممە', 'پێنجشەممە', 'هەینی', 'شەممە'],
  },
  kmr: {
    months: ['کانوونا دووێ', 'شوبات', 'ئادار', 'نیسان', 'گولان', 'حزیران', 'تیرمەه', 'تەباخ', 'ئەیلوول', 'چریا ئێکێ', 'چریا دووێ', 'کانوونا ئێکێ'],
    weekdays: ['ئێکشەمب', 'دووشەمب', 'سێشەمب', 'چارشەمب', 'پێنجشەمب', 'ئەینی', 'شەمبی'],
  },
};

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits in a text as the user wants them: Latin, or Arabic-Indic (٠١٢…). */
export function withDigits(text: string, digits: DigitStyle): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (digit) => ARABIC_INDIC[Number(digit)]) : text;
}

/** A number in the user's digits. */
export const formatNumber = (value: number, digits: DigitStyle): string => withDigits(String(value), digits);

function parts(localDate: string): { year: number; month: number; day: number; utc: Date } {
  const [year, month, day] = localDate.slice(0, 10).split('-').map(Number);
  return { year, month, day, utc: new Date(Date.UTC(year, month - 1, day, 12)) };
}

function intlLocale(language: Language, digits: DigitStyle, calendar?: string): string {
  const base = language === 'en' ? 'en-GB' : 'ar-IQ';
  return `${base}-u-nu-${digits}${calendar ? `-ca-${calendar}` : ''}`;
}

function gregorian(localDate: string, { language, digits }: StaffPreferences, withWeekday: boolean): string {
  const { year, month, day, utc } = parts(localDate);
  if (language === 'ckb' || language === 'kmr') {
    const names = KURDISH_NAMES[language];
    const text = `${day} ${names.months[month - 1]} ${year}`;
    return withDigits(withWeekday ? `${names.weekdays[utc.getUTCDay()]}، ${text}` : text, digits);
  }
  return new Intl.DateTimeFormat(intlLocale(language, digits), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', ...(withWeekday ? { weekday: 'long' } : {}) }).format(utc);
}

/** The Hijri (Umm al-Qura) date of a local date, through the browser's Intl. */
export function hijriDate(localDate: string, { language, digits }: StaffPreferences): string {
  return new Intl.DateTimeFormat(intlLocale(language, digits, 'islamic-umalqura'), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(parts(localDate).utc);
}

/** `2026-12-03` as "3 December 2026" in the user's language (and "(22 Jumada II 1448 AH)" beside it when wanted). */
export function formatDate(localDate: string, preferences: StaffPreferences, options: { weekday?: boolean } = {}): string {
  const text = gregorian(localDate, preferences, options.weekday ?? false);
  return preferences.hijri ? `${text} (${hijriDate(localDate, preferences)})` : text;
}

/** `2026-12-03T16:00` as the date and the time on the case's clock. */
export function formatDateTime(localDateTime: string, preferences: StaffPreferences): string {
  return `${formatDate(localDateTime.slice(0, 10), preferences)} ${withDigits(localDateTime.slice(11, 16), preferences.digits)}`;
}

/** Today's date on a time zone's clock, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant on a time zone's wall clock, as `YYYY-MM-DDTHH:mm`. */
export function localDateTimeIn(instant: string, timeZone: string): string {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${values.year}-${values.month}-${values.day}T${values.hour}:${values.minute}`;
}
