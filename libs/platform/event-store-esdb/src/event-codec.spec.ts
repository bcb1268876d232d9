import { describe, expect, it } from '@jest/globals';
import {
  type ExpectedRevision,
  type SealedEvent,
  type StreamTail,
  GENESIS_HASH,
  canonicalJson,
  planAppend,
  prepareEvents,
  verifyStreamChain,
} from '@council/platform/event-sourcing';
import { randomUUID } from 'node:crypto';
import { type StoredEvent, UnreadableEventError, decodeEvent, isSystemEvent, toEventData } from './event-codec.js';

const EMPTY: StreamTail = { lastRevision: 'no_stream', lastHash: GENESIS_HASH, recent: [] };

function seal(expected: ExpectedRevision = 'no_stream'): SealedEvent[] {
  const prepared = prepareEvents(
    [
      { id: randomUUID(), type: 'ProgressReported', data: { value: 12.5, disbursedVnd: '2500000000000', '10': 'a', '9': 'b' } },
      { type: 'Titled', data: 'Bà Rịa – Vũng Tàu \u0000 🚧', metadata: { actor: { subject: 'Nguyễn Thị Ánh', roles: [] } } },
    ],
    new Date('2024-07-01T00:00:00Z'),
    { maxEventBytes: 1024 * 1024 },
  );
  const plan = planAppend('commitment-1', prepared, expected, EMPTY);
  if (plan.kind !== 'write') throw new Error('expected a write');
  return [...plan.events];
}

/** What the server keeps and the client hands back: JSON data re-parsed, metadata bytes parsed as JSON. */
function storedAndRead(event: SealedEvent, position: bigint): StoredEvent {
  const written = toEventData(event);
  return {
    id: written.id.toUpperCase(),
    streamId: event.streamId,
    revision: event.revision,
    type: written.type,
    isJson: written.contentType === 'application/json',
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(Buffer.from(written.metadata as Uint8Array).toString('utf8')),
    position: { commit: position },
  };
}

describe('an appended event stored on EventStoreDB and read back', () => {
  it('comes back as exactly the recorded event, hash chain intact', () => {
    const sealed = seal();
    const read = sealed.map((e, i) => decodeEvent({ event: storedAndRead(e, 100n + BigInt(i)) }));
    expect(read).toEqual(
      sealed.map((e, i) => ({
        id: e.id,
        streamId: e.streamId,
        revision: e.revision,
        position: 100n + BigInt(i),
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        hash: e.hash,
      })),
    );
    expect(verifyStreamChain(read)).toBeNull();
  });

  it('keeps its metadata as canonical JSON bytes with $hash first, in a plain Uint8Array', () => {
    const [event] = seal();
    const metadata = toEventData(event!).metadata as Uint8Array;
    expect(metadata.constructor).toBe(Uint8Array);
    const text = Buffer.from(metadata).toString('utf8');
    expect(text).toBe(canonicalJson({ ...event!.metadata, $hash: event!.hash }));
    expect(text.startsWith(`{"$hash":"${event!.hash}",`)).toBe(true);
  });

  it('takes the position from the resolved event when the record has none', () => {
    const [event] = seal();
    const { position: _position, ...record } = storedAndRead(event!, 7n);
    expect(decodeEvent({ event: record, commitPosition: 42n }).position).toBe(42n);
  });
});

describe('an event this adapter did not write', () => {
  const [event] = seal();
  const base = storedAndRead(event!, 1n);

  it.each<[string, Partial<StoredEvent>, RegExp]>([
    ['binary data', { isJson: false }, /its data is not JSON/],
    ['no metadata', { metadata: undefined }, /its metadata is not a JSON object/],
    ['metadata without $hash', { metadata: { recordedAt: '2024-07-01T00:00:00Z' } }, /no valid \$hash/],
    ['a malformed $hash', { metadata: { $hash: 'abc' } }, /no valid \$hash/],
  ])('with %s is refused by name', (_, change, message) => {
    expect(() => decodeEvent({ event: { ...base, ...change } })).toThrow(UnreadableEventError);
    expect(() => decodeEvent({ event: { ...base, ...change } })).toThrow(message);
  });

  it('is a system event when its type or its stream starts with $', () => {
    expect(isSystemEvent({ ...base, type: '$>' })).toBe(true);
    expect(isSystemEvent({ ...base, streamId: '$ce-commitment' })).toBe(true);
    expect(isSystemEvent(base)).toBe(false);
  });
});
