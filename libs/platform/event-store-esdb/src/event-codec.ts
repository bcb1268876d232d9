import type { EventData, JSONType } from '@kurrent/kurrentdb-client';
import type { EventMetadata, JsonValue, RecordedEvent, SealedEvent } from '@council/platform/event-sourcing';

/** Metadata key that carries the event's hash-chain link next to the platform's own metadata. */
export const HASH_KEY = '$hash';
const HASH = /^[0-9a-f]{64}$/;
const encoder = new TextEncoder();

/** What the codec needs of an event the client read (stream reads, `$all` reads and subscriptions alike). */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: { readonly commit: bigint };
}

export interface ResolvedStoredEvent {
  readonly event?: StoredEvent;
  readonly commitPosition?: bigint;
}

/** An event in the log that this adapter did not write (no JSON data, or no `$hash` in its metadata). */
export class UnreadableEventError extends Error {
  constructor(event: StoredEvent, reason: string) {
    super(`event ${event.id} in stream ${event.streamId} at revision ${event.revision} is not a platform event: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

/**
 * One sealed event as the client writes it: data as JSON (content type application/json,
 * so the server and its UI can read it), metadata as the exact bytes of the canonical
 * metadata with `$hash` added. `$` sorts before every letter, so the bytes stay canonical.
 */
export function toEventData(event: SealedEvent): EventData {
  if (!event.metadataJson.startsWith('{"')) throw new TypeError('metadata must be a non-empty JSON object');
  const metadata = `{${JSON.stringify(HASH_KEY)}:${JSON.stringify(event.hash)},${event.metadataJson.slice(1)}`;
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // The client serialises JSON data itself; a top-level scalar is valid JSON too.
    data: event.data as JSONType,
    // A plain Uint8Array (not a Buffer): the client stores only that type byte for byte.
    metadata: encoder.encode(metadata),
  };
}

/** System events (`$`-typed, or in a `$` stream) belong to the server, never to the platform. */
export function isSystemEvent(event: StoredEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** The event's global position: its commit position in the transaction log. */
export function positionOf(resolved: ResolvedStoredEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

/** Turns a read event back into exactly the `RecordedEvent` that was appended. */
export function decodeEvent(resolved: ResolvedStoredEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new TypeError('EventStoreDB returned a read result without an event');
  const position = positionOf(resolved);
  if (position === undefined)
    throw new UnreadableEventError(event, 'the server reported no position (KurrentDB 22.6 or later is required)');
  if (!event.isJson) throw new UnreadableEventError(event, 'its data is not JSON');
  const { hash, metadata } = splitMetadata(event);
  return {
    id: event.id.toLowerCase(),
    streamId: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data as JsonValue,
    metadata,
    hash,
  };
}

function splitMetadata(event: StoredEvent): { hash: string; metadata: EventMetadata } {
  const raw = event.metadata;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw instanceof Uint8Array)
    throw new UnreadableEventError(event, 'its metadata is not a JSON object');
  const { [HASH_KEY]: hash, ...metadata } = raw as Record<string, unknown>;
  if (typeof hash !== 'string' || !HASH.test(hash)) throw new UnreadableEventError(event, `its metadata has no valid ${HASH_KEY}`);
  return { hash, metadata: metadata as unknown as EventMetadata };
}
