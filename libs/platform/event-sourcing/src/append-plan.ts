import { canonicalJson } from './canonical-json.js';
import { ConcurrencyError, EventTooLargeError, ValidationError } from './errors.js';
import type { AppendResult, ExpectedRevision } from './event-store.js';
import type { EventMetadata, NewEvent, SealedEvent } from './events.js';
import { canonicalEventBytes, chainHash, GENESIS_HASH, isUsualMetadata } from './hash-chain.js';
import { uuidV7 } from './uuid-v7.js';

/** How many of the stream's last events `planAppend` needs to see: enough to spot a re-append. */
export function tailLength(prepared: readonly PreparedEvent[]): number {
  return prepared.every((e) => e.idGenerated) ? 1 : prepared.length;
}

/** The newest events of a stream, oldest first, as an adapter read them inside its write. */
export interface StreamTail {
  /** Revision of the stream's last event, or 'no_stream'. */
  readonly lastRevision: bigint | 'no_stream';
  readonly lastHash: string;
  /** Ids and positions of up to `tailLength(events)` last events, oldest first, for the idempotency check. */
  readonly recent: readonly { id: string; revision: bigint; position: bigint }[];
}

export interface AppendLimits {
  /** Largest serialised data + metadata of one event, in bytes. */
  readonly maxEventBytes: number;
}

export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

export type AppendPlan =
  | { readonly kind: 'replay'; readonly result: AppendResult }
  | { readonly kind: 'write'; readonly events: readonly SealedEvent[]; readonly expected: bigint | 'no_stream' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected;
}

/** Assigns ids and times and checks sizes: everything about an append that needs no stream state. */
export function prepareEvents(events: readonly NewEvent[], now: Date, limits: AppendLimits): PreparedEvent[] {
  if (events.length === 0) throw new ValidationError('events', 'an append needs at least one event');
  const recordedAt = now.toISOString();
  const ms = now.getTime();
  const prepared = new Array<PreparedEvent>(events.length);
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$'))
      throw new ValidationError(`events[${index}].type`, 'must be a non-empty name not starting with $');
    const given = event.id ?? undefined;
    if (given !== undefined && (typeof given !== 'string' || !UUID.test(given)))
      throw new ValidationError(`events[${index}].id`, 'must be a UUID');
    const { metadata, metadataJson } = recordedMetadata(event.metadata, recordedAt);
    const dataJson = stringifyData(event.data, index);
    // A UTF-16 unit is at most 3 UTF-8 bytes: measure exactly only when the limit is in reach.
    if ((dataJson.length + metadataJson.length) * 3 > limits.maxEventBytes) {
      const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
      if (bytes > limits.maxEventBytes) throw new EventTooLargeError(event.type, bytes, limits.maxEventBytes);
    }
    prepared[index] = {
      id: given === undefined ? uuidV7(ms) : given.toLowerCase(),
      idGenerated: given === undefined,
      type: event.type,
      data: event.data,
      metadata,
      dataJson,
      metadataJson,
    };
  }
  return prepared;
}

/**
 * The metadata as recorded, and its canonical JSON. Built with its keys already in
 * canonical (sorted) order, so native JSON.stringify yields the canonical bytes; any
 * other shape (see isUsualMetadata) takes the general (sorting) path.
 */
function recordedMetadata(given: NewEvent['metadata'], recordedAt: string): { metadata: EventMetadata; metadataJson: string } {
  const m = (given ?? {}) as Record<string, unknown> & NonNullable<NewEvent['metadata']>;
  const usual = isUsualMetadata(m);
  const metadata: Record<string, unknown> = usual ? {} : { ...m };
  if (usual && m.actor) {
    const actor: Record<string, unknown> = {};
    if (m.actor.name !== undefined) actor['name'] = m.actor.name;
    if (m.actor.province !== undefined) actor['province'] = m.actor.province;
    actor['roles'] = m.actor.roles;
    actor['subject'] = m.actor.subject;
    metadata['actor'] = actor;
  }
  if (m.causationId !== undefined) metadata['causationId'] = m.causationId;
  if (m.commandFingerprint !== undefined) metadata['commandFingerprint'] = m.commandFingerprint;
  if (m.commandId !== undefined) metadata['commandId'] = m.commandId;
  if (m.correlationId !== undefined) metadata['correlationId'] = m.correlationId;
  metadata['effectiveAt'] = m.effectiveAt ?? recordedAt;
  metadata['recordedAt'] = recordedAt;
  metadata['schemaVersion'] = m.schemaVersion ?? 1;
  return { metadata: metadata as unknown as EventMetadata, metadataJson: usual ? JSON.stringify(metadata) : canonicalJson(metadata) };
}

function stringifyData(data: unknown, index: number): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new ValidationError(`events[${index}].data`, `is not JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new ValidationError(`events[${index}].data`, 'is missing');
  return json;
}

export interface PreparedEvent {
  readonly id: string;
  /** The store made the id, so the event cannot be a re-append of an earlier one. */
  readonly idGenerated: boolean;
  readonly type: string;
  readonly data: SealedEvent['data'];
  readonly metadata: EventMetadata;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * Decides an append against the stream's tail: an idempotent replay of events already
 * written, a concurrency error, or the sealed events (revisions and hash chain) to write.
 * Both adapters call this inside their write so they share one semantics.
 */
export function planAppend(
  streamId: string,
  prepared: readonly PreparedEvent[],
  expected: ExpectedRevision,
  tail: StreamTail,
): AppendPlan {
  const replay = matchReplay(streamId, prepared, tail);
  if (replay) return { kind: 'replay', result: replay };
  const actual = tail.lastRevision;
  const fits =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'bigint' && actual === expected);
  if (!fits) throw new ConcurrencyError(streamId, describeExpected(expected), actual);
  let previous = actual === 'no_stream' ? GENESIS_HASH : tail.lastHash;
  let revision = actual === 'no_stream' ? 0n : actual + 1n;
  const sealed = new Array<SealedEvent>(prepared.length);
  for (let i = 0; i < prepared.length; i++) {
    const { id, type, data, metadata, dataJson, metadataJson } = prepared[i]!;
    const hash = chainHash(previous, canonicalEventBytes({ streamId, revision, id, type, dataJson, metadataJson }));
    sealed[i] = { id, streamId, revision, type, data, metadata, hash, dataJson, metadataJson };
    previous = hash;
    revision += 1n;
  }
  return { kind: 'write', events: sealed, expected: actual };
}

function matchReplay(streamId: string, prepared: readonly PreparedEvent[], tail: StreamTail): AppendResult | null {
  const first = prepared[0];
  const start = tail.recent.findIndex((r) => r.id === first?.id);
  if (start < 0) return null;
  const written = tail.recent.slice(start);
  const same = written.length === prepared.length && written.every((r, i) => r.id === prepared[i]?.id);
  const last = written[written.length - 1];
  if (!same || !last)
    throw new ConcurrencyError(
      streamId,
      'a new append',
      tail.lastRevision,
      `event ${first?.id} is already recorded, but not as the same append: re-send exactly the first append's events`,
    );
  return { nextExpectedRevision: last.revision, position: last.position };
}
