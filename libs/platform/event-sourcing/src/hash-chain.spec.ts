import { describe, expect, it } from '@jest/globals';
import { planAppend, prepareEvents } from './append-plan.js';
import { canonicalJson } from './canonical-json.js';
import type { NewEvent, RecordedEvent } from './events.js';
import { canonicalMetadataJson, GENESIS_HASH, recordHashHolds, storedDataText, storedRecordOf, verifyStreamChain } from './hash-chain.js';

const usual = { schemaVersion: 1, recordedAt: '2025-01-01T00:00:00.000Z', effectiveAt: '2024-12-31T00:00:00.000Z', commandId: 'c', actor: { subject: 's', roles: ['province'], province: '79', name: 'Lê' } };
const shapes: Record<string, unknown> = {
  usual,
  sparse: { recordedAt: 'r', effectiveAt: 'e', schemaVersion: 2 },
  'a key of its own': { ...usual, extra: { b: 1, a: [2, { d: 1, c: 2 }] } },
  'an object where a string belongs': { ...usual, commandId: { z: 1, y: 2 } },
  'an actor with a nested name': { ...usual, actor: { subject: 's', roles: [], name: { family: 'Lê', given: 'An' } } },
  'roles that are not strings': { ...usual, actor: { subject: 's', roles: [{ b: 1, a: 2 }] } },
  'a null actor': { ...usual, actor: null },
};

describe('the canonical metadata bytes', () => {
  it.each(Object.entries(shapes))('are canonicalJson’s, byte for byte, for %s', (_, metadata) => {
    expect(canonicalMetadataJson(metadata as never)).toBe(canonicalJson(metadata));
  });

  it.each(Object.entries(shapes))('are what an append records for metadata given with %s', (_, given) => {
    const [event] = prepareEvents([{ type: 'Noted', data: {}, metadata: given as NewEvent['metadata'] }], new Date('2025-07-01T00:00:00Z'), { maxEventBytes: 1 << 20 });
    expect(event!.metadataJson).toBe(canonicalJson(event!.metadata));
  });
});

describe('a stored record', () => {
  const prepared = prepareEvents(
    [
      { type: 'Proposed', data: { tiêuĐề: 'Vành đai 4', amountVnd: '1250000000000', list: [1, 'hai'] }, metadata: { actor: { subject: 'u', roles: ['province'] } } },
      { type: 'Accepted', data: { b: 1, a: 2 } },
    ],
    new Date('2025-07-01T00:00:00Z'),
    { maxEventBytes: 1 << 20 },
  );
  const plan = planAppend('commitment-1', prepared, 'no_stream', { lastRevision: 'no_stream', lastHash: '', recent: [] });
  if (plan.kind !== 'write') throw new Error('expected a write');
  const recorded: RecordedEvent[] = plan.events.map((e, i) => ({ ...e, position: BigInt(i + 1) }));

  it('of an appended event holds its hash, whether taken from the sealed text or from the parsed event', () => {
    expect(plan.events.map((e, i) => recordHashHolds(i === 0 ? GENESIS_HASH : plan.events[i - 1]!.hash, { ...e, position: BigInt(i + 1) }))).toEqual([true, true]);
    const parsed = recorded.map((e) => ({ ...e, data: JSON.parse(JSON.stringify(e.data)) }));
    expect(parsed.map(storedRecordOf).map((r) => r.dataJson)).toEqual(plan.events.map((e) => e.dataJson));
    expect(verifyStreamChain(parsed)).toBeNull();
  });

  it('whose data text changed in any byte no longer holds, even when it parses to the same value', () => {
    const record = storedRecordOf(recorded[1]!);
    expect(recordHashHolds(recorded[0]!.hash, record)).toBe(true);
    for (const dataJson of ['{"b":1,"a":3}', '{"b": 1,"a":2}', '{"a":2,"b":1}', '{"b":1.0,"a":2}', '{"b":1,"a":2'])
      expect(recordHashHolds(recorded[0]!.hash, { ...record, dataJson })).toBe(false);
    expect(recordHashHolds(recorded[0]!.hash, { ...record, metadataJson: record.metadataJson.replace('"schemaVersion":1', '"schemaVersion":2') })).toBe(false);
  });

  it('holds the same whether its data comes as text or as the text’s UTF-8 bytes, whatever the size', () => {
    const record = storedRecordOf(recorded[0]!);
    const bytes = { ...record, dataJson: new Uint8Array(Buffer.from(record.dataJson as string)) };
    expect(storedDataText(bytes)).toBe(record.dataJson);
    expect(recordHashHolds(GENESIS_HASH, bytes)).toBe(true);
    const changed = new Uint8Array(bytes.dataJson);
    changed[changed.indexOf(0x31)] = 0x32; // one digit of the amount
    expect(recordHashHolds(GENESIS_HASH, { ...bytes, dataJson: changed })).toBe(false);
    expect(recordHashHolds(GENESIS_HASH, { ...bytes, hash: recorded[1]!.hash })).toBe(false);

    const [large] = prepareEvents([{ type: 'Large', data: { text: 'Đồng Nai '.repeat(30_000) } }], new Date(0), { maxEventBytes: 1 << 20 });
    const sealed = planAppend('commitment-2', [large!], 'no_stream', { lastRevision: 'no_stream', lastHash: '', recent: [] });
    if (sealed.kind !== 'write') throw new Error('expected a write');
    const big = storedRecordOf({ ...sealed.events[0]!, position: 1n });
    expect(recordHashHolds(GENESIS_HASH, { ...big, dataJson: Buffer.from(big.dataJson as string) })).toBe(true);
    expect(recordHashHolds(GENESIS_HASH, bytes)).toBe(true);
  });
});
