import {
  BACKWARDS,
  END,
  FORWARDS,
  type AppendResult as ClientAppendResult,
  KurrentDBClient,
  NO_STREAM,
  type ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  type AllFilter,
  type AppendOptions,
  type AppendResult,
  type Clock,
  ConcurrencyError,
  DEFAULT_MAX_EVENT_BYTES,
  describeExpected,
  EventStore,
  type ExpectedRevision,
  GENESIS_HASH,
  type NewEvent,
  type PreparedEvent,
  type ReadAllOptions,
  type ReadRecordsOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SealedEvent,
  type StoredEventRecord,
  type StoreHealth,
  StoreUnavailableError,
  type StreamTail,
  type SubscribeOptions,
  SystemClock,
  ValidationError,
  planAppend,
  tailLength,
  prepareEvents,
} from '@council/platform/event-sourcing';
import { matchesFilter, serverFilter } from './all-filter.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { decodeEvent, isSystemEvent, positionOf, type ResolvedStoredEvent, toEventData } from './event-codec.js';
import { messageOf, toStoreError } from './store-errors.js';

export interface EsdbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`, or several hosts for a cluster. */
  readonly connectionString: string;
  readonly clock?: Clock;
  readonly maxEventBytes?: number;
  /** Re-plans after a concurrent write when the expectation was `any` or `stream_exists`. Default 5. */
  readonly maxAppendRetries?: number;
}

const ADAPTER = 'eventstoredb';
const PAGE_SIZE = 1_000;

/**
 * The event log on EventStoreDB / KurrentDB (@kurrent/kurrentdb-client). The kernel's
 * `planAppend` decides every append from the stream's tail; the server then enforces the
 * exact revision the plan chained its hashes from. See docs/event-store-esdb.md.
 */
export class EsdbEventStore extends EventStore {
  private readonly client: KurrentDBClient;
  private readonly clock: Clock;
  private readonly maxEventBytes: number;
  private readonly maxAppendRetries: number;
  private readonly nodes: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closing: Promise<void> | undefined;

  constructor(options: EsdbEventStoreOptions) {
    super();
    const connectionString = withCurrentScheme(options.connectionString);
    this.client = KurrentDBClient.connectionString(connectionString);
    this.clock = options.clock ?? new SystemClock();
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.maxAppendRetries = options.maxAppendRetries ?? 5;
    this.nodes = hostsOf(connectionString);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.ensureOpen();
    checkStreamId(streamId);
    const prepared = prepareEvents(events, this.clock.now(), { maxEventBytes: this.maxEventBytes });
    return this.track(this.append(streamId, prepared, options.expectedRevision ?? 'any'));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    if (options.fromRevision !== undefined && options.fromRevision < 0n)
      throw new ValidationError('fromRevision', 'must not be negative');
    return this.fetchStream(streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    try {
      for await (const event of this.scanAll(options, Math.min(limit + 1, PAGE_SIZE))) {
        events.push(event);
        if (events.length >= limit) break;
      }
    } catch (error) {
      throw toStoreError(error, 'reading $all');
    }
    return events;
  }

  /**
   * The client parses every JSON event it reads and hands out no bytes, so the stored text
   * is rebuilt from the parsed event: JSON.stringify of the data gives back exactly what the
   * client wrote (it wrote JSON.stringify's text of the same data), and the metadata's
   * canonical JSON is what this adapter wrote after `$hash`.
   */
  override async readAllRecords(options: ReadRecordsOptions = {}): Promise<StoredEventRecord[]> {
    this.ensureOpen();
    return super.readAllRecords(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const subscription: CatchUpSubscription = new CatchUpSubscription(
      {
        open: (after) => {
          this.ensureOpen();
          return this.client.subscribeToAll({ fromPosition: startAfter(after), filter: serverFilter(options.filter) });
        },
        select: (resolved) => this.select(resolved, options.filter),
      },
      options.after,
      options.signal,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const [newest] = await this.readAll({ direction: 'backwards', maxCount: 1 });
    return newest?.position ?? 0n;
  }

  /** A one-event read of the end of `$all`: proves a node answers, costs next to nothing. */
  async health(): Promise<StoreHealth> {
    if (this.closing) return { up: false, adapter: ADAPTER, details: { nodes: this.nodes, reason: 'closed' } };
    const started = performance.now();
    try {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
      return { up: true, adapter: ADAPTER, details: { nodes: this.nodes, latencyMs: Math.round(performance.now() - started) } };
    } catch (error) {
      return { up: false, adapter: ADAPTER, details: { nodes: this.nodes, reason: messageOf(error) } };
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    for (const subscription of [...this.subscriptions]) subscription.stop();
    await Promise.allSettled([...this.inFlight]);
    await this.client.dispose();
  }

  private ensureOpen(): void {
    if (this.closing) throw new StoreUnavailableError('the event store is closed');
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const settled = () => this.inFlight.delete(work);
    work.then(settled, settled);
    return work;
  }

  /**
   * Plans against the tail and writes at the exact revision the plan chained from. When
   * another writer got there first, an `any` / `stream_exists` append re-plans on the new
   * tail (bounded); an exact or `no_stream` expectation has failed, as on SQLite.
   */
  private async append(streamId: string, prepared: readonly PreparedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const retries = expected === 'any' || expected === 'stream_exists' ? this.maxAppendRetries : 0;
    for (let attempt = 0; ; attempt++) {
      const plan = planAppend(streamId, prepared, expected, await this.readTail(streamId, tailLength(prepared)));
      if (plan.kind === 'replay') return plan.result;
      try {
        return await this.write(streamId, plan.events, plan.expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw toStoreError(error, `appending to ${streamId}`);
        if (attempt >= retries) throw conflict(streamId, expected, error, attempt + 1);
      }
    }
  }

  private async write(streamId: string, events: readonly SealedEvent[], expected: bigint | 'no_stream'): Promise<AppendResult> {
    const streamState = expected === 'no_stream' ? NO_STREAM : expected;
    const result = await this.client.appendToStream(streamId, events.map(toEventData), { streamState });
    // Only when the connection string sets throwOnAppendFailure=false does a conflict come back as a result.
    if (!result.success)
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected: streamState, current: 'no_stream' });
    return { nextExpectedRevision: result.nextExpectedRevision, position: await this.lastPosition(streamId, result) };
  }

  /**
   * The `$all` position of the append's last event, read back from the stream: the reply's
   * position is the write's commit record, not documented to be the last event's position,
   * and a replayed append must answer exactly what the first one did.
   */
  private async lastPosition(streamId: string, result: ClientAppendResult): Promise<bigint> {
    const [last] = await this.fetchStream(streamId, { fromRevision: result.nextExpectedRevision, maxCount: 1 });
    const position = last?.position ?? result.position?.commit;
    if (position === undefined) throw new StoreUnavailableError(`EventStoreDB did not report where ${streamId} was written`);
    return position;
  }

  private async readTail(streamId: string, count: number): Promise<StreamTail> {
    const newestFirst = await this.fetchStream(streamId, { direction: 'backwards', maxCount: Math.max(count, 1) });
    const last = newestFirst[0];
    if (!last) return { lastRevision: 'no_stream', lastHash: GENESIS_HASH, recent: [] };
    const recent = newestFirst.map((e) => ({ id: e.id, revision: e.revision, position: e.position })).reverse();
    return { lastRevision: last.revision, lastHash: last.hash, recent };
  }

  /** Reads a stream without the open check, so appends already under way can finish during close(). */
  private async fetchStream(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount,
      });
      for await (const resolved of read) events.push(decodeEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error, `reading ${streamId}`);
    }
    return events;
  }

  /**
   * `$all` in order, strictly after `after` (or before `before`), page by page until a
   * page brings nothing new: the client-side part of the filter may thin a page out, a
   * filtered server read may stop early at its search window, and forwards reads include
   * their start position.
   */
  private async *scanAll(options: ReadAllOptions, pageSize: number): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const filter = serverFilter(options.filter);
    let cursor = backwards ? options.before : options.after;
    for (let moved = true; moved; ) {
      moved = false;
      const fromPosition = backwards ? startBefore(cursor) : startAfter(cursor);
      const page = this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition, maxCount: pageSize, filter });
      for await (const resolved of page) {
        const position = positionOf(resolved);
        if (position === undefined || !beyond(position, cursor, backwards)) continue;
        cursor = position;
        moved = true;
        const event = this.select(resolved, options.filter);
        if (event) yield event;
      }
    }
  }

  /** The platform event in a read result, or null for system events and those the filter leaves out. */
  private select(resolved: ResolvedStoredEvent, filter: AllFilter | undefined): RecordedEvent | null {
    if (!resolved.event || isSystemEvent(resolved.event)) return null;
    const event = decodeEvent(resolved);
    return matchesFilter(event, filter) ? event : null;
  }
}

function conflict(streamId: string, expected: ExpectedRevision, error: WrongExpectedVersionError, attempts: number): ConcurrencyError {
  const actual = error.actualState;
  if (attempts === 1) return new ConcurrencyError(streamId, describeExpected(expected), actual);
  return new ConcurrencyError(
    streamId,
    describeExpected(expected),
    actual,
    `stream ${streamId} was written by others during each of ${attempts} attempts to append to it; giving up`,
  );
}

function checkStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new ValidationError('streamId', 'must not be empty');
  // EventStoreDB reserves `$` streams for itself and leaves them out of `$all` reads.
  if (streamId.startsWith('$')) throw new ValidationError('streamId', 'must not start with $');
}

/** Commit and prepare positions are equal for every event written through gRPC appends. */
function atPosition(position: bigint): ReadPosition {
  return { commit: position, prepare: position };
}

// Nothing of ours lives at position 0 (the log opens with a system record), so 0n means "from the start".
function startAfter(after: bigint | undefined): ReadPosition {
  return after === undefined || after <= 0n ? START : atPosition(after);
}

function startBefore(before: bigint | undefined): ReadPosition {
  return before === undefined ? END : atPosition(before);
}

function beyond(position: bigint, cursor: bigint | undefined, backwards: boolean): boolean {
  if (cursor === undefined) return true;
  return backwards ? position < cursor : position > cursor;
}

// The client still accepts esdb:// but warns on every connection; both schemes mean the same.
function withCurrentScheme(connectionString: string): string {
  return connectionString.trim().replace(/^esdb(\+discover)?:\/\//i, 'kurrentdb$1://');
}

/** The hosts of a connection string, without scheme, credentials or options: safe to show in health details. */
function hostsOf(connectionString: string): string {
  return connectionString.replace(/^[^:]+:\/\/(?:[^@/?]+@)?/, '').split(/[/?]/)[0] ?? '';
}
