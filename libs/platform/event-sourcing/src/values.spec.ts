import { describe, expect, it } from '@jest/globals';
import { daysBetween } from './values.js';

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
