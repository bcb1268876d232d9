import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { EventMetadata, RecordedEvent } from './events.js';

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

/**
 * An event as the log stores it: the text its hash covers, unparsed. `dataJson` is the data
 * byte for byte as appended (the store writes JSON.stringify's text and hashes that very
 * text), as a string or as its UTF-8 bytes, whichever the adapter holds (bytes spare a
 * decode on reading and an encode on hashing); `metadataJson` is the canonical metadata.
 */
export interface StoredEventRecord {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly dataJson: string | Uint8Array;
  readonly metadataJson: string;
  readonly hash: string;
}

/** The stored record of a parsed event: what an adapter that keeps no text gives back. */
export function storedRecordOf(e: RecordedEvent): StoredEventRecord {
  return {
    position: e.position,
    streamId: e.streamId,
    revision: e.revision,
    id: e.id,
    type: e.type,
    dataJson: JSON.stringify(e.data),
    metadataJson: canonicalMetadataJson(e.metadata),
    hash: e.hash,
  };
}

const utf8 = new TextDecoder('utf-8');

/** A record's data text, whether the adapter gave it as text or as UTF-8 bytes. */
export function storedDataText(r: Pick<StoredEventRecord, 'dataJson'>): string {
  return typeof r.dataJson === 'string' ? r.dataJson : utf8.decode(r.dataJson);
}

/** Where the bytes of one hash are put together; grown for large events. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Whether a record's hash is the one its predecessor's hash and its own bytes give. */
export function recordHashHolds(previousHash: string, r: StoredEventRecord): boolean {
  const data = r.dataJson;
  if (typeof data === 'string') return chainHash(previousHash, canonicalEventBytes(r as StoredEventRecord & { dataJson: string })) === r.hash;
  // The same bytes as chainHash(previousHash, canonicalEventBytes(r)), with the stored data
  // bytes copied in as they are instead of decoded to a string and encoded again.
  const rest = `,"id":${JSON.stringify(r.id)},"metadata":${r.metadataJson},"revision":"${r.revision}","streamId":${JSON.stringify(r.streamId)},"type":${JSON.stringify(r.type)}}`;
  const most = 3 * (previousHash.length + rest.length) + data.length + 16;
  if (most > scratch.length) scratch = Buffer.allocUnsafe(2 * most);
  let at = scratch.write(`${previousHash}\n{"data":`, 0, 'utf8');
  scratch.set(data, at);
  at += data.length;
  at += scratch.write(rest, at, 'utf8');
  return hash('sha256', scratch.subarray(0, at), 'hex') === r.hash;
}

const METADATA_KEYS = new Set(['actor', 'causationId', 'commandFingerprint', 'commandId', 'correlationId', 'effectiveAt', 'recordedAt', 'schemaVersion']);
const ACTOR_KEYS = new Set(['name', 'province', 'roles', 'subject']);

/** A value whose JSON.stringify text is its canonical JSON text (or that both leave out). */
function scalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

function onlyKeys(object: object, keys: ReadonlySet<string>): boolean {
  for (const key in object) if (!keys.has(key)) return false;
  return true;
}

/**
 * Metadata of the usual shape: only the platform's keys, scalar values, an actor of
 * scalars with a list of string roles (or none). For such metadata, the keys written in
 * sorted order and JSON.stringify give exactly canonicalJson's bytes; for any other shape
 * only canonicalJson does.
 */
export function isUsualMetadata(m: Record<string, unknown>): boolean {
  if (!onlyKeys(m, METADATA_KEYS)) return false;
  if (!scalar(m['causationId']) || !scalar(m['commandFingerprint']) || !scalar(m['commandId']) || !scalar(m['correlationId'])) return false;
  if (!scalar(m['effectiveAt']) || !scalar(m['recordedAt']) || !scalar(m['schemaVersion'])) return false;
  const a = m['actor'] as Record<string, unknown> | null | undefined;
  if (a === undefined) return true;
  if (typeof a !== 'object' || a === null || !onlyKeys(a, ACTOR_KEYS)) return false;
  if (!scalar(a['name']) || !scalar(a['province']) || !scalar(a['subject'])) return false;
  const roles = a['roles'];
  return roles === undefined || (Array.isArray(roles) && roles.every((r) => typeof r === 'string'));
}

/** canonicalJson(metadata), 5× faster for the usual shape (see isUsualMetadata); any other takes the general path. */
export function canonicalMetadataJson(m: EventMetadata): string {
  if (!isUsualMetadata(m as unknown as Record<string, unknown>)) return canonicalJson(m);
  const a = m.actor;
  return JSON.stringify({
    actor: a && { name: a.name, province: a.province, roles: a.roles, subject: a.subject },
    causationId: m.causationId,
    commandFingerprint: m.commandFingerprint,
    commandId: m.commandId,
    correlationId: m.correlationId,
    effectiveAt: m.effectiveAt,
    recordedAt: m.recordedAt,
    schemaVersion: m.schemaVersion,
  });
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
    if (!recordHashHolds(previous, storedRecordOf(e))) return { ...at, reason: 'hash does not match the event and its predecessor' };
    previous = e.hash;
    expectedRevision += 1n;
  }
  return null;
}
