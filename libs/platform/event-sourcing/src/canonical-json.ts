import type { JsonValue } from './events.js';

/**
 * Canonical JSON: object keys sorted by code unit, no white space, `undefined` members
 * dropped. The same value always gives the same bytes, which the hash chain relies on.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number is not JSON');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('bigint is not JSON: carry it as a string');
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      return 'null';
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const item = items[i];
    out += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
  }
  return `${out}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((object as { toJSON(): unknown }).toJSON());
  const keys = Object.keys(object);
  if (!isSorted(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined || typeof member === 'function') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

export function parseJson<T = JsonValue>(text: string): T {
  return JSON.parse(text) as T;
}
