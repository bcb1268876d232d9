import {
  type Actor,
  canonicalJson,
  type EventMetadata,
  type JsonValue,
  type RecordedEvent,
  type SealedEvent,
  type StoredEventRecord,
} from '@council/platform/event-sourcing';

/** The columns of `events` in the order every SELECT and INSERT of this adapter uses. */
export const EVENT_COLUMNS =
  'position, id, stream_id, revision, type, data, hash, recorded_at, effective_at, schema_version, ' +
  'actor_subject, actor_province, actor_name, actor_roles, command_id, command_fingerprint, correlation_id, causation_id, metadata_extra';

/** A row read for its stored record: EVENT_COLUMNS with the data as its UTF-8 bytes. */
export type StoredRow = { [K in keyof EventRow]: K extends '5' ? Uint8Array : EventRow[K] };

/** One row as read with returnArrays, in EVENT_COLUMNS order. */
export type EventRow = [
  position: number,
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  hash: string,
  recordedAt: string,
  effectiveAt: string,
  schemaVersion: number,
  actorSubject: string | null,
  actorProvince: string | null,
  actorName: string | null,
  actorRoles: string | null,
  commandId: string | null,
  commandFingerprint: string | null,
  correlationId: string | null,
  causationId: string | null,
  metadataExtra: string | null,
];

type Column = string | number | null;

/** The values for INSERT, in EVENT_COLUMNS order without position. */
export function toColumns(e: SealedEvent): Column[] {
  const m = e.metadata;
  const actor = m.actor;
  const columnar = actor === undefined || isColumnarActor(actor);
  let extra: Record<string, unknown> | null = null;
  for (const key in m) {
    if (COLUMN_KEYS.has(key) || (key === 'actor' && columnar)) continue;
    extra ??= {};
    extra[key] = (m as unknown as Record<string, unknown>)[key];
  }
  return [
    e.id,
    e.streamId,
    Number(e.revision),
    e.type,
    e.dataJson,
    e.hash,
    m.recordedAt,
    m.effectiveAt,
    m.schemaVersion,
    columnar ? (actor?.subject ?? null) : null,
    columnar ? (actor?.province ?? null) : null,
    columnar ? (actor?.name ?? null) : null,
    columnar && actor ? actor.roles.join(',') : null,
    m.commandId ?? null,
    m.commandFingerprint ?? null,
    m.correlationId ?? null,
    m.causationId ?? null,
    extra === null ? null : canonicalJson(extra),
  ];
}

/** Metadata keys that have columns of their own (the actor too, when isColumnarActor). */
const COLUMN_KEYS = new Set(['commandId', 'commandFingerprint', 'correlationId', 'causationId', 'recordedAt', 'effectiveAt', 'schemaVersion']);

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    streamId: row[2],
    revision: BigInt(row[3]),
    position: BigInt(row[0]),
    type: row[4],
    data: JSON.parse(row[5]) as JsonValue,
    metadata: toMetadata(row),
    hash: row[6],
  };
}

function toMetadata(row: EventRow | StoredRow): EventMetadata {
  const metadata: Record<string, unknown> = row[18] === null ? {} : JSON.parse(row[18]);
  if (row[10] !== null) {
    const actor: { -readonly [K in keyof Actor]: Actor[K] } = { subject: row[10], roles: row[13] ? row[13].split(',') : [] };
    if (row[11] !== null) actor.province = row[11];
    if (row[12] !== null) actor.name = row[12];
    metadata['actor'] = actor;
  }
  if (row[14] !== null) metadata['commandId'] = row[14];
  if (row[15] !== null) metadata['commandFingerprint'] = row[15];
  if (row[16] !== null) metadata['correlationId'] = row[16];
  if (row[17] !== null) metadata['causationId'] = row[17];
  metadata['recordedAt'] = row[7];
  metadata['effectiveAt'] = row[8];
  metadata['schemaVersion'] = row[9];
  return metadata as unknown as EventMetadata;
}

/**
 * The stored record of a row, nothing parsed: the data text as written, and the canonical
 * metadata JSON written straight from the columns (keys in sorted order, each value through
 * JSON.stringify), byte for byte what canonicalJson(toRecordedEvent(row).metadata) gives.
 * A row with metadata_extra takes that general path.
 */
export function toStoredRecord(row: StoredRow): StoredEventRecord {
  return {
    position: BigInt(row[0]),
    id: row[1],
    streamId: row[2],
    revision: BigInt(row[3]),
    type: row[4],
    dataJson: row[5],
    metadataJson: row[18] === null ? columnMetadataJson(row) : canonicalJson(toMetadata(row)),
    hash: row[6],
  };
}

function columnMetadataJson(row: EventRow | StoredRow): string {
  let json = '{';
  if (row[10] !== null) {
    json += '"actor":{';
    if (row[12] !== null) json += `"name":${JSON.stringify(row[12])},`;
    if (row[11] !== null) json += `"province":${JSON.stringify(row[11])},`;
    json += `"roles":${row[13] ? JSON.stringify(row[13].split(',')) : '[]'},"subject":${JSON.stringify(row[10])}},`;
  }
  if (row[17] !== null) json += `"causationId":${JSON.stringify(row[17])},`;
  if (row[15] !== null) json += `"commandFingerprint":${JSON.stringify(row[15])},`;
  if (row[14] !== null) json += `"commandId":${JSON.stringify(row[14])},`;
  if (row[16] !== null) json += `"correlationId":${JSON.stringify(row[16])},`;
  return `${json}"effectiveAt":${JSON.stringify(row[8])},"recordedAt":${JSON.stringify(row[7])},"schemaVersion":${JSON.stringify(row[9])}}`;
}

const ACTOR_KEYS = new Set(['subject', 'roles', 'province', 'name']);

/** An actor that columns hold exactly; any other shape is kept whole in metadata_extra. */
function isColumnarActor(actor: Actor): boolean {
  return (
    typeof actor === 'object' &&
    actor !== null &&
    Object.keys(actor).every((k) => ACTOR_KEYS.has(k) && (actor as unknown as Record<string, unknown>)[k] !== undefined) &&
    typeof actor.subject === 'string' &&
    Array.isArray(actor.roles) &&
    actor.roles.every((r) => typeof r === 'string' && r.length > 0 && !r.includes(',')) &&
    (actor.province === undefined || typeof actor.province === 'string') &&
    (actor.name === undefined || typeof actor.name === 'string')
  );
}
