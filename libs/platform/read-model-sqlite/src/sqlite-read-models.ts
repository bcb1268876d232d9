import {
  type EventStore,
  type Projection,
  type ProjectionDb,
  ReadModels,
  type ReadModelsHealth,
  type RecordedEvent,
  StoreUnavailableError,
} from '@council/platform/event-sourcing';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteProjectionDb } from './sqlite-projection-db.js';

export interface SqliteReadModelsOptions {
  /** The read-model file (rebuildable from the log at any time), or ':memory:'. */
  readonly path: string;
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** Largest number of events applied in one transaction. */
  readonly batchSize?: number;
  /** Build only up to this position and do not follow the log (a rebuild for comparison). */
  readonly upTo?: bigint;
  /** Told about rebuilds and about events a projection could not use. */
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/**
 * Events per transaction while catching up a file that answers, and while bulk-loading an
 * empty one in place (fewer, larger commits).
 */
const CATCH_UP_PAGE = 5_000;
// A projection writes each row it touched once per transaction: at a region's size most views are touched by every
// 25,000 events, so larger bulk transactions rewrite them fewer times (ADR 0010).
const BULK_PAGE = 100_000;
/**
 * Events per transaction while building a new file (`build`): no crash can leave it half
 * used, so a region's build is one transaction (each view written once); the bound keeps
 * what a projection folds in memory within one transaction bounded for larger logs (ADR 0015).
 */
const BUILD_TRANSACTION = 1_000_000;
/**
 * Events read from the log at a time, whatever the transaction's size: each page's events
 * are applied and let go of before the next is read, so few of them live through a young
 * collection (at a million events 1,000 took about 15 % less CPU than 5,000), and requests
 * get their turn in between while a rebuild runs beside a file that answers.
 */
const READ_PAGE = 1_000;
/** SQLite page cache (negative: KiB) while catching up, and while serving and following live. */
const CATCH_UP_CACHE = -131_072;
const SERVING_CACHE = -16_384;
const FIRST_PAUSE_MS = 100;
const MAX_PAUSE_MS = 5_000;

const META = [
  'CREATE TABLE IF NOT EXISTS _projections (name TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT',
  'CREATE TABLE IF NOT EXISTS _checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL) STRICT',
];

/**
 * Read models in one SQLite file next to the node, fed by its own checkpointed
 * subscription to the log. Each batch of changes and the checkpoint commit in one
 * transaction, so a crash never applies an event twice or skips one. When a projection's
 * version changed, the whole file is rebuilt from the log into a new file that replaces
 * the old one atomically (the old file stays whole until then).
 */
export class SqliteReadModels extends ReadModels {
  private checkpoint = 0n;
  private readonly buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private waiters: { position: bigint; resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly stop = new AbortController();
  private following: Promise<void> | undefined;
  /** The background rebuild while the old file answers, and the read models it builds. */
  private rebuilding: Promise<void> | undefined;
  private builder: SqliteReadModels | undefined;
  private failure: Error | undefined;
  /** The disk refused the last write (full, read-only, failing): kept and retried, not a reason to stop. */
  private stalled: { error: Error; pauseMs: number } | undefined;
  private readonly listeners = new Set<(position: bigint) => void>();

  private constructor(
    private readonly options: SqliteReadModelsOptions,
    private db: DatabaseSync,
    private projectionDb: SqliteProjectionDb,
    /** A new file no one reads until it is built and renamed into place (or memory): no journal, large transactions. */
    private readonly scratch = options.path === ':memory:',
  ) {
    super();
    this.checkpoint = readCheckpoint(db);
  }

  /**
   * Opens the read models, catches up with the log, then follows it live. A file that
   * does not exist yet is built from the log into `<path>.rebuild` first, then renamed
   * into place: a crash meanwhile leaves no file, and the next start builds it again.
   * When a projection's version changed, the file is rebuilt the same way: if the new
   * projections keep the old tables exactly, the old file goes on answering (frozen at its
   * checkpoint) while the rebuild runs, and the rebuilt file is swapped in once it has
   * caught up; otherwise the old tables may not fit the new queries, so the rebuild
   * finishes before this returns.
   */
  static async open(options: SqliteReadModelsOptions): Promise<SqliteReadModels> {
    const inFile = options.path !== ':memory:';
    const stale = inFile && existsSync(options.path) && !upToDate(options.path, options.projections);
    if (stale && options.upTo === undefined && sameTables(options.path, options.projections)) {
      options.log?.('info', `read models: a projection version changed; ${options.path} answers as it stands while it is rebuilt from the log`);
      const old = new DatabaseSync(options.path);
      const models = new SqliteReadModels(options, old, new SqliteProjectionDb(old));
      models.rebuilding = models.rebuildAndSwap();
      return models;
    }
    if (stale || (inFile && !existsSync(options.path))) {
      if (stale) options.log?.('info', `read models: a projection version changed, rebuilding ${options.path} from the log`);
      try {
        if (await SqliteReadModels.build(options)) replaceFile(options.path);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || options.upTo !== undefined) throw error;
        // The log does not answer: an empty file in place, which catches up as soon as it does (see below).
        if (stale) removeFile(options.path);
      }
    }
    const models = SqliteReadModels.create(options);
    try {
      await models.catchUp();
    } catch (error) {
      // An unreachable log at start is no reason not to start: follow() catches up once it answers.
      if (!(error instanceof StoreUnavailableError) || options.upTo !== undefined) {
        models.db.close();
        throw error;
      }
      options.log?.('warn', `read models: the log is unreachable at start (${error.message}); catching up as soon as it answers`);
    }
    if (options.upTo === undefined) models.following = models.follow();
    return models;
  }

