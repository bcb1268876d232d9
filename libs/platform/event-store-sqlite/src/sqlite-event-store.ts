import {
  type AppendOptions,
  type AppendPlan,
  type AppendResult,
  type Clock,
  ConcurrencyError,
  DEFAULT_MAX_EVENT_BYTES,
  EventStore,
  type ExpectedRevision,
  type NewEvent,
  type PreparedEvent,
  type ReadAllOptions,
  type ReadRecordsOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredEventRecord,
  type StoreHealth,
  StoreUnavailableError,
  type StreamTail,
  type SubscribeOptions,
  SystemClock,
  planAppend,
  tailLength,
  prepareEvents,
} from '@council/platform/event-sourcing';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { LiveSignal } from './live-signal.js';
import { migrate } from './schema.js';
import { EVENT_COLUMNS, type EventRow, type StoredRow, toColumns, toRecordedEvent, toStoredRecord } from './rows.js';

export interface SqliteEventStoreOptions {
  /** File of the event log, or ':memory:'. */
  readonly path: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: faster, may lose the last commits on power loss. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  readonly clock?: Clock;
  readonly maxEventBytes?: number;
  /** How long a writer waits for another process's write lock before giving up, in ms. */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for events written by other processes, in ms. */
  readonly pollIntervalMs?: number;
  /** Largest number of appends that share one transaction. */
  readonly maxBatch?: number;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** An insert failed inside an optimistic batch: redo the batch with savepoints. */
class InsertFailed extends Error {}

const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_BUSY = 5;

/**
 * The embedded event log on node:sqlite (WAL). Appends that arrive in the same turn of
 * the event loop are group-committed: one transaction and one fsync for all of them,
 * each still all-or-nothing under its own savepoint and expected-revision check.
 */
export class SqliteEventStore extends EventStore {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private readonly maxEventBytes: number;
  private readonly maxBatch: number;
  private readonly pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  /** Why the last write failed (full disk, read-only or failing file system), until a write succeeds again. */
  private writeFailure: StoreUnavailableError | undefined;
  private readonly live: LiveSignal;
  private readonly statements: Record<
    'tail' | 'last' | 'insert' | 'head' | 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo' | 'records',
    StatementSync
  >;
  private readonly readAllStatements = new Map<string, StatementSync>();
  private readonly readStreamStatements = new Map<string, StatementSync>();

