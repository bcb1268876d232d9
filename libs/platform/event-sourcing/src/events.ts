/** A JSON value: what event data and metadata may hold (VND amounts travel as strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who did it: the authenticated caller behind a command. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly province?: string;
  readonly name?: string;
}

/** Metadata recorded with every event. Times are ISO 8601 strings. */
export interface EventMetadata {
  readonly actor?: Actor;
  /** Idempotency key of the command that produced the event. */
  readonly commandId?: string;
  /** Hash of what the command asked, so a commandId reused for another request is refused. */
  readonly commandFingerprint?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** When the platform learned it (set by the store at append time). */
  readonly recordedAt: string;
  /** When it happened on the ground; defaults to recordedAt. */
  readonly effectiveAt: string;
  readonly schemaVersion: number;
}

/** An event as a caller hands it to `appendToStream`. */
export interface NewEvent<Type extends string = string, Data = JsonValue> {
  /** UUID; generated (version 7, time-ordered) when absent. Re-appending the same ids is idempotent. */
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: Partial<Omit<EventMetadata, 'recordedAt'>>;
}

/** An event as the log holds it. */
export interface RecordedEvent<Type extends string = string, Data = JsonValue> {
  readonly id: string;
  readonly streamId: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** Global position in the log: strictly increasing, not necessarily contiguous. */
  readonly position: bigint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** sha256 (hex) of the previous event's hash and this event's canonical bytes. */
  readonly hash: string;
}

/** An event ready to be written: ids, metadata and hash filled in, revision decided. */
export interface SealedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  readonly hash: string;
  /** Canonical JSON of data and metadata, computed once for hashing and reused for storage. */
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** What every reader-facing view of a recorded event shows (a commitment's history, the audit trail). */
export interface EventRecordFields {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: JsonValue;
  readonly actor?: { subject: string; roles: string[]; province?: string; name?: string };
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly recordedAt: Date;
  readonly effectiveAt: Date;
  readonly hash: string;
}

export function eventRecordFields(e: RecordedEvent): EventRecordFields {
  const { actor, commandId, correlationId, causationId, recordedAt, effectiveAt } = e.metadata;
  return {
    position: e.position,
    streamId: e.streamId,
    revision: Number(e.revision),
    type: e.type,
    data: e.data,
    ...(actor && { actor: { ...actor, roles: [...actor.roles] } }),
    ...(commandId && { commandId }),
    ...(correlationId && { correlationId }),
    ...(causationId && { causationId }),
    recordedAt: new Date(recordedAt),
    effectiveAt: new Date(effectiveAt),
    hash: e.hash,
  };
}
