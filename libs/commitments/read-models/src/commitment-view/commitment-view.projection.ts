import { commitmentSchemas } from '@council/commitments/domain';
import type { Projection, ProjectionDb } from '@council/platform/event-sourcing';
import { type CommitmentView, evolveCommitmentView, type ProgressReportView } from './commitment-view.js';

const PREFIX = 'commitment-';
/** Decoded views kept per read-model database, so an event does not re-parse its view. */
const CACHE_LIMIT = 100_000;
const decoded = new WeakMap<ProjectionDb, Map<string, CommitmentView>>();

/** What events change in a view; everything else (title, parties, responsible, …) is fixed by the proposal. */
const CHANGING = [
  'status', 'activatedOn', 'closedAt', 'counterparties', 'indicator', 'budgetVnd', 'disbursedVnd', 'pendingExtension',
  'deadline', 'claim', 'fulfilment', 'disputes', 'disputed', 'missedDeadlines', 'revision', 'position',
] as const;
type Changing = Pick<CommitmentView, (typeof CHANGING)[number]>;
type Fixed = Omit<CommitmentView, (typeof CHANGING)[number] | 'reports'>;

/**
 * Every commitment's view as it stands (`commitment_views`, with the columns lists filter
 * on) and every version it went through (`commitment_versions`), so an as-of answer is a
 * lookup rather than a replay. A view is stored in three parts, each written once: what
 * the proposal fixed (`doc`, on the view's row), what the event changed (`state`, on the
 * view's row and on the version), and the report the event added (on the version, with the
 * number of reports the view then had). A view is its fixed part, its state, and its
 * reports up to its revision; an event costs its own size, not its whole history's.
 */
export const commitmentViewProjection: Projection = {
  name: 'commitment-views',
  // 2: acceptedOn is the Việt Nam day (it was the UTC day). 3: a view stored in parts (proposal, state, reports).
  version: 3,
  streamPrefixes: [PREFIX],
  schema: [
    `CREATE TABLE commitment_views (
       id TEXT PRIMARY KEY, track TEXT NOT NULL, committer TEXT NOT NULL, status TEXT NOT NULL,
       deadline TEXT NOT NULL, project_id TEXT, position INTEGER NOT NULL, recorded_at TEXT NOT NULL,
       doc TEXT NOT NULL, state TEXT NOT NULL) STRICT`,
    'CREATE INDEX commitment_views_by_deadline ON commitment_views (deadline, id)',
    'CREATE INDEX commitment_views_by_position ON commitment_views (position)',
    `CREATE TABLE commitment_parties (id TEXT NOT NULL, province TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (province, role, id)) STRICT`,
    `CREATE TABLE commitment_versions (
       id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL, revision INTEGER NOT NULL,
       state TEXT NOT NULL, report TEXT, reports INTEGER NOT NULL) STRICT`,
    'CREATE INDEX commitment_versions_by_time ON commitment_versions (recorded_at)',
    // recorded_at in the index: a cut at a moment walks a commitment's versions without reading them.
    'CREATE INDEX commitment_versions_by_id ON commitment_versions (id, revision, recorded_at)',
  ],
  apply(db, recorded) {
    const id = recorded.streamId.slice(PREFIX.length);
    const before = cachedView(db, id);
    const after = evolveCommitmentView(before, commitmentSchemas.upcast(recorded));
    if (!after || after === before) return;
    const state = toDoc(changingPart(after));
    if (before) {
      db.run(
        'UPDATE commitment_views SET status = ?, deadline = ?, position = ?, recorded_at = ?, state = ? WHERE id = ?',
        after.status, after.deadline, after.position, recorded.metadata.recordedAt, state, id,
      );
    } else {
      db.run(
        `INSERT INTO commitment_views (id, track, committer, status, deadline, project_id, position, recorded_at, doc, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, deadline = excluded.deadline, position = excluded.position,
           recorded_at = excluded.recorded_at, doc = excluded.doc, state = excluded.state`,
        id, after.track, after.committer, after.status, after.deadline, after.projectId ?? null, after.position, recorded.metadata.recordedAt,
        JSON.stringify(fixedPart(after)), state,
      );
      db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, after.committer, 'committer');
      for (const c of after.counterparties) db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, c.code, 'counterparty');
    }
    const added = after.reports === before?.reports ? undefined : after.reports.find((r) => !before?.reports.includes(r));
    db.run(
      'INSERT INTO commitment_versions (id, position, recorded_at, revision, state, report, reports) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id, after.position, recorded.metadata.recordedAt, after.revision, state, added ? JSON.stringify(added) : null, after.reports.length,
    );
    remember(db, after);
  },
};

function changingPart(view: CommitmentView): Changing {
  const out: Record<string, unknown> = {};
  for (const key of CHANGING) if (view[key] !== undefined) out[key] = view[key];
  return out as unknown as Changing;
}

function fixedPart(view: CommitmentView | Fixed): Fixed {
  const out: Record<string, unknown> = { ...view };
  for (const key of CHANGING) delete out[key];
  delete out['reports'];
  return out as Fixed;
}

/**
 * The view as the database holds it, from the decoded cache when the cached copy is the
 * one stored (same position): a rolled-back batch or another file never leaks through.
 */
function cachedView(db: ProjectionDb, id: string): CommitmentView | null {
  const cache = decoded.get(db);
  const hit = cache?.get(id);
  if (hit) {
    const row = db.get<{ position: number | bigint }>('SELECT position FROM commitment_views WHERE id = ?', id);
    if (row && BigInt(row.position) === hit.position) return hit;
    cache!.delete(id);
  }
  return viewById(db, id);
}

