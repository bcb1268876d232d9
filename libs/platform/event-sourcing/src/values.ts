import { ValidationError } from './errors.js';

/** Checks every domain shares for values arriving from outside; each names the field it refuses. */
export const check = {
  text(field: string, value: unknown, { min = 1, max }: { min?: number; max: number }): string {
    if (typeof value !== 'string') throw new ValidationError(field, 'must be text');
    const trimmed = value.trim();
    if (trimmed.length < min) throw new ValidationError(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if ([...trimmed].length > max) throw new ValidationError(field, `must be at most ${max} characters`);
    return trimmed;
  },

  optionalText(field: string, value: unknown, limits: { max: number }): string | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    return check.text(field, value, limits);
  },

  /** A calendar date written YYYY-MM-DD. */
  date(field: string, value: unknown): string {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new ValidationError(field, 'must be a date written YYYY-MM-DD');
    const parsed = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
      throw new ValidationError(field, `${value} is not a calendar date`);
    return value;
  },

  number(field: string, value: unknown, { min }: { min?: number } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(field, 'must be a number');
    if (min !== undefined && value < min) throw new ValidationError(field, `must not be less than ${min}`);
    return value;
  },

  /** An amount of đồng: a non-negative whole number up to 10^18, written in digits. */
  vnd(field: string, value: unknown): string {
    if (typeof value !== 'string' || !/^(0|[1-9]\d*)$/.test(value))
      throw new ValidationError(field, 'must be a whole, non-negative number of đồng written in digits');
    if (value.length > 19 || BigInt(value) > 10n ** 18n) throw new ValidationError(field, 'must not exceed 10^18 đồng');
    return value;
  },

  /** A link to evidence: http(s) only, so no script or file scheme reaches a browser. */
  httpUrl(field: string, value: unknown): string {
    const text = check.text(field, value, { max: 2000 });
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ValidationError(field, 'must be an http(s) link');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(field, 'must be an http(s) link');
    return url.toString();
  },

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
      throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  },
};

/** The calendar date in Việt Nam (UTC+7, no daylight saving) at a moment. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). The
 * dashboards ask it several times per commitment and answer: the day numbers are worked
 * out from the digits, without a Date; anything but a real calendar day takes Date.parse
 * (NaN for what is no date).
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a YYYY-MM-DD day (Hinnant's days_from_civil; anything but a real
 * calendar day goes through Date.parse, NaN for what is no date): `daysBetween(a, b)` is
 * `dayNumber(b) - dayNumber(a)`, so a caller comparing many days with one works it out once.
 */
export function dayNumber(day: string): number {
  const n = day.length === 10 ? civilDay(day, 0) : Number.NaN;
  return Number.isNaN(n) ? Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000) : n;
}

/** Days since 1970-01-01 of the YYYY-MM-DD at `at` in `text`; NaN unless it is a real calendar day. */
function civilDay(text: string, at: number): number {
  const y = digits(text, at, at + 4);
  const m = digits(text, at + 5, at + 7);
  const d = digits(text, at + 8, at + 10);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45 || !(m >= 1 && m <= 12) || !(d >= 1 && d <= DAYS_IN_MONTH[m - 1]! + (m === 2 && leap ? 1 : 0)))
    return Number.NaN;
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant, as `Date.parse` gives them: the form
 * `toISOString` writes (YYYY-MM-DDTHH:MM:SS.sssZ, how the log stores when it recorded an
 * event) is worked out from the digits, anything else goes through Date.parse. A rebuild
 * reads a million of them.
 */
export function instantMs(at: string): number {
  if (at.length === 24 && at.charCodeAt(10) === 84 && at.charCodeAt(13) === 58 && at.charCodeAt(16) === 58 && at.charCodeAt(19) === 46 && at.charCodeAt(23) === 90) {
    const day = civilDay(at, 0);
    const h = digits(at, 11, 13);
    const m = digits(at, 14, 16);
    const s = digits(at, 17, 19);
    const ms = digits(at, 20, 23);
    if (h <= 23 && m <= 59 && s <= 59 && ms >= 0 && !Number.isNaN(day)) return day * 86_400_000 + ((h * 60 + m) * 60 + s) * 1000 + ms;
  }
  return Date.parse(at);
}

/** The decimal number in text[start, end), NaN when a character is not a digit. */
function digits(day: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = day.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}
