import type { DatabaseSync } from 'node:sqlite';

/** Bumped whenever the schema changes; `migrate` brings an older file up to date. */
export const SCHEMA_VERSION = 1;

const MIGRATIONS: readonly string[] = [
  // Metadata lives in typed columns: reading a stream parses only the data JSON, and
  // auditors' filters (actor, province, command, time) are plain SQL. No index on type:
  // filtered reads walk positions from a checkpoint anyway, and every index costs each append.
  `CREATE TABLE events (
     position            INTEGER PRIMARY KEY,
     id                  TEXT    NOT NULL UNIQUE,
     stream_id           TEXT    NOT NULL,
     revision            INTEGER NOT NULL,
     type                TEXT    NOT NULL,
     data                TEXT    NOT NULL,
     hash                TEXT    NOT NULL,
     recorded_at         TEXT    NOT NULL,
     effective_at        TEXT    NOT NULL,
     schema_version      INTEGER NOT NULL,
     actor_subject       TEXT,
     actor_province      TEXT,
     actor_name          TEXT,
     actor_roles         TEXT,
     command_id          TEXT,
     command_fingerprint TEXT,
     correlation_id      TEXT,
     causation_id        TEXT,
     metadata_extra      TEXT,
     UNIQUE (stream_id, revision)
   ) STRICT;`,
];

/** Brings the file to SCHEMA_VERSION; safe when several processes open a new file at once. */
export function migrate(db: DatabaseSync): void {
  const version = () => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version() === SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    const found = version();
    if (found > SCHEMA_VERSION)
      throw new Error(`event log schema ${found} is newer than this build understands (${SCHEMA_VERSION})`);
    for (let next = found; next < SCHEMA_VERSION; next++) db.exec(MIGRATIONS[next] ?? '');
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
