import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same bytes for the same value whatever order its keys were written in', () => {
    expect(canonicalJson({ tỉnh: 'Đồng Nai', mã: '75' })).toBe(canonicalJson({ mã: '75', tỉnh: 'Đồng Nai' }));
  });

  it('drops undefined members and writes undefined array items as null, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1], c: new Date('2025-07-01T00:00:00Z') };
    expect(canonicalJson(value)).toBe('{"b":[null,1],"c":"2025-07-01T00:00:00.000Z"}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ amount: 10n ** 18n })).toThrow('bigint is not JSON');
    expect(() => canonicalJson({ rate: Number.NaN })).toThrow('non-finite number');
  });
});