  private static create(options: SqliteReadModelsOptions): SqliteReadModels {
    const db = openDatabase(options.path, options.projections);
    return new SqliteReadModels(options, db, new SqliteProjectionDb(db));
  }

  /**
   * Builds the read models from the log into `<path>.rebuild`, a new file no one reads
   * meanwhile: without a journal or a sync (a crash leaves a file that is never used and
   * is removed by the next build), in as few transactions as memory allows, so each view
   * is written once or a few times rather than once every 100,000 events. Once caught up,
   * the file gets its indexes, is switched to WAL and synced, ready to be renamed into
   * place (`replaceFile`). Returns false, and removes it, when stopped before the end.
   */
  private static async build(options: SqliteReadModelsOptions, started?: (builder: SqliteReadModels) => void): Promise<boolean> {
    const next = `${options.path}.rebuild`;
    removeFile(next);
    const db = openDatabase(next, options.projections, true);
    const builder = new SqliteReadModels({ ...options, path: next }, db, new SqliteProjectionDb(db), true);
    started?.(builder);
    let built = false;
    try {
      await builder.catchUp();
      built = !builder.stop.signal.aborted;
      // From now on the file is read models like any other: WAL, as openDatabase opens them.
      if (built) db.exec('PRAGMA journal_mode = WAL');
    } finally {
      await builder.close();
      if (!built) removeFile(next);
    }
    if (built) syncFile(next);
    return built;
  }

  /** Whether an old file is answering while a rebuild runs (see `open`). */
  isRebuilding(): boolean {
    return this.rebuilding !== undefined;
  }

  position(): bigint {
    return this.checkpoint;
  }

