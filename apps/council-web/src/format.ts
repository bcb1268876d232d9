/** Locale-aware formatting: Vietnamese (dd/mm/yyyy, "2.500 tỷ đồng") or English. */
export type Locale = 'vi' | 'en';

const intlLocale = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');
const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar date (YYYY-MM-DD) or an instant, as the day it was in Việt Nam. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  const options: Intl.DateTimeFormatOptions =
    locale === 'vi' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: day ? 'UTC' : VN_TIME_ZONE }).format(date);
}

/** An instant with its time of day, in Việt Nam's time. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: VN_TIME_ZONE }).format(new Date(value));
  return `${formatDate(value, locale)} ${time}`;
}

export function formatNumber(value: number | null | undefined, locale: Locale, maximumFractionDigits = 1): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }).format(value);
}

/** A rate (1 = 100 %) as a percentage. */
export function formatPercent(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

const SCALES = [
  { size: 1_000_000_000, vi: 'tỷ', en: 'billion' },
  { size: 1_000_000, vi: 'triệu', en: 'million' },
] as const;

/** An amount in đồng (exact decimal string) in words people quote: "2.500 tỷ đồng", "VND 2,500 billion". */
export function formatVnd(amount: string | null | undefined, locale: Locale): string {
  if (amount === null || amount === undefined) return '—';
  const value = Number(BigInt(amount));
  const scale = SCALES.find((s) => Math.abs(value) >= s.size);
  const figure = formatNumber(scale ? value / scale.size : value, locale, scale ? 1 : 0);
  if (locale === 'vi') return scale ? `${figure} ${scale.vi} đồng` : `${figure} đồng`;
  return scale ? `VND ${figure} ${scale.en}` : `VND ${figure}`;
}

/** Today in Việt Nam, YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The end of a Vietnamese calendar day as an instant: what "as of that day" means to a dashboard. */
export function endOfVietnamDay(day: string): string {
  return `${day}T23:59:59+07:00`;
}

/** Days between two calendar dates (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
