import type { JsonValue } from './events.js';

/**
 * Canonical JSON: object keys sorted by code unit, no white space, `undefined` members
 * dropped. The same value always gives the same bytes, which the hash chain relies on.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') throw new TypeError('bigint is not JSON: carry it as a string');
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number is not JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export function parseJson<T = JsonValue>(text: string): T {
  return JSON.parse(text) as T;
}
