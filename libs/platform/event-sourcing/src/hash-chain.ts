import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { RecordedEvent } from './events.js';

/** The hash that stands before the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The bytes an event's hash covers: everything about it except its global position.
 * `dataJson` is the data exactly as stored (`JSON.stringify`, whose output a parse and
 * stringify reproduce byte for byte); `metadataJson` is canonical (sorted keys), because
 * adapters may store metadata in another shape (SQLite keeps it in columns).
 */
export function canonicalEventBytes(e: {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
}): string {
  return `{"data":${e.dataJson},"id":${JSON.stringify(e.id)},"metadata":${e.metadataJson},"revision":"${e.revision}","streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)}}`;
}

export function chainHash(previousHash: string, canonicalBytes: string): string {
  return hash('sha256', `${previousHash}\n${canonicalBytes}`, 'hex');
}

/** Where a stream's hash chain first breaks, or null when it is intact. */
export interface ChainBreak {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly reason: string;
}

/** Verifies the events of one stream, oldest first, from revision 0. */
export function verifyStreamChain(events: Iterable<RecordedEvent>): ChainBreak | null {
  let previous = GENESIS_HASH;
  let expectedRevision = 0n;
  for (const e of events) {
    const at = { streamId: e.streamId, revision: e.revision, position: e.position };
    if (e.revision !== expectedRevision) return { ...at, reason: `revision ${expectedRevision} is missing` };
    const hash = chainHash(
      previous,
      canonicalEventBytes({ ...e, dataJson: JSON.stringify(e.data), metadataJson: canonicalJson(e.metadata) }),
    );
    if (hash !== e.hash) return { ...at, reason: 'hash does not match the event and its predecessor' };
    previous = e.hash;
    expectedRevision += 1n;
  }
  return null;
}
