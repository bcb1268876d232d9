import { DatabaseSync } from 'node:sqlite';

/**
 * The baseline of the rebuild benchmarks: every event of a SqliteEventStore file read
 * with a plain `SELECT` of the columns an event is made of, its data through `JSON.parse`.
 * Returns how many events it read.
 */
export function readRawEvents(logPath: string): number {
  const db = new DatabaseSync(logPath, { readOnly: true });
  let events = 0;
  const rows = db.prepare('SELECT position, stream_id, revision, type, data, hash, recorded_at, effective_at, actor_subject, actor_roles FROM events ORDER BY position');
  for (const row of rows.iterate() as Iterable<{ data: string }>) {
    JSON.parse(row.data);
    events++;
  }
  db.close();
  return events;
}