  constructor(private readonly options: SqliteEventStoreOptions) {
    super();
    this.clock = options.clock ?? new SystemClock();
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.maxBatch = options.maxBatch ?? 512;
    this.db = new DatabaseSync(options.path, { timeout: options.busyTimeoutMs ?? 5_000 });
    this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? 'FULL'};`);
    migrate(this.db);
    this.statements = {
      tail: this.db.prepare('SELECT id, revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT ?'),
      last: this.db.prepare('SELECT id, revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
      insert: this.db.prepare(
        `INSERT INTO events (${EVENT_COLUMNS.replace('position, ', '')}) VALUES (${'?, '.repeat(17)}?)`,
      ),
      head: this.db.prepare('SELECT coalesce(max(position), 0) AS head FROM events'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT append'),
      release: this.db.prepare('RELEASE append'),
      rollbackTo: this.db.prepare('ROLLBACK TO append'),
      // The data as its stored UTF-8 bytes: no decode to a string here, no encode when it is hashed.
      records: this.db.prepare(
        `SELECT ${EVENT_COLUMNS.replace(', data,', ', CAST(data AS BLOB),')} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      ),
    };
    // Rows as arrays: no object with named properties made per row read.
    for (const name of ['tail', 'last', 'records'] as const) this.statements[name].setReturnArrays(true);
    this.live = new LiveSignal(options.pollIntervalMs ?? 200);
  }

  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    let prepared: PreparedEvent[];
    try {
      prepared = prepareEvents(events, this.clock.now(), { maxEventBytes: this.maxEventBytes });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events: prepared, expected: options.expectedRevision ?? 'any', resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const key = `${backwards ? 'b' : 'f'}${from === undefined ? '' : 'r'}`;
    let statement = this.readStreamStatements.get(key);
    if (!statement) {
      const bound = from === undefined ? '' : backwards ? 'AND revision <= ?' : 'AND revision >= ?';
      statement = this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE stream_id = ? ${bound} ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
      );
      statement.setReturnArrays(true);
      this.readStreamStatements.set(key, statement);
    }
    const limit = options.maxCount ?? -1;
    const rows = (from === undefined ? statement.all(streamId, limit) : statement.all(streamId, from, limit)) as unknown as EventRow[];
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options);
  }

  /** Each event as stored, unparsed: the data's UTF-8 bytes as written, the metadata's canonical JSON rebuilt from its columns. */
  override async readAllRecords(options: ReadRecordsOptions = {}): Promise<StoredEventRecord[]> {
    const rows = this.statements.records.all(options.after ?? 0n, options.upTo ?? MAX_POSITION, options.maxCount ?? 1_000) as unknown as StoredRow[];
    const records = new Array<StoredEventRecord>(rows.length);
    for (let i = 0; i < rows.length; i++) records[i] = toStoredRecord(rows[i]!);
    return records;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return this.live.subscribe(options, (after, filter) => this.readAllSync({ after, filter, maxCount: 1_000 }));
  }

  async headPosition(): Promise<bigint> {
    return BigInt((this.statements.head.get() as { head: number }).head);
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { up: false, adapter: 'sqlite', details: { reason: 'closed' } };
    // After a failed write, a real one decides: reads answer on a full or read-only disk, writes do not.
    if (this.writeFailure && !this.probeWrite()) return { up: false, adapter: 'sqlite', details: { reason: this.writeFailure.message } };
    try {
      const head = await this.headPosition();
      return { up: true, adapter: 'sqlite', details: { path: this.options.path, head: Number(head) } };
    } catch (error) {
      return { up: false, adapter: 'sqlite', details: { reason: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.pending.length > 0) this.flush();
    this.closed = true;
    this.live.close();
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  /** A write transaction that rewrites the schema version as it is: true (and the failure forgotten) when it commits. */
  private probeWrite(): boolean {
    if (this.pending.length > 0) return false;
    try {
      this.statements.begin.run();
      try {
        const { user_version: version } = this.db.prepare('PRAGMA user_version').get() as { user_version: number };
        this.db.exec(`PRAGMA user_version = ${Number(version)}`);
        this.statements.commit.run();
      } catch (error) {
        this.rollbackQuietly();
        throw error;
      }
      this.writeFailure = undefined;
      return true;
    } catch {
      return false;
    }
  }

  private readAllSync(options: ReadAllOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const filter = options.filter ?? {};
    const prefixes = filter.streamPrefixes ?? [];
    const types = filter.eventTypes ?? [];
    const bound = backwards ? (options.before === undefined ? undefined : options.before) : (options.after ?? 0n);
    const key = `${backwards ? 'b' : 'f'}${bound === undefined ? '' : 'p'}|${prefixes.length}|${types.length}`;
    let statement = this.readAllStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(selectAll(backwards, bound !== undefined, prefixes.length, types.length));
      statement.setReturnArrays(true);
      this.readAllStatements.set(key, statement);
    }
    const params: (string | bigint | number)[] = [];
    if (bound !== undefined) params.push(bound);
    for (const prefix of prefixes) params.push(prefix.length, prefix);
    params.push(...types, options.maxCount ?? -1);
    return (statement.all(...params) as unknown as EventRow[]).map(toRecordedEvent);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      if (this.pending.length > 0) this.scheduleFlush();
    });
  }

  /** Writes up to maxBatch pending appends in one transaction, then settles their promises. */
  private flush(): void {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commit(batch, false);
    } catch (error) {
      if (!(error instanceof InsertFailed)) return this.rejectAll(batch, error);
      // Rare (an event id recorded elsewhere): redo the batch with a savepoint per append.
      try {
        outcomes = this.commit(batch, true);
      } catch (again) {
        return this.rejectAll(batch, again);
      }
    }
    this.writeFailure = undefined;
    batch.forEach((append, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) append.resolve(outcome.result);
      else append.reject(outcome?.error);
    });
    this.live.notify();
  }

  /**
   * One transaction for the batch. A refused plan writes nothing, so it needs no
   * savepoint; only a failed insert does, and without `careful` it aborts the batch.
   */
  private commit(batch: readonly PendingAppend[], careful: boolean): Outcome[] {
    try {
      this.statements.begin.run();
    } catch (error) {
      throw storeError(error, 'could not start a write');
    }
    try {
      const outcomes = batch.map((append) => (careful ? this.applyOne(append) : this.apply(append)));
      this.statements.commit.run();
      return outcomes;
    } catch (error) {
      this.rollbackQuietly();
      if (error instanceof InsertFailed || error instanceof StoreUnavailableError) throw error;
      throw storeError(error, 'the write was not committed');
    }
  }

  private apply(append: PendingAppend): Outcome {
    let plan: AppendPlan;
    try {
      plan = planAppend(append.streamId, append.events, append.expected, this.readTail(append));
    } catch (error) {
      return { ok: false, error };
    }
    try {
      return { ok: true, result: this.insert(plan) };
    } catch (error) {
      if (isSqliteError(error) && error.errcode === SQLITE_CONSTRAINT_UNIQUE) throw new InsertFailed();
      throw error;
    }
  }

  private applyOne(append: PendingAppend): Outcome {
    this.statements.savepoint.run();
    try {
      const result = this.insert(planAppend(append.streamId, append.events, append.expected, this.readTail(append)));
      this.statements.release.run();
      return { ok: true, result };
    } catch (error) {
      this.statements.rollbackTo.run();
      this.statements.release.run();
      if (isSqliteError(error) && error.errcode === SQLITE_CONSTRAINT_UNIQUE)
        return { ok: false, error: duplicateIdError(append, error) };
      if (isSqliteError(error)) throw error;
      return { ok: false, error };
    }
  }

  private rejectAll(batch: readonly PendingAppend[], error: unknown): void {
    if (error instanceof StoreUnavailableError && !isBusy(error.cause)) this.writeFailure = error;
    for (const append of batch) append.reject(error);
  }

  private rollbackQuietly(): void {
    try {
      this.statements.rollback.run();
    } catch {
      // The transaction may already be gone (SQLite rolls back by itself on some I/O errors).
    }
  }

  /** Inserts the rows of a plan (nothing for a replay). */
  private insert(plan: AppendPlan): AppendResult {
    if (plan.kind === 'replay') return plan.result;
    const insert = this.statements.insert;
    const events = plan.events;
    let rowid: number | bigint = 0;
    for (let i = 0; i < events.length; i++) rowid = insert.run(...toColumns(events[i]!)).lastInsertRowid;
    return { nextExpectedRevision: events[events.length - 1]!.revision, position: BigInt(rowid) };
  }

  /** The stream's newest events as `planAppend` needs them: one row when the store made the ids. */
  private readTail(append: PendingAppend): StreamTail {
    const count = tailLength(append.events);
    const newestFirst = (
      count === 1 ? [this.statements.last.get(append.streamId)].filter((row) => row !== undefined) : this.statements.tail.all(append.streamId, count)
    ) as unknown as TailRow[];
    const last = newestFirst[0];
    if (!last) return { lastRevision: 'no_stream', lastHash: '', recent: [] };
    const recent = new Array<StreamTail['recent'][number]>(newestFirst.length);
    for (let i = 0; i < newestFirst.length; i++) {
      const [id, revision, position] = newestFirst[newestFirst.length - 1 - i]!;
      recent[i] = { id, revision: BigInt(revision), position: BigInt(position) };
    }
    return { lastRevision: BigInt(last[1]), lastHash: last[3], recent };
  }
}

