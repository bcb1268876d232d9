import { canonicalMetadataJson, GENESIS_HASH, type RecordedEvent, recordHashHolds, type StoredEventRecord, storedRecordOf } from '@council/platform/event-sourcing';
import { emptyLog, extendLogHash, type LogState, SEAL_STREAM, type Seal, sealHash, sealOf, type SealRef } from '../seal/seal.js';

export type ProblemKind = 'hash' | 'revision' | 'position' | 'seal' | 'outside-seal';

/** Something wrong with the log, located at the first event it concerns. */
export interface IntegrityProblem {
  readonly kind: ProblemKind;
  /** The event's global position (for a seal: the LogSealed event; for an outside seal: the sealed position). */
  readonly position: bigint;
  readonly streamId: string | null;
  readonly revision: bigint | null;
  readonly message: string;
}

export interface SealCheck {
  readonly sequence: number | null;
  readonly position: bigint;
  readonly hash: string;
  /** Whether it was handed in from outside (`verify --seal`) rather than read from the log. */
  readonly outside: boolean;
  readonly ok: boolean;
}

export interface LogReport {
  readonly ok: boolean;
  readonly events: bigint;
  readonly streams: number;
  readonly headPosition: bigint;
  /** The log hash over every event: what a seal at the head would cover. */
  readonly logHash: string;
  readonly seals: readonly SealCheck[];
  /** In log order, the first bad event first; at most `maxProblems`. */
  readonly problems: readonly IntegrityProblem[];
  readonly moreProblems: boolean;
}

export interface LogVerifierOptions {
  /** The seals the log holds (SEAL_STREAM read beforehand), to check against a recomputation. */
  readonly seals: readonly RecordedEvent[];
  /** Seals held outside the platform (`hash@position`). */
  readonly outside?: readonly SealRef[];
  /** Whether the store numbers positions 1, 2, 3… (SQLite) so that a gap means a missing event. */
  readonly contiguousPositions: boolean;
  readonly maxProblems?: number;
}

interface StreamCursor {
  next: bigint;
  hash: string;
}

/**
 * Checks a log fed to it event by event, in log order, in constant memory per stream:
 * each stream's hash chain and revisions, positions, and every seal (recorded in the log
 * or held outside) against the log hash recomputed from the events themselves.
 *
 * Fed stored records (`EventStore.readAllRecords`), it hashes the data text exactly as
 * stored, so any change to those bytes breaks the chain, even one that parses to the
 * same value (white space, `1.0` for `1`, reordered keys); fed parsed events (`add`, as
 * an import does), it hashes their JSON.stringify text, which is the stored text for
 * every event the store wrote.
 */
export class LogVerifier {
  private readonly streams = new Map<string, StreamCursor>();
  private readonly problems: IntegrityProblem[] = [];
  private more = false;
  private state: LogState = emptyLog();
  /** Positions a seal covers → the log state just after them, filled in as the pass goes by. */
  private readonly wanted = new Map<bigint, LogState | null>();
  private readonly pendingPositions: bigint[];
  private readonly recordedSeals: { seal: Seal | null; event: RecordedEvent }[];
  private sealEventsSeen = 0;

