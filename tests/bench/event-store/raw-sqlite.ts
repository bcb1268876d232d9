import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { type NewEvent, uuidV7 } from '@council/platform/event-sourcing';

/**
 * The baseline: what a hand-written writer gets from node:sqlite with no event-store
 * semantics at all (no expected-revision check, no idempotency, no hash chain, no
 * canonical JSON). The table holds what an event log must hold, with the two unique
 * indexes any event log needs (event id; stream + revision).
 */
export const RAW_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY,
    id        TEXT    NOT NULL UNIQUE,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

const PLACEHOLDER_HASH = 'f'.repeat(64);

export interface RawRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

export class RawEventTable {
  private readonly db: DatabaseSync;
  private readonly insert: StatementSync;
  private readonly byStream: StatementSync;
  private readonly page: StatementSync;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL') {
    this.db = new DatabaseSync(path);
    this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};`);
    this.db.exec(RAW_SCHEMA);
    this.insert = this.db.prepare(
      'INSERT INTO events (id, stream_id, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byStream = this.db.prepare(
      'SELECT position, id, stream_id, revision, type, data, metadata, hash FROM events WHERE stream_id = ? ORDER BY revision LIMIT ?',
    );
    this.page = this.db.prepare(
      'SELECT position, id, stream_id, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
  }

  /** One autocommit INSERT: one transaction, one WAL sync at synchronous=FULL. */
  insertOne(streamId: string, revision: number, event: NewEvent, recordedAt: string): void {
    this.write(streamId, revision, event, recordedAt);
  }

  /** BEGIN IMMEDIATE, one INSERT per event, COMMIT. */
  insertBatch(streamId: string, firstRevision: number, events: readonly NewEvent[], recordedAt: string): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      events.forEach((event, i) => this.write(streamId, firstRevision + i, event, recordedAt));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** The rows of one stream, as stored (JSON left as text). */
  selectStream(streamId: string, maxCount: number): RawRow[] {
    return this.byStream.all(streamId, maxCount) as unknown as RawRow[];
  }

  /** The rows of one stream with data and metadata parsed: what a hand-written loader returns. */
  loadStream(streamId: string, maxCount: number): RawRow[] {
    const rows = this.byStream.all(streamId, maxCount) as unknown as RawRow[];
    for (const row of rows) {
      (row as { data: unknown }).data = JSON.parse(row.data);
      (row as { metadata: unknown }).metadata = JSON.parse(row.metadata);
    }
    return rows;
  }

  /** One page of the log after `position`, as stored. */
  selectPage(after: number, maxCount: number): RawRow[] {
    return this.page.all(after, maxCount) as unknown as RawRow[];
  }

  close(): void {
    this.db.close();
  }

  private write(streamId: string, revision: number, event: NewEvent, recordedAt: string): void {
    this.insert.run(
      uuidV7(new Date(recordedAt)),
      streamId,
      revision,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify({ ...event.metadata, recordedAt }),
      PLACEHOLDER_HASH,
    );
  }
}
