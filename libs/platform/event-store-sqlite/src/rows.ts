import {
  type Actor,
  canonicalJson,
  type EventMetadata,
  type JsonValue,
  type RecordedEvent,
  type SealedEvent,
} from '@council/platform/event-sourcing';

/** The columns of `events` in the order every SELECT and INSERT of this adapter uses. */
export const EVENT_COLUMNS =
  'position, id, stream_id, revision, type, data, hash, recorded_at, effective_at, schema_version, ' +
  'actor_subject, actor_province, actor_name, actor_roles, command_id, command_fingerprint, correlation_id, causation_id, metadata_extra';

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
  const { actor, commandId, commandFingerprint, correlationId, causationId, recordedAt, effectiveAt, schemaVersion, ...rest } =
    e.metadata;
  const columnar = actor === undefined || isColumnarActor(actor);
  const extra = columnar ? rest : { ...rest, actor };
  return [
    e.id,
    e.streamId,
    Number(e.revision),
    e.type,
    e.dataJson,
    e.hash,
    recordedAt,
    effectiveAt,
    schemaVersion,
    columnar ? (actor?.subject ?? null) : null,
    columnar ? (actor?.province ?? null) : null,
    columnar ? (actor?.name ?? null) : null,
    columnar && actor ? actor.roles.join(',') : null,
    commandId ?? null,
    commandFingerprint ?? null,
    correlationId ?? null,
    causationId ?? null,
    Object.keys(extra).length > 0 ? canonicalJson(extra) : null,
  ];
}

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

function toMetadata(row: EventRow): EventMetadata {
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