  constructor(private readonly options: LogVerifierOptions) {
    this.recordedSeals = options.seals.map((event) => ({ seal: sealOf(event), event }));
    for (const { seal } of this.recordedSeals) if (seal) this.wanted.set(seal.position, null);
    for (const ref of options.outside ?? []) this.wanted.set(ref.position, null);
    this.pendingPositions = [...this.wanted.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Checks the next event of the log, given parsed. */
  add(e: RecordedEvent): void {
    this.addRecord(storedRecordOf(e));
  }

  /** Checks the next event of the log, given as stored. */
  addRecord(e: StoredEventRecord): void {
    this.checkPosition(e);
    if (this.pendingPositions.length > 0) this.snapshotBefore(e.position);
    this.checkChain(e);
    if (e.streamId === SEAL_STREAM) this.sealEventsSeen++;
    this.state = extendLogHash(this.state, e);
    if (this.wanted.size > 0 && this.wanted.has(e.position)) this.wanted.set(e.position, this.state);
  }

  /** Problems found so far, in the order found (an import stops at the first). */
  problemsSoFar(): readonly IntegrityProblem[] {
    return this.problems;
  }

  finish(): LogReport {
    this.snapshotBefore(null);
    if (this.sealEventsSeen !== this.options.seals.length)
      this.report({ kind: 'seal', position: this.state.position, streamId: SEAL_STREAM, revision: null, message: `the pass met ${this.sealEventsSeen} seal events but ${SEAL_STREAM} reads ${this.options.seals.length}` });
    const seals = this.checkSeals();
    this.problems.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return {
      ok: this.problems.length === 0,
      events: this.state.eventCount,
      streams: this.streams.size,
      headPosition: this.state.position,
      logHash: this.state.logHash,
      seals,
      problems: [...this.problems],
      moreProblems: this.more,
    };
  }

  private checkPosition(e: StoredEventRecord): void {
    const last = this.state.position;
    if (this.state.eventCount > 0n && e.position <= last)
      this.report({ ...where(e), kind: 'position', message: `position ${e.position} comes after ${last}: the log is out of order` });
    else if (this.options.contiguousPositions && e.position !== last + 1n)
      this.report({ ...where(e), kind: 'position', message: e.position === last + 2n ? `position ${last + 1n} is missing` : `positions ${last + 1n}–${e.position - 1n} are missing` });
  }

  private checkChain(e: StoredEventRecord): void {
    const cursor = this.streams.get(e.streamId);
    const next = cursor?.next ?? 0n;
    if (e.revision !== next) {
      const message = e.revision > next ? `revision ${next} of ${e.streamId} is missing (found ${e.revision})` : `revision ${e.revision} of ${e.streamId} appears again, or out of order (expected ${next})`;
      this.report({ ...where(e), kind: 'revision', message });
    } else if (!recordHashHolds(cursor?.hash ?? GENESIS_HASH, e)) {
      this.report({ ...where(e), kind: 'hash', message: 'the stored hash does not match the event’s content and its predecessor’s hash: the event or the one before it in the stream was changed' });
    }
    // Go on from what the event claims, so one bad event is reported once, not for the rest of its stream.
    if (cursor) {
      cursor.next = e.revision + 1n;
      cursor.hash = e.hash;
    } else this.streams.set(e.streamId, { next: e.revision + 1n, hash: e.hash });
  }

  /** Records the log state for sealed positions the pass has just gone past without meeting them (gaps, removed events). */
  private snapshotBefore(position: bigint | null): void {
    while (this.pendingPositions.length > 0 && (position === null || this.pendingPositions[0]! < position)) {
      const p = this.pendingPositions.shift()!;
      if (this.wanted.get(p) === null) this.wanted.set(p, { ...this.state, position: p });
    }
    if (position !== null && this.pendingPositions[0] === position) this.pendingPositions.shift();
  }

  private checkSeals(): SealCheck[] {
    const checks: SealCheck[] = [];
    const recomputed: { position: bigint; hash: string }[] = [];
    let previous = GENESIS_HASH;
    for (const { seal, event } of this.recordedSeals) {
      if (!seal) {
        this.report({ ...where(event), kind: 'seal', message: `${event.type} at revision ${event.revision} of ${SEAL_STREAM} is not a seal` });
        continue;
      }
      const state = this.wanted.get(seal.position)!;
      const expected = sealHash(previous, state);
      const wrong = [
        seal.previous !== previous && 'it does not chain to the seal before it',
        seal.eventCount !== state.eventCount && `it covers ${seal.eventCount} events, the log holds ${state.eventCount} up to position ${seal.position}`,
        seal.logHash !== state.logHash && 'its log hash differs from the events up to its position',
        seal.hash !== expected && 'its hash differs from the one recomputed from the log',
      ].filter((w): w is string => typeof w === 'string');
      if (wrong.length > 0) this.report({ ...where(event), kind: 'seal', message: `seal ${seal.sequence} (position ${seal.position}): ${wrong.join('; ')}` });
      checks.push({ sequence: seal.sequence, position: seal.position, hash: seal.hash, outside: false, ok: wrong.length === 0 });
      recomputed.push({ position: seal.position, hash: expected });
      previous = expected;
    }
    for (const ref of this.options.outside ?? []) checks.push(this.checkOutside(ref, recomputed));
    return checks;
  }

  private checkOutside(ref: SealRef, recomputed: readonly { position: bigint; hash: string }[]): SealCheck {
    const at = { kind: 'outside-seal' as const, position: ref.position, streamId: null, revision: null };
    const state = this.wanted.get(ref.position)!;
    const inLog = recomputed.find((s) => s.position === ref.position);
    const previous = [...recomputed].reverse().find((s) => s.position < ref.position)?.hash ?? GENESIS_HASH;
    const hash = inLog?.hash ?? sealHash(previous, state);
    let ok = hash === ref.hash;
    if (this.state.position < ref.position) {
      ok = false;
      this.report({ ...at, message: `the log ends at position ${this.state.position}, before the sealed position ${ref.position}: events were removed` });
    } else if (!ok) {
      this.report({ ...at, message: `the log up to position ${ref.position} no longer hashes to the seal held outside (${ref.hash.slice(0, 12)}…): it was changed, reordered or rewritten` });
    } else if (!inLog) {
      ok = false;
      this.report({ ...at, message: `the seal at position ${ref.position} held outside is missing from ${SEAL_STREAM}: its LogSealed event was removed` });
    }
    return { sequence: null, position: ref.position, hash: ref.hash, outside: true, ok };
  }

  private report(problem: IntegrityProblem): void {
    if (this.problems.length >= (this.options.maxProblems ?? 100)) this.more = true;
    else this.problems.push(problem);
  }
}

/** canonicalJson(metadata): the metadata bytes an event's hash covers. */
export const metadataJson = canonicalMetadataJson;

const where = (e: Pick<StoredEventRecord, 'position' | 'streamId' | 'revision'>) => ({ position: e.position, streamId: e.streamId, revision: e.revision });
