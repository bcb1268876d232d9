import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatVnd, type Locale } from './format.js';
import { MESSAGES, type MessageKey } from './messages.js';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey): string;
  /** A key built from an API enum value (`status.ACTIVE`); the value itself when unknown. */
  te(prefix: string, value: string): string;
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
  number(value: number | null | undefined, fractionDigits?: number): string;
  percent(rate: number | null | undefined): string;
  vnd(amount: string | null | undefined): string;
}

const LOCALE_KEY = 'council.locale';
const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Vietnamese first; the choice of English is remembered in this browser. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? storedLocale());
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = MESSAGES[locale]['app.title'];
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    return {
      locale,
      setLocale,
      t: (key) => messages[key],
      te: (prefix, value) => (messages as Record<string, string>)[`${prefix}.${value}`] ?? value,
      date: (value) => formatDate(value, locale),
      dateTime: (value) => formatDateTime(value, locale),
      number: (value, digits) => formatNumber(value, locale, digits),
      percent: (rate) => formatPercent(rate, locale),
      vnd: (amount) => formatVnd(amount, locale),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** A province's name in the current language. */
export function useProvinceName(): (p: { name: string; nameEn: string } | null | undefined) => string {
  const { locale } = useI18n();
  return (p) => (p ? (locale === 'vi' ? p.name : p.nameEn) : '—');
}
