import { describe, expect, it } from '@jest/globals';
import { endOfVietnamDay, formatDate, formatDateTime, formatPercent, formatVnd, vietnamToday } from './format.js';

describe('formatting in Vietnamese', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2024-06-30', 'vi')).toBe('30/06/2024');
  });

  it('writes instants as the day and time in Việt Nam', () => {
    expect(formatDateTime('2024-06-30T17:30:00Z', 'vi')).toBe('01/07/2024 00:30');
  });

  it('writes large amounts in tỷ đồng with Vietnamese grouping', () => {
    expect(formatVnd('2500000000000', 'vi')).toBe('2.500 tỷ đồng');
    expect(formatVnd('1250000000', 'vi')).toBe('1,3 tỷ đồng');
    expect(formatVnd('350000000', 'vi')).toBe('350 triệu đồng');
    expect(formatVnd('95000', 'vi')).toBe('95.000 đồng');
  });

  it('writes rates with a decimal comma', () => {
    expect(formatPercent(0.412, 'vi')).toMatch(/^41,2\s?%$/);
  });
});

describe('formatting in English', () => {
  it('writes dates with the month named, and amounts in VND billions', () => {
    expect(formatDate('2024-06-30', 'en')).toBe('30 Jun 2024');
    expect(formatVnd('2500000000000', 'en')).toBe('VND 2,500 billion');
    expect(formatPercent(0.412, 'en')).toBe('41.2%');
  });

  it('shows a dash for what is missing, never a zero', () => {
    expect([formatDate(null, 'en'), formatVnd(null, 'en'), formatPercent(null, 'en')]).toEqual(['—', '—', '—']);
  });
});

describe('the as-of day', () => {
  it('is the end of the day in Việt Nam, and today is Việt Nam’s today', () => {
    expect(endOfVietnamDay('2024-06-30')).toBe('2024-06-30T23:59:59+07:00');
    expect(vietnamToday(new Date('2024-06-30T18:00:00Z'))).toBe('2024-07-01');
  });
});

describe('the API’s field messages', () => {
  it('are said in Vietnamese when known, and kept as they are otherwise', async () => {
    const { localizeReason } = await import('./reasons.js');
    expect(localizeReason('must be after the day of the proposal (2026-11-30)', 'vi')).toBe('phải sau ngày đề xuất (30/11/2026)');
    expect(localizeReason('must be after the day of the proposal (2026-11-30)', 'en')).toBe('must be after the day of the proposal (2026-11-30)');
    expect(localizeReason('something new', 'vi')).toBe('something new');
  });
});
