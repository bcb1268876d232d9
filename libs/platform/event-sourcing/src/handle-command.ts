import { canonicalJson } from './canonical-json.js';
import type { Command, Decider, Event } from './decider.js';
import { ConcurrencyError } from './errors.js';
import type { EventStore, ExpectedRevision } from './event-store.js';
import type { EventSchemas } from './event-schemas.js';
import type { JsonValue, RecordedEvent } from './events.js';
import { createHash } from 'node:crypto';

export interface HandleCommandOptions {
  /** The revision the caller last saw; a stale one is a ConcurrencyError, never retried. */
  readonly expectedRevision?: bigint;
  /** Retries after a conflict when the caller gave no expectation (decide is pure, so a retry is safe). */
  readonly maxRetries?: number;
  /** Current event versions (stamped on new events) and upcasters for older ones (applied on read). */
  readonly schemas?: EventSchemas;
  /**
   * Streams folded before, so a command reads only the events appended since. Always
   * checked against the log (the tail is read, the append expects the revision), so a
   * cache that another node made stale costs a longer read, never a wrong decision.
   */
  readonly cache?: StreamCache<unknown>;
}

/** A stream as this node last folded it: its events (upcast) and the state they fold to. */
export interface CachedStream<State> {
  readonly revision: bigint;
  readonly events: readonly RecordedEvent[];
  readonly state: State;
}

/** A bounded, least-recently-used map of folded streams; one per decider. */
export class StreamCache<State> {
  private readonly entries = new Map<string, CachedStream<State>>();

  constructor(private readonly limit = 1_000) {}

  get(streamId: string): CachedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  /** Keeps the newer of what is cached and `entry`. */
  set(streamId: string, entry: CachedStream<State>): void {
    const cached = this.entries.get(streamId);
    if (cached && cached.revision >= entry.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
}

export interface CommandResult<State> {
  readonly state: State;
  /** Revision of the stream's last event after the command (-1n for an empty stream). */
  readonly revision: bigint;
  /** Global position of the last event written, or of the stream's last event when nothing was written. */
  readonly position: bigint;
  /** Events this command appended; empty for a replayed commandId or a no-op. */
  readonly appended: readonly Event[];
  /** True when the commandId had been handled before and nothing was appended. */
  readonly replayed: boolean;
  /** With a cache: the stream's events after the command (upcast), oldest first. */
  readonly events?: readonly RecordedEvent[];
}

/**
 * Read the stream, fold it, decide, append with the expected revision: the one way a
 * command changes the log. A `commandId` the same caller already used on the stream
 * returns the state as it is and appends nothing; the same key with another payload is
 * a conflict.
 */
export async function handleCommand<State, C extends Command, E extends Event>(
  store: EventStore,
  decider: Decider<State, C, E>,
  streamId: string,
  command: C,
  options: HandleCommandOptions = {},
): Promise<CommandResult<State>> {
  const fingerprint = commandFingerprint(streamId, command);
  const retries = options.expectedRevision === undefined ? (options.maxRetries ?? 5) : 0;
  for (let attempt = 0; ; attempt++) {
    const cache = options.cache as StreamCache<State> | undefined;
    const cached = cache?.get(streamId);
    const recorded = await store.readStream(streamId, cached && { fromRevision: cached.revision + 1n });
    const tail = options.schemas ? recorded.map(options.schemas.upcast) : recorded;
    const events = cached ? (tail.length ? [...cached.events, ...tail] : cached.events) : tail;
    const last = events[events.length - 1];
    const revision = last?.revision ?? -1n;
    const state = tail.reduce((s, e) => decider.evolve(s, e as unknown as E), cached ? cached.state : decider.initialState());
    if (cache && last && tail.length) cache.set(streamId, { revision, events, state });
    const earlier = command.metadata.commandId ? events.find((e) => sameKey(e, command)) : undefined;
    if (earlier) {
      if (earlier.metadata.commandFingerprint !== fingerprint)
        throw new ConcurrencyError(streamId, 'a new command', revision, `commandId ${command.metadata.commandId} was already used for a different request`);
      return { state, revision, position: last?.position ?? 0n, appended: [], replayed: true, ...(cache && { events }) };
    }
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision)
      throw new ConcurrencyError(streamId, `revision ${options.expectedRevision}`, last ? revision : 'no_stream');
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { state, revision, position: last?.position ?? 0n, appended: [], replayed: false, ...(cache && { events }) };
    const expected: ExpectedRevision = last ? revision : 'no_stream';
    try {
      const result = await store.appendToStream(
        streamId,
        decided.map((e) => ({
          type: e.type,
          data: e.data as JsonValue,
          metadata: {
            ...(options.schemas && { schemaVersion: options.schemas.version(e.type) }),
            ...e.metadata,
            actor: command.metadata.actor,
            ...(command.metadata.commandId ? { commandId: command.metadata.commandId, commandFingerprint: fingerprint } : {}),
            ...(command.metadata.correlationId ? { correlationId: command.metadata.correlationId } : {}),
          },
        })),
        { expectedRevision: expected },
      );
      const next = decided.reduce((s, e) => decider.evolve(s, e), state);
      if (!cache) return { state: next, revision: result.nextExpectedRevision, position: result.position, appended: decided, replayed: false };
      // Our own events as recorded (ids, times, positions): the expected revision made them the next ones.
      const ours = await store.readStream(streamId, { fromRevision: revision + 1n, maxCount: decided.length });
      const oursUpcast = options.schemas ? ours.map(options.schemas.upcast) : ours;
      const folded = oursUpcast.reduce((s, e) => decider.evolve(s, e as unknown as E), state);
      const all = [...events, ...oursUpcast];
      cache.set(streamId, { revision: result.nextExpectedRevision, events: all, state: folded });
      return { state: folded, revision: result.nextExpectedRevision, position: result.position, appended: decided, replayed: false, events: all };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
    }
  }
}

/** Keys belong to their caller: another caller's key is a new command, decided (and refused) on its own. */
function sameKey(event: RecordedEvent, command: Command): boolean {
  return event.metadata.commandId === command.metadata.commandId && event.metadata.actor?.subject === command.metadata.actor.subject;
}

/** Identifies a request by what it asks, so a reused commandId with other content is caught. */
export function commandFingerprint(streamId: string, command: Command): string {
  return createHash('sha256').update(canonicalJson({ streamId, type: command.type, data: command.data })).digest('base64url');
}
