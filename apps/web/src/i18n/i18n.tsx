import { setRequestLanguage } from '../api/client';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { formatDate, formatDateTime, formatNumber } from './dates';
import type { StaffPreferences } from '@hearth/domain';
import { DEFAULT_PREFERENCES, directionOf, LANGUAGES } from './languages';
import { fill, Messages, MESSAGES } from './messages';

const STORAGE_KEY = 'hearth.preferences';

function stored(): StaffPreferences {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<StaffPreferences>;
    const language = LANGUAGES.some((each) => each.code === saved.language) ? saved.language! : DEFAULT_PREFERENCES.language;
    return { language, digits: saved.digits === 'latn' || saved.digits === 'arab' ? saved.digits : DEFAULT_PREFERENCES.digits, hijri: saved.hijri === true };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export interface I18n {
  m: Messages;
  preferences: StaffPreferences;
  dir: 'rtl' | 'ltr';
  setPreferences(change: Partial<StaffPreferences>): void;
  /** A message with placeholders filled, numbers in the user's digits. */
  t(message: string, values?: Record<string, string | number>): string;
  date(localDate: string, options?: { weekday?: boolean }): string;
  dateTime(localDateTime: string): string;
  number(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [preferences, setState] = useState<StaffPreferences>(stored);
  const dir = directionOf(preferences.language);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = LANGUAGES.find((each) => each.code === preferences.language)!.htmlLang;
    html.dir = dir;
    setRequestLanguage(preferences.language);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  }, [preferences, dir]);

  const setPreferences = useCallback((change: Partial<StaffPreferences>) => setState((current) => ({ ...current, ...change })), []);

  const value = useMemo<I18n>(() => {
    const number = (value: number) => formatNumber(value, preferences.digits);
    return {
      m: MESSAGES[preferences.language],
      preferences,
      dir,
      setPreferences,
      t: (message, values = {}) => fill(message, Object.fromEntries(Object.entries(values).map(([name, each]) => [name, typeof each === 'number' ? number(each) : each]))),
      date: (localDate, options) => formatDate(localDate, preferences, options),
      dateTime: (localDateTime) => formatDateTime(localDateTime, preferences),
      number,
    };
  }, [preferences, dir, setPreferences]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