  onChange(listener: (position: bigint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A sha256 per read-model table over all its rows in primary-key order, at the current
   * position: two read models with equal digests hold the same answers.
   */
  digests(): Record<string, string> {
    return digestTables(this.db);
  }

  /** Digests of a fresh rebuild from the log up to this read model's position (built in memory). */
  async rebuildDigests(): Promise<Record<string, string>> {
    const fresh = await SqliteReadModels.open({ ...this.options, path: ':memory:', upTo: this.checkpoint });
    try {
      return fresh.digests();
    } finally {
      await fresh.close();
    }
  }

  health(): ReadModelsHealth {
    const down = this.failure ?? this.stalled?.error;
    return { up: !down, position: this.checkpoint, rebuilding: this.isRebuilding(), ...(down && { stoppedBecause: down.message }) };
  }

  /** Why the read models stopped following the log, if they did. */
  stoppedBecause(): Error | undefined {
    return this.failure;
  }

  read<T>(query: (db: ProjectionDb) => T): T {
    return query(this.projectionDb);
  }

  waitFor(position: bigint, timeoutMs = 5_000): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new StoreUnavailableError(`read models did not reach position ${position} within ${timeoutMs} ms (at ${this.checkpoint})`));
      }, timeoutMs);
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve()), reject: (error: Error) => (clearTimeout(timer), reject(error)) };
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    this.stop.abort();
    this.builder?.stop.abort();
    await this.rebuilding;
    await this.following;
    // What is buffered, if the read models still can: otherwise the next start catches up from the checkpoint.
    try {
      if (!this.failure) this.flush();
    } catch (error) {
      this.options.log?.('warn', `read models closed at position ${this.checkpoint} without the last events (${(error as Error).message}); the next start catches up`);
    } finally {
      this.db.close();
    }
  }

  /**
   * Builds the new file beside the old one, page by page between other work, then swaps it
   * in: close the old file, rename the new one over it, reopen, follow the log from the
   * new checkpoint. Writers waiting for a position are answered once the new file has it.
   */
  private async rebuildAndSwap(): Promise<void> {
    try {
      const built = await SqliteReadModels.build(this.options, (builder) => (this.builder = builder));
      if (!built || this.stop.signal.aborted) return removeFile(`${this.options.path}.rebuild`);
      this.db.close();
      replaceFile(this.options.path);
      this.db = openDatabase(this.options.path, this.options.projections);
      this.projectionDb = new SqliteProjectionDb(this.db);
      this.checkpoint = readCheckpoint(this.db);
      this.options.log?.('info', `read models: rebuilt ${this.options.path} up to position ${this.checkpoint} and swapped it in`);
      this.rebuilding = undefined;
      this.builder = undefined;
      this.reached();
      this.following = this.follow();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.options.log?.('error', `read models: the rebuild of ${this.options.path} failed, the old file goes on answering: ${this.failure.message}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    }
  }

  /**
   * Applies everything the log holds after the checkpoint. The log is read a page at a
   * time (short pages: the events of a page are done with before the next is read, and
   * other work gets its turn in between), and up to a transaction's worth of pages is
   * applied in one transaction with its checkpoint. Built from nothing (a bulk load), the
   * file takes larger transactions, has its tables' plain indexes created only once it
   * has caught up, and skips the sync at each commit meanwhile: a crash of the process
   * loses nothing committed, a crash of the machine only a file rebuilt from the log anyway.
   */
  private async catchUp(): Promise<void> {
    const bulk = this.checkpoint === 0n;
    const perTransaction = this.options.batchSize ?? (this.scratch ? BUILD_TRANSACTION : bulk ? BULK_PAGE : CATCH_UP_PAGE);
    if (bulk) this.db.exec('PRAGMA synchronous = OFF');
    // Catching up updates views and versions all over the file: the default 2 MB page cache would thrash on a region's read models.
    this.db.exec(`PRAGMA cache_size = ${CATCH_UP_CACHE}`);
    let failed = true;
    try {
      while (!(await this.catchUpTransaction(perTransaction)));
      failed = false;
    } finally {
      // A scratch file that failed is thrown away (and, without a journal, may not be whole).
      if (this.db.isOpen && !this.db.isTransaction && !(failed && this.scratch)) {
        createIndexes(this.db, this.options.projections);
        if (bulk) this.db.exec('PRAGMA synchronous = NORMAL');
      }
      // Back to the serving size: SQLite frees the pages beyond it.
      if (this.db.isOpen) this.db.exec(`PRAGMA cache_size = ${SERVING_CACHE}`);
    }
  }

  /**
   * One transaction of the catch-up: pages of the log after the checkpoint, applied as they
   * are read, until `size` events or the end (of the log, or of `upTo`). Returns whether
   * the catch-up is done.
   */
  private async catchUpTransaction(size: number): Promise<boolean> {
    const upTo = this.options.upTo;
    let last = this.checkpoint;
    let applied = 0;
    let open = false;
    let done = false;
    try {
      while (applied < size) {
        const page = await this.options.store.readAll({ after: last, maxCount: Math.min(READ_PAGE, size - applied) });
        if (this.stop.signal.aborted) {
          done = true;
          break;
        }
        const wanted = upTo === undefined ? page : page.filter((e) => e.position <= upTo);
        if (wanted.length > 0 && !open) {
          this.beginTransaction();
          open = true;
        }
        for (const event of wanted) {
          // A redelivered event (the same position again, even within one page) is applied once.
          if (event.position <= last) continue;
          applyToAll(this.projectionDb, this.options, event);
          last = event.position;
          applied++;
        }
        if (wanted.length === 0 || wanted.length < page.length) {
          done = true;
          break;
        }
        // Let requests in between pages: a rebuild may run while the node serves.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (open) this.commitTransaction(last);
    } catch (error) {
      if (open) this.rollbackTransaction();
      throw error;
    }
    if (open) this.reached();
    return done;
  }

  /** Follows the log live; when the subscription fails, resubscribes from the checkpoint with a growing pause. */
  private async follow(): Promise<void> {
    let pauseMs = FIRST_PAUSE_MS;
    while (!this.stop.signal.aborted) {
      try {
        // From the checkpoint: what is already buffered may come again, and is applied once.
        for await (const event of this.options.store.subscribeToAll({ after: this.checkpoint, signal: this.stop.signal })) {
          this.buffer.push(event);
          this.scheduleFlush();
          pauseMs = FIRST_PAUSE_MS;
        }
        return;
      } catch (error) {
        if (this.stop.signal.aborted) return;
        this.options.log?.('warn', `read models lost the log at position ${this.checkpoint} (${(error as Error).message}); resubscribing in ${pauseMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pauseMs);
          this.stop.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
      }
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      try {
        this.flush();
        this.stalled = undefined;
      } catch (error) {
        if (isStorageFault(error)) {
          // The batch was rolled back and is buffered again: retried, with a growing pause, until the disk takes it.
          const pauseMs = this.stalled ? Math.min(this.stalled.pauseMs * 2, MAX_PAUSE_MS) : FIRST_PAUSE_MS;
          if (!this.stalled) this.options.log?.('warn', `read models cannot write at position ${this.checkpoint} (${(error as Error).message}); retrying`);
          this.stalled = { error: new StoreUnavailableError(`read models cannot write: ${(error as Error).message}`, { cause: error }), pauseMs };
          setTimeout(() => this.scheduleFlush(), pauseMs).unref();
          return;
        }
        // The batch was rolled back: stop here rather than skip it; health and waitFor say so.
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.stop.abort();
        this.options.log?.('error', `read models stopped at position ${this.checkpoint}: ${this.failure.message}`);
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
      }
    });
  }

  /** One transaction: every buffered event through every projection, then the checkpoint. */
  private flush(): void {
    // A redelivered event (the same position again, even within one batch) is applied once.
    const batch: RecordedEvent[] = [];
    let last = this.checkpoint;
    for (const e of this.buffer.splice(0)) {
      if (e.position <= last) continue;
      batch.push(e);
      last = e.position;
    }
    if (batch.length === 0) return;
    try {
      this.beginTransaction();
      for (const event of batch) applyToAll(this.projectionDb, this.options, event);
      this.commitTransaction(last);
    } catch (error) {
      this.rollbackTransaction();
      // Not applied: back to the front of the buffer, so that a retry applies the same events.
      this.buffer.unshift(...batch);
      throw error;
    }
    this.reached();
  }

  private beginTransaction(): void {
    this.db.exec('BEGIN IMMEDIATE');
    for (const projection of this.options.projections) projection.beginBatch?.(this.projectionDb);
  }

  /** The projections' batches written, the checkpoint moved to `last`, all committed at once. */
  private commitTransaction(last: bigint): void {
    for (const projection of this.options.projections) projection.endBatch?.(this.projectionDb);
    this.projectionDb.run('INSERT INTO _checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position', last);
    this.db.exec('COMMIT');
    this.checkpoint = last;
  }

  private rollbackTransaction(): void {
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // SQLite may have rolled back by itself (a full disk, an I/O error).
    }
  }

  /** Answers the writers waiting for a position now reached, and tells the listeners. */
  private reached(): void {
    const reached = this.waiters.filter((w) => w.position <= this.checkpoint);
    this.waiters = this.waiters.filter((w) => w.position > this.checkpoint);
    for (const waiter of reached) waiter.resolve();
    for (const listener of this.listeners) listener(this.checkpoint);
  }
}

