import { chainHash, GENESIS_HASH, type JsonValue, type RecordedEvent, ValidationError } from '@council/platform/event-sourcing';

/** The stream that holds the log's seals, one LogSealed event per seal. */
export const SEAL_STREAM = 'audit-seals';

/** The log hash of an empty log: where the chain over every event hash starts. */
export const EMPTY_LOG_HASH = GENESIS_HASH;

/** What a seal says about the log: the first `eventCount` events, up to `position`, hash to `logHash`. */
export interface LogState {
  readonly position: bigint;
  readonly eventCount: bigint;
  /** sha256 chain over the hashes of every event, in log order. */
  readonly logHash: string;
}

/** A seal as recorded in SEAL_STREAM and handed to parties outside the platform. */
export interface Seal extends LogState {
  readonly sequence: number;
  /** The hash of the seal before it (64 zeros for the first). */
  readonly previous: string;
  readonly hash: string;
  readonly sealedAt: string;
}

export type LogSealed = { readonly type: 'LogSealed'; readonly data: SealData };
export type SealData = {
  readonly sequence: number;
  readonly position: string;
  readonly eventCount: string;
  readonly logHash: string;
  readonly previous: string;
  readonly hash: string;
  readonly sealedAt: string;
};

/** Extends the log hash by one event: logHash(n) = sha256(logHash(n-1) "\n" hash of event n). */
export function extendLogHash(state: LogState, event: Pick<RecordedEvent, 'position' | 'hash'>): LogState {
  return { position: event.position, eventCount: state.eventCount + 1n, logHash: chainHash(state.logHash, event.hash) };
}

export const emptyLog = (): LogState => ({ position: 0n, eventCount: 0n, logHash: EMPTY_LOG_HASH });

/**
 * seal(n) = sha256(seal(n-1) "\n" "seal" count logHash). The count, not the position, is
 * hashed: positions are the store's (EventStoreDB's are commit positions), the count and
 * the order of events are the log's own, so a seal still holds after export and import.
 */
export function sealHash(previous: string, state: Pick<LogState, 'eventCount' | 'logHash'>): string {
  return chainHash(previous, `seal ${state.eventCount} ${state.logHash}`);
}

/** The next seal after `previous` (null: the first) over the log as it stands in `state`. */
export function nextSeal(previous: Seal | null, state: LogState, sealedAt: Date): Seal {
  const previousHash = previous?.hash ?? GENESIS_HASH;
  return {
    sequence: (previous?.sequence ?? 0) + 1,
    ...state,
    previous: previousHash,
    hash: sealHash(previousHash, state),
    sealedAt: sealedAt.toISOString(),
  };
}

export function sealData(seal: Seal): SealData {
  return { ...seal, position: String(seal.position), eventCount: String(seal.eventCount) };
}

/** The seal a LogSealed event records; null when the event is not a well-formed seal. */
export function sealOf(event: Pick<RecordedEvent, 'type' | 'data'>): Seal | null {
  if (event.type !== 'LogSealed' || typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) return null;
  const d = event.data as Record<string, JsonValue>;
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const [position, count, logHash, previous, hash, sealedAt] = ['position', 'eventCount', 'logHash', 'previous', 'hash', 'sealedAt'].map(text);
  if (typeof d['sequence'] !== 'number' || !position || !count || !logHash || !previous || !hash || !sealedAt) return null;
  if (!/^\d+$/.test(position) || !/^\d+$/.test(count)) return null;
  return { sequence: d['sequence'], position: BigInt(position), eventCount: BigInt(count), logHash, previous, hash, sealedAt };
}

/** A seal as handed outside the platform: its hash and the position it covers. */
export interface SealRef {
  readonly hash: string;
  readonly position: bigint;
}

/** `hash@position`, the way a seal is printed and given back to `verify --seal`. */
export const sealReference = (seal: Pick<Seal, 'hash' | 'position'>): string => `${seal.hash}@${seal.position}`;

export function parseSealReference(text: string): SealRef {
  const match = /^([0-9a-f]{64})@(\d+)$/i.exec(text.trim());
  if (!match) throw new ValidationError('seal', `"${text}" is not a seal reference (64 hex digits @ position)`);
  return { hash: match[1]!.toLowerCase(), position: BigInt(match[2]!) };
}
