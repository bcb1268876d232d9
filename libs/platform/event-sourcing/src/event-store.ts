import type { NewEvent, RecordedEvent } from './events.js';
import { storedRecordOf, type StoredEventRecord } from './hash-chain.js';

/**
 * What the caller expects of the stream before the append:
 * `any` (no check), `no_stream` (must not exist), `stream_exists` (must have an event),
 * or the exact revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expectation. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Forwards: the first revision read; backwards: the last. Default: the stream's start or end. */
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** Selects events from `$all`; both lists empty or absent means every event. */
export interface AllFilter {
  /** Stream ids starting with one of these (e.g. `commitment-`). */
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this global position (a checkpoint); default: from the start. */
  readonly after?: bigint;
  /** Backwards reads start at the end, or strictly before `before`. */
  readonly direction?: 'forwards' | 'backwards';
  readonly before?: bigint;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

export interface ReadRecordsOptions {
  /** Records strictly after this global position; default: from the start. */
  readonly after?: bigint;
  /** Records at or before this position only (e.g. the head as a pass starts). */
  readonly upTo?: bigint;
  /** At most this many records (default: the adapter's page size). */
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint); default: from the start. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
  /** Ends the subscription; the iterator then finishes without error. */
  readonly signal?: AbortSignal;
}

export interface StoreHealth {
  readonly up: boolean;
  readonly adapter: string;
  readonly details?: Record<string, string | number | boolean>;
}

/**
 * The event log: the platform's only source of truth. Abstract so that it serves as
 * a NestJS injection token; adapters (SQLite, EventStoreDB) extend it and pass one
 * shared contract suite.
 */
export abstract class EventStore {
  /**
   * Appends events to a stream, all or nothing, after checking `expectedRevision`
   * (default `any`). Throws ConcurrencyError when the stream is elsewhere; re-appending
   * events whose ids are already the stream's last events returns the first result.
   */
  abstract appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;

  /** Events of one stream; an unknown stream reads as empty. */
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of `$all`, in global order. */
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Every event after `options.after`, in global order: catches up from the log, then
   * turns live, with no gap and no duplicate. Ends when `signal` aborts or `return()` is called.
   */
  abstract subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /**
   * One page of `$all`, in global order, as the log stores it: the exact JSON text each
   * event's hash covers, nothing parsed (what an integrity check hashes). An adapter that
   * holds the text overrides this; this default rebuilds it from `readAll`, which gives
   * the same text for every event the store wrote.
   */
  async readAllRecords(options: ReadRecordsOptions = {}): Promise<StoredEventRecord[]> {
    const { after, upTo, maxCount = 1_000 } = options;
    const page = await this.readAll({ ...(after !== undefined && { after }), maxCount });
    const records: StoredEventRecord[] = [];
    for (const event of page) {
      if (upTo !== undefined && event.position > upTo) break;
      records.push(storedRecordOf(event));
    }
    return records;
  }

  /** Global position of the newest event, or 0n for an empty log. */
  abstract headPosition(): Promise<bigint>;

  abstract health(): Promise<StoreHealth>;

  /** Finishes in-flight appends, then releases the store. */
  abstract close(): Promise<void>;
}
