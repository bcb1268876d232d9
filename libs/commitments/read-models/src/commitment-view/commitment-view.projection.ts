import { commitmentSchemas } from '@council/commitments/domain';
import type { Projection, ProjectionDb } from '@council/platform/event-sourcing';
import { type CommitmentView, evolveCommitmentView } from './commitment-view.js';

const PREFIX = 'commitment-';

/**
 * Every commitment's view as it stands (`commitment_views`, with the columns lists filter
 * on) and every version it went through (`commitment_versions`), so an as-of answer is a
 * lookup rather than a replay.
 */
export const commitmentViewProjection: Projection = {
  name: 'commitment-views',
  version: 1,
  streamPrefixes: [PREFIX],
  schema: [
    `CREATE TABLE commitment_views (
       id TEXT PRIMARY KEY, track TEXT NOT NULL, committer TEXT NOT NULL, status TEXT NOT NULL,
       deadline TEXT NOT NULL, project_id TEXT, position INTEGER NOT NULL, doc TEXT NOT NULL) STRICT`,
    'CREATE INDEX commitment_views_by_deadline ON commitment_views (deadline, id)',
    `CREATE TABLE commitment_parties (id TEXT NOT NULL, province TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (province, role, id)) STRICT`,
    `CREATE TABLE commitment_versions (id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL, doc TEXT NOT NULL) STRICT`,
    'CREATE INDEX commitment_versions_by_time ON commitment_versions (recorded_at)',
  ],
  apply(db, recorded) {
    const id = recorded.streamId.slice(PREFIX.length);
    const before = viewById(db, id);
    const after = evolveCommitmentView(before, commitmentSchemas.upcast(recorded));
    if (!after || after === before) return;
    const doc = toDoc(after);
    db.run(
      `INSERT INTO commitment_views (id, track, committer, status, deadline, project_id, position, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, deadline = excluded.deadline, position = excluded.position, doc = excluded.doc`,
      id, after.track, after.committer, after.status, after.deadline, after.projectId ?? null, after.position, doc,
    );
    if (!before) {
      db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, after.committer, 'committer');
      for (const c of after.counterparties) db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, c.code, 'counterparty');
    }
    db.run('INSERT INTO commitment_versions (id, position, recorded_at, doc) VALUES (?, ?, ?, ?)', id, after.position, recorded.metadata.recordedAt, doc);
  },
};

export function viewById(db: ProjectionDb, id: string): CommitmentView | null {
  const row = db.get<{ doc: string }>('SELECT doc FROM commitment_views WHERE id = ?', id);
  return row ? fromDoc(row.doc) : null;
}

export function currentViews(db: ProjectionDb): CommitmentView[] {
  return db.all<{ doc: string }>('SELECT doc FROM commitment_views ORDER BY deadline, id').map((r) => fromDoc(r.doc));
}

/** Every commitment as the platform knew it at `moment` (recorded at or before it). */
export function viewsAsOf(db: ProjectionDb, moment: Date): CommitmentView[] {
  return db
    .all<{ doc: string }>(
      `SELECT doc FROM commitment_versions WHERE rowid IN
         (SELECT max(rowid) FROM commitment_versions WHERE recorded_at <= ? GROUP BY id)`,
      moment.toISOString(),
    )
    .map((r) => fromDoc(r.doc))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

const BIGINT_KEYS = new Set(['revision', 'position']);

function toDoc(view: CommitmentView): string {
  return JSON.stringify(view, (key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

function fromDoc(doc: string): CommitmentView {
  return JSON.parse(doc, (key, value) => (BIGINT_KEYS.has(key) && typeof value === 'string' ? BigInt(value) : value));
}