/** A write the file system refused (SQLITE_BUSY, READONLY, IOERR, FULL, CANTOPEN): the disk's fault, not the projection's. */
function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown; errcode?: unknown } | null)?.code === 'ERR_SQLITE_ERROR' ? Number((error as { errcode: number }).errcode) & 0xff : -1;
  return [5, 8, 10, 13, 14].includes(code);
}

function digestTables(db: DatabaseSync): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const hash = createHash('sha256');
    // Ordered by every column, so that the digest does not depend on the table's width or on insertion order.
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${name}')`).get() as { n: number }).n;
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`);
    rows.setReturnArrays(true);
    for (const row of rows.iterate()) hash.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).update('\n');
    out[name] = hash.digest('hex');
  }
  return out;
}

/**
 * The digests of a read-model file another process (the server) keeps, read-only and
 * in one read transaction, with the position they stand at: what `council verify`
 * compares with a rebuild up to that position.
 */
export function readModelFileDigests(path: string): { position: bigint; digests: Record<string, string> } {
  const db = new DatabaseSync(path, { readOnly: true, timeout: 5_000 });
  try {
    db.exec('BEGIN');
    const position = readCheckpoint(db);
    const digests = digestTables(db);
    db.exec('COMMIT');
    return { position, digests };
  } finally {
    db.close();
  }
}

function applyToAll(db: ProjectionDb, options: SqliteReadModelsOptions, event: RecordedEvent): void {
  for (const projection of options.projections) {
    if (projection.streamPrefixes && !projection.streamPrefixes.some((p) => event.streamId.startsWith(p))) continue;
    try {
      projection.apply(db, event);
    } catch (error) {
      // The disk refusing a write is not the event's fault: the batch is rolled back and retried, never skipped.
      if (isStorageFault(error)) throw error;
      // A recorded fact is never refused: the read model skips it and says where.
      options.log?.('warn', `${projection.name} v${projection.version} skipped ${event.type} at position ${event.position}: ${(error as Error).message}`);
    }
  }
}

/**
 * Opens a read-model file (WAL), or creates a scratch file to build (`build`): written by
 * one connection holding it locked, without a journal or a sync.
 */
function openDatabase(path: string, projections: readonly Projection[], scratch = false): DatabaseSync {
  const db = new DatabaseSync(path);
  // Read models are rebuilt from the log after any loss, so they need no fsync per commit.
  if (scratch) db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;');
  else db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  // Serving and following live: a small page cache (a large one fills with every page the dashboards read once, ~135 MB at a million events).
  db.exec(`PRAGMA cache_size = ${SERVING_CACHE}`);
  for (const statement of META) db.exec(statement);
  const known = new Set((db.prepare('SELECT name FROM _projections').all() as { name: string }[]).map((r) => r.name));
  // An empty file is bulk-loaded first: its plain indexes come after (catchUp), cheaper built at once than kept up row by row.
  const empty = readCheckpoint(db) === 0n;
  for (const projection of projections) {
    if (known.has(projection.name)) continue;
    for (const statement of projection.schema) if (!empty || indexName(statement) === undefined) db.exec(statement);
    db.prepare('INSERT INTO _projections (name, version) VALUES (?, ?)').run(projection.name, projection.version);
  }
  // A bulk load cut short (a crash) left some out: they are made before the file answers anything.
  if (!empty) createIndexes(db, projections);
  return db;
}

/** Removes a read-model file and what SQLite keeps beside it. */
function removeFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Writes a file built without syncs to the disk, so that it is whole once renamed into place. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Renames the file built beside `path` (`build`) over it, closed: what SQLite kept beside
 * the old file goes first, so that it is never read as the new file's.
 */
function replaceFile(path: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  renameSync(`${path}.rebuild`, path);
  // The rename itself made durable: a crash after this finds the new file, or the old one and a build to do.
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** The name of the plain (not unique) index a schema statement creates, if it creates one. */
function indexName(statement: string): string | undefined {
  return /^\s*CREATE\s+INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/i.exec(statement)?.[1];
}

/** Creates the projections' plain indexes the file does not have yet. */
function createIndexes(db: DatabaseSync, projections: readonly Projection[]): void {
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name));
  for (const projection of projections) {
    for (const statement of projection.schema) {
      const name = indexName(statement);
      if (name !== undefined && !present.has(name)) db.exec(statement);
    }
  }
}

function readCheckpoint(db: DatabaseSync): bigint {
  const row = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number } | undefined;
  return BigInt(row?.position ?? 0);
}

/** Whether the file holds exactly these projections at these versions. */
function upToDate(path: string, projections: readonly Projection[]): boolean {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare("SELECT name, version FROM _projections").all() as { name: string; version: number }[];
    const stored = new Map(rows.map((r) => [r.name, r.version]));
    return stored.size === projections.length && projections.every((p) => stored.get(p.name) === p.version);
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Whether the file's tables and indexes are exactly those the projections create, so the
 * new code's queries can run against it while it is rebuilt.
 */
function sameTables(path: string, projections: readonly Projection[]): boolean {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const stored = (db.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE '\\_%' ESCAPE '\\'").all() as { sql: string }[]).map((r) => r.sql);
    const wanted = projections.flatMap((p) => p.schema);
    return stored.length === wanted.length && wanted.every((sql) => stored.includes(sql));
  } catch {
    return false;
  } finally {
    db.close();
  }
}