function remember(db: ProjectionDb, view: CommitmentView): void {
  let cache = decoded.get(db);
  if (!cache) decoded.set(db, (cache = new Map()));
  cache.delete(view.id);
  cache.set(view.id, view);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

type ViewRow = { id: string; fixed: string; state: string };

export function viewById(db: ProjectionDb, id: string): CommitmentView | null {
  const row = db.get<ViewRow>('SELECT id, doc AS fixed, state FROM commitment_views WHERE id = ?', id);
  return row ? assemble(JSON.parse(row.fixed) as Fixed, row.state, reportsOf(db, id)) : null;
}

export function currentViews(db: ProjectionDb): CommitmentView[] {
  const rows = db.all<ViewRow>('SELECT id, doc AS fixed, state FROM commitment_views ORDER BY deadline, id');
  const reports = allReports(db);
  return rows.map((r) => assemble(JSON.parse(r.fixed) as Fixed, r.state, reports.get(r.id)));
}

/** A current view with what the dashboards' cache needs to follow changes and cut as-of. */
export interface StoredView {
  readonly view: CommitmentView;
  /** When the platform recorded the view's last change. */
  readonly recordedAt: string;
  /** The view's reports in the order they were recorded (a version's reports are the first few). */
  readonly recorded: readonly ProgressReportView[];
}

/** Current views changed after `position` (all of them from -1). */
export function viewsChangedAfter(db: ProjectionDb, position: bigint): StoredView[] {
  const rows = db.all<ViewRow & { recorded_at: string }>('SELECT id, doc AS fixed, state, recorded_at FROM commitment_views WHERE position > ?', position);
  // Many changed (a first load): one pass over every report beats a lookup per commitment.
  const all = rows.length > 1_000 ? allReports(db) : undefined;
  return rows.map((r) => {
    const recorded = all ? (all.get(r.id) ?? []) : reportsOf(db, r.id);
    return { view: assemble(JSON.parse(r.fixed) as Fixed, r.state, recorded), recordedAt: r.recorded_at, recorded };
  });
}

/**
 * One commitment as the platform knew it at `moment` (null: not known yet), from its
 * current stored view: only the version's state is read, its reports are the first ones
 * the current view recorded.
 */
export function storedViewAsOf(db: ProjectionDb, current: StoredView, moment: Date): CommitmentView | null {
  const row = db.get<{ state: string; reports: number }>(
    'SELECT state, reports FROM commitment_versions WHERE id = ? AND recorded_at <= ? ORDER BY revision DESC LIMIT 1',
    current.view.id, moment.toISOString(),
  );
  return row ? assemble(fixedPart(current.view), row.state, current.recorded.slice(0, row.reports)) : null;
}

/** Every commitment as the platform knew it at `moment` (recorded at or before it). */
export function viewsAsOf(db: ProjectionDb, moment: Date): CommitmentView[] {
  return db
    .all<{ id: string; fixed: string; state: string; reports: number }>(
      `SELECT s.id, v.doc AS fixed, s.state, s.reports FROM commitment_versions s JOIN commitment_views v ON v.id = s.id WHERE s.rowid IN
         (SELECT max(rowid) FROM commitment_versions WHERE recorded_at <= ? GROUP BY id)`,
      moment.toISOString(),
    )
    .map((r) => assemble(JSON.parse(r.fixed) as Fixed, r.state, reportsOf(db, r.id).slice(0, r.reports)))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

/** A commitment's reports in recorded order. */
function reportsOf(db: ProjectionDb, id: string): ProgressReportView[] {
  return db
    .all<{ report: string }>('SELECT report FROM commitment_versions WHERE id = ? AND report IS NOT NULL ORDER BY revision', id)
    .map((r) => JSON.parse(r.report) as ProgressReportView);
}

/** Every commitment's reports, by id, in the order they were recorded (rowid order: versions are inserted in log order). */
function allReports(db: ProjectionDb): Map<string, ProgressReportView[]> {
  const out = new Map<string, ProgressReportView[]>();
  for (const r of db.all<{ id: string; report: string }>('SELECT id, report FROM commitment_versions WHERE report IS NOT NULL ORDER BY rowid')) {
    const report = JSON.parse(r.report) as ProgressReportView;
    const list = out.get(r.id);
    if (list) list.push(report);
    else out.set(r.id, [report]);
  }
  return out;
}

/** A view from its parts; reports sorted by the day reported for, ties in recorded order (as the view sorts them). */
function assemble(fixed: Fixed, state: string, recorded: readonly ProgressReportView[] = []): CommitmentView {
  return { ...fixed, ...fromDoc(state), reports: [...recorded].sort((a, b) => a.reportedFor.localeCompare(b.reportedFor)) } as CommitmentView;
}

const BIGINT_KEYS = new Set(['revision', 'position']);

/** The state as JSON; its only bigints are `revision` and `position` (a replacer function would cost a call per key). */
function toDoc(state: Changing): string {
  return JSON.stringify({ ...state, revision: state.revision.toString(), position: state.position.toString() });
}

function fromDoc(doc: string): Changing {
  return JSON.parse(doc, (key, value) => (BIGINT_KEYS.has(key) && typeof value === 'string' ? BigInt(value) : value)) as Changing;
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
    .all<ViewRow>(`SELECT v.id, v.doc AS fixed, v.state FROM commitment_views v WHERE ${where.join(' AND ')} ORDER BY v.deadline, v.id LIMIT ?`, ...params, limit)
    .map((r) => assemble(JSON.parse(r.fixed) as Fixed, r.state, reportsOf(db, r.id)));
}
