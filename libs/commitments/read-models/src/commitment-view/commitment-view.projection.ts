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
  // 2: acceptedOn is the Việt Nam day of the acceptance (it was the UTC day).
  version: 2,
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

export interface ViewFilter {
  readonly track?: string;
  /** Commitments this province is a party to (any of these codes: a province and those merged into it). */
  readonly provinces?: readonly string[];
  readonly role?: 'committer' | 'counterparty';
  readonly status?: string;
  readonly projectId?: string;
}

/** Whether a view passes the filter: the same test the SQL makes, for as-of lists. */
export function matchesFilter(view: CommitmentView, f: ViewFilter): boolean {
  const asCommitter = f.provinces?.includes(view.committer) ?? true;
  const asCounterparty = f.provinces ? view.counterparties.some((c) => f.provinces!.includes(c.code)) : true;
  const party = f.role === 'committer' ? asCommitter : f.role === 'counterparty' ? asCounterparty : asCommitter || asCounterparty;
  return (!f.track || view.track === f.track) && (!f.status || view.status === f.status) && (!f.projectId || view.projectId === f.projectId) && party;
}

/** Current views passing the filter, ordered by deadline then id, after a (deadline, id) cursor. */
export function findViews(db: ProjectionDb, f: ViewFilter, after: { deadline: string; id: string } | null, limit: number): CommitmentView[] {
  const where: string[] = ['(v.deadline, v.id) > (?, ?)'];
  const params: (string | number)[] = [after?.deadline ?? '', after?.id ?? ''];
  for (const [column, value] of [['track', f.track], ['status', f.status], ['project_id', f.projectId]] as const) {
    if (!value) continue;
    where.push(`v.${column} = ?`);
    params.push(value);
  }
  if (f.provinces?.length) {
    where.push(`EXISTS (SELECT 1 FROM commitment_parties p WHERE p.id = v.id AND p.province IN (${f.provinces.map(() => '?').join(', ')})${f.role ? ' AND p.role = ?' : ''})`);
    params.push(...f.provinces, ...(f.role ? [f.role] : []));
  }
  return db
    .all<{ doc: string }>(`SELECT v.doc FROM commitment_views v WHERE ${where.join(' AND ')} ORDER BY v.deadline, v.id LIMIT ?`, ...params, limit)
    .map((r) => fromDoc(r.doc));
}
