import { describe, expect, it } from '@jest/globals';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('writes the time in its first 48 bits, version 7 and the RFC variant', () => {
    const id = uuidV7(new Date('2025-07-01T00:00:00.000Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2025-07-01T00:00:00.000Z'));
  });

  it('sorts ids of later moments after earlier ones and never repeats', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidV7(new Date(1_750_000_000_000 + Math.floor(i / 10))));
    expect(new Set(ids).size).toBe(ids.length);
    const stamps = ids.map((id) => id.slice(0, 13));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('takes the time as a Date or as milliseconds, and keeps the 48 low bits of times before 1970', () => {
    expect(uuidV7(0).slice(0, 13)).toBe('00000000-0000');
    expect(uuidV7(Date.parse('2025-07-01T00:00:00.000Z')).slice(0, 13)).toBe(uuidV7(new Date('2025-07-01T00:00:00.000Z')).slice(0, 13));
    expect(uuidV7(-1).slice(0, 13)).toBe('ffffffff-ffff');
  });

  it('keeps every random bit random across refills of its pool', () => {
    const ids = Array.from({ length: 5000 }, () => uuidV7(0));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^00000000-0000-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Each hex digit of the last group takes every value somewhere in 5000 ids.
    for (let digit = 24; digit < 36; digit++) expect(new Set(ids.map((id) => id[digit])).size).toBe(16);
  });
});
