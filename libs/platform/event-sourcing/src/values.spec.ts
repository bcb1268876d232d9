import { describe, expect, it } from '@jest/globals';
import { daysBetween, instantMs } from './values.js';

/** What daysBetween answered before it counted days from the digits. */
const byDateParse = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A random calendar day between 1900 and 2199 (a small LCG: the same days every run). */
function* days(count: number): Generator<string> {
  let seed = 20_251_130;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    yield new Date(Date.UTC(1900, 0, 1) + (seed % 109_572) * 86_400_000).toISOString().slice(0, 10);
  }
}

describe('daysBetween', () => {
  it('counts the days between two calendar days as the UTC calendar does, across leap years and centuries', () => {
    expect(daysBetween('2025-06-30', '2025-07-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(daysBetween('1970-01-01', '1970-01-01')).toBe(0);
    const sample = [...days(4_000)];
    for (let i = 1; i < sample.length; i++) expect([sample[i - 1], sample[i], daysBetween(sample[i - 1]!, sample[i]!)]).toEqual([sample[i - 1], sample[i], byDateParse(sample[i - 1]!, sample[i]!)]);
  });

  it('answers what Date.parse answers for anything that is not a calendar day', () => {
    for (const odd of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', 'hôm nay', '', '2025-06-31', '+02025-01-01'])
      expect(Object.is(daysBetween('2025-01-01', odd), byDateParse('2025-01-01', odd))).toBe(true);
  });
});

describe('instantMs', () => {
  it('reads an instant as toISOString writes it exactly as Date.parse does, to the millisecond', () => {
    let seed = 7;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      // Any millisecond from 1900 to 2199, leap days included.
      const text = new Date(Date.UTC(1900, 0, 1) + seed * 4_405 + (seed % 997)).toISOString();
      expect([text, instantMs(text)]).toEqual([text, Date.parse(text)]);
    }
    expect(instantMs('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it('answers what Date.parse answers for any other form, or for what is no instant', () => {
    for (const other of [
      '2025-07-01T08:00:00.000+07:00', '2025-07-01T01:00:00Z', '2025-07-01', '2025-07-01T24:00:00.000Z', '2025-02-29T00:00:00.000Z',
      '2025-07-01T23:60:00.000Z', '2025-07-01T23:59:60.000Z', '+002025-07-01T00:00:00.000Z', '2025-07-01T1a:00:00.000Z', 'hôm qua', '',
    ])
      expect([other, Object.is(instantMs(other), Date.parse(other))]).toEqual([other, true]);
  });
});