/** id, revision, position, hash: one row of the tail, newest first. */
type TailRow = [id: string, revision: number, position: number, hash: string];

/** Beyond every position SQLite can hand out (its rowids are signed 64-bit). */
const MAX_POSITION = 2n ** 63n - 1n;

function selectAll(backwards: boolean, bounded: boolean, prefixes: number, types: number): string {
  const where: string[] = [];
  if (bounded) where.push(backwards ? 'position < ?' : 'position > ?');
  if (prefixes > 0) where.push(`(${Array.from({ length: prefixes }, () => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`);
  if (types > 0) where.push(`type IN (${Array.from({ length: types }, () => '?').join(', ')})`);
  return `SELECT ${EVENT_COLUMNS} FROM events
          ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
}

interface SqliteError extends Error {
  readonly code: string;
  readonly errcode: number;
  readonly errstr: string;
}

// Duck-typed: errors thrown by node:sqlite may come from another realm (e.g. a test VM).
function isSqliteError(error: unknown): error is SqliteError {
  return typeof error === 'object' && error !== null && (error as Partial<SqliteError>).code === 'ERR_SQLITE_ERROR';
}

const isBusy = (error: unknown): boolean => isSqliteError(error) && (error.errcode & 0xff) === SQLITE_BUSY;

/** What the file system did, by SQLite's primary result code: the operator's words, not SQLite's. */
const STORAGE_FAULTS: Readonly<Record<number, string>> = {
  8: 'the file system is read-only (SQLITE_READONLY)',
  10: 'the disk failed to read or write (SQLITE_IOERR)',
  13: 'the disk is full (SQLITE_FULL)',
  14: 'the file could not be opened (SQLITE_CANTOPEN)',
};

/** Every SQLite failure of a write is a fault of the store, not of the caller: retryable, nothing recorded. */
function storeError(error: unknown, what: string): StoreUnavailableError {
  const fault = isSqliteError(error) ? STORAGE_FAULTS[error.errcode & 0xff] : undefined;
  const reason = isBusy(error) ? 'another process holds the write lock' : fault ? `${fault}: ${(error as Error).message}` : (error as Error).message;
  return new StoreUnavailableError(`event log: ${what}: ${reason}`, { cause: error });
}

function duplicateIdError(append: PendingAppend, error: SqliteError): ConcurrencyError {
  const ids = append.events.map((e) => e.id).join(', ');
  return new ConcurrencyError(
    append.streamId,
    'a new append',
    'no_stream',
    `an event id of this append (${ids}) is already recorded elsewhere in the log: ${error.errstr}`,
  );
}


