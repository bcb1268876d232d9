import { commitmentSchemas } from '@council/commitments/domain';
import { instantMs, type Projection, type ProjectionDb, type RecordedEvent, type SqlValue } from '@council/platform/event-sourcing';
import { actualOf, type CommitmentView, disbursedOf, evolveCommitmentView, type ProgressReportView, reportOf, sortReports } from './commitment-view.js';

const PREFIX = 'commitment-';
/** Decoded views kept per read-model database, so an event does not re-read its view. */
const CACHE_LIMIT = 250_000;
/** Versions written by one statement. */
const VERSION_ROWS = 64;
const VERSION_COLUMNS = '(position, id, revision, recorded_at, reports, state_at, state, report)';
const VERSION_WIDTH = 8;

/**
 * What events change in a view apart from its reports, revision and position: its state.
 * `indicator.actual` and `disbursedVnd` are not stored: they follow from the reports.
 */
export interface CommitmentState {
  readonly status: CommitmentView['status'];
  readonly activatedOn?: string;
  readonly closedAt?: string;
  readonly counterparties: CommitmentView['counterparties'];
  readonly target: number;
  readonly budgetVnd: string | null;
  readonly pendingExtension?: CommitmentView['pendingExtension'];
  readonly deadline: string;
  readonly claim?: CommitmentView['claim'];
  readonly fulfilment?: CommitmentView['fulfilment'];
  readonly disputes: number;
  readonly disputed: boolean;
  readonly missedDeadlines: readonly string[];
}

/** What the proposal fixed: the view without its state, reports, revision and position. */
type FixedPart = Omit<CommitmentView, keyof CommitmentState | 'indicator' | 'reports' | 'disbursedVnd' | 'revision' | 'position'> & {
  readonly indicator: Omit<CommitmentView['indicator'], 'target' | 'actual'>;
};

/** The view's own fields that are not fixed by the proposal. */
const NOT_FIXED = new Set<string>([
  'status', 'activatedOn', 'closedAt', 'counterparties', 'budgetVnd', 'pendingExtension', 'deadline', 'claim', 'fulfilment',
  'disputes', 'disputed', 'missedDeadlines', 'reports', 'disbursedVnd', 'revision', 'position',
]);

/**
 * Every commitment's view as it stands (`commitment_views`, with the columns lists filter
 * on) and every version it went through (`commitment_versions`, keyed by the position of
 * the event that made it), so an as-of answer is a lookup rather than a replay. A view is
 * stored in parts, each written once: what the proposal fixed (`doc`, on the view's row);
 * its state (`state`, on the view's row, and on a version only when the event changed it:
 * a version names the version holding its state in `state_at`); the report an event added
 * (on its version, with the number of reports the view then had). The indicator's actual
 * value and the amount disbursed follow from the reports. A view is its fixed part, the
 * state, its first reports, its revision and position.
 *
 * Events are folded in memory during a transaction and written when it ends: a view's row
 * once per batch, versions many rows to a statement.
 */
export const commitmentViewProjection: Projection = {
  name: 'commitment-views',
  // 2: acceptedOn is the Việt Nam day (it was the UTC day). 3: a view stored in parts (proposal, state, reports).
  // 4: versions keyed by position, state only where it changed, times in epoch ms, actual and disbursed from the reports.
  version: 4,
  streamPrefixes: [PREFIX],
  schema: [
    `CREATE TABLE commitment_views (
       id TEXT PRIMARY KEY, track TEXT NOT NULL, committer TEXT NOT NULL, status TEXT NOT NULL,
       deadline TEXT NOT NULL, project_id TEXT, revision INTEGER NOT NULL, position INTEGER NOT NULL, recorded_at INTEGER NOT NULL,
       doc TEXT NOT NULL, state TEXT NOT NULL, state_at INTEGER NOT NULL) STRICT`,
    'CREATE INDEX commitment_views_by_deadline ON commitment_views (deadline, id)',
    'CREATE INDEX commitment_views_by_position ON commitment_views (position)',
    `CREATE TABLE commitment_parties (id TEXT NOT NULL, province TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (province, role, id)) STRICT`,
    `CREATE TABLE commitment_versions (
       position INTEGER PRIMARY KEY, id TEXT NOT NULL, revision INTEGER NOT NULL, recorded_at INTEGER NOT NULL,
       reports INTEGER NOT NULL, state_at INTEGER NOT NULL, state TEXT, report TEXT) STRICT`,
    // recorded_at in the index: a cut at a moment finds each commitment's version without reading the table.
    'CREATE INDEX commitment_versions_by_id ON commitment_versions (id, recorded_at)',
  ],
  beginBatch,
  apply(db, recorded) {
    const memory = memoryOf(db);
    if (memory.batch) return fold(db, memory, recorded);
    // Outside a runner's batch: this event alone.
    beginBatch(db);
    let folded = false;
    try {
      fold(db, memory, recorded);
      folded = true;
    } finally {
      if (folded) endBatch(db);
      else memory.batch = undefined;
    }
  },
  endBatch,
};

function beginBatch(db: ProjectionDb): void {
  const memory = memoryOf(db);
  validate(db, memory);
  memory.batch = new Map();
  memory.versions = [];
  memory.failed = undefined;
}

function endBatch(db: ProjectionDb): void {
  const memory = memoryOf(db);
  const batch = memory.batch;
  const versions = memory.versions;
  memory.batch = undefined;
  memory.versions = [];
  if (memory.failed !== undefined) throw memory.failed;
  if (!batch || batch.size === 0) return;
  let last = { id: '', position: -1 };
  for (const [id, change] of batch) {
    const { view, revision, position, stateAt, recordedAt } = change.now;
    if (change.inserted) {
      db.run(
        `INSERT INTO commitment_views (id, track, committer, status, deadline, project_id, revision, position, recorded_at, doc, state, state_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, deadline = excluded.deadline, revision = excluded.revision, position = excluded.position,
           recorded_at = excluded.recorded_at, doc = excluded.doc, state = excluded.state, state_at = excluded.state_at`,
        id, view.track, view.committer, view.status, view.deadline, view.projectId ?? null, revision, position, recordedAt,
        JSON.stringify(fixedPart(view)), change.state!, stateAt,
      );
      db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, view.committer, 'committer');
      for (const c of view.counterparties) db.run('INSERT INTO commitment_parties (id, province, role) VALUES (?, ?, ?)', id, c.code, 'counterparty');
    } else if (change.state !== undefined) {
      db.run(
        'UPDATE commitment_views SET status = ?, deadline = ?, revision = ?, position = ?, recorded_at = ?, state = ?, state_at = ? WHERE id = ?',
        view.status, view.deadline, revision, position, recordedAt, change.state, stateAt, id,
      );
    } else {
      db.run('UPDATE commitment_views SET revision = ?, position = ?, recorded_at = ? WHERE id = ?', revision, position, recordedAt, id);
    }
    if (position > last.position) last = { id, position };
  }
  writeVersions(db, versions);
  // Remembered before the transaction commits: if it is rolled back, the next batch finds `last` gone and forgets them.
  for (const change of batch.values()) remember(memory, change.now);
  memory.last = last;
}

/**
 * What the write path keeps of a commitment between events: its view without reports
 * (the fixed part and the state, which is all the fold of an event other than a report
 * reads), how many reports it has, its revision and position, the position of the version
 * holding its state, and when it was recorded. Reports are written once each and never
 * kept, so a rebuild holds one small record per commitment rather than every report.
 */
interface Held {
  /** Its reports, indicator's actual value and amount disbursed are left as they were (not stored). */
  view: CommitmentView;
  revision: bigint;
  position: number;
  reports: number;
  stateAt: number;
  recordedAt: number;
}

interface Change {
  /** Whether the database had no row for it before this batch. */
  readonly inserted: boolean;
  /** This batch's own copy, changed in place by the batch's events (the remembered one is left alone until the batch is written). */
  readonly now: Held;
  /** The state as last written by this batch, when the batch changed it. */
  state: string | undefined;
}

interface Memory {
  readonly views: Map<string, Held>;
  /** The view the last batch wrote last, and at which position: what `validate` checks. */
  last: { readonly id: string; readonly position: number } | undefined;
  batch: Map<string, Change> | undefined;
  /** Versions queued for the next statement, eight values each. */
  versions: SqlValue[];
  /** Why writing queued versions failed in this batch: it fails when it ends. */
  failed: unknown;
}

const memories = new WeakMap<ProjectionDb, Memory>();

function memoryOf(db: ProjectionDb): Memory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { views: new Map(), last: undefined, batch: undefined, versions: [], failed: undefined }));
  return memory;
}

/**
 * Trusts the decoded views only when the view written last stands in the table at the
 * position it was written at: a rolled-back batch took it back, so it empties them.
 */
function validate(db: ProjectionDb, memory: Memory): void {
  if (memory.last === undefined) return;
  const row = db.get<{ position: number }>('SELECT position FROM commitment_views WHERE id = ?', memory.last.id);
  if (row?.position !== memory.last.position) memory.views.clear();
  memory.last = undefined;
}

/**
 * Folds one event into the batch's copy of its commitment and queues its version. A
 * report only adds to the count and writes itself (`evolveCommitmentView` would add it to
 * the view's reports, which change no stored state); any other event goes through
 * `evolveCommitmentView`. Everything that may throw comes before the copy is changed.
 */
function fold(db: ProjectionDb, memory: Memory, recorded: RecordedEvent): void {
  const id = recorded.streamId.slice(PREFIX.length);
  const change = memory.batch!.get(id);
  const before = change ? change.now : held(db, memory, id);
  // Redelivery is harmless: an event at or before the view's revision was folded already.
  if (before && recorded.revision <= before.revision) return;
  const event = commitmentSchemas.upcast(recorded);
  const position = Number(recorded.position);
  const recordedAt = instantMs(recorded.metadata.recordedAt);
  let view: CommitmentView;
  let reports: number;
  let stateAt: number;
  let state: string | null = null;
  let added: string | null = null;
  if (before && event.type === 'ProgressReported') {
    added = JSON.stringify(reportOf(event));
    view = before.view;
    reports = before.reports + 1;
    stateAt = before.stateAt;
  } else {
    // The held view's revision may be behind `before.revision` (reports do not move it): still below this event's.
    const after = evolveCommitmentView(before?.view ?? null, event);
    if (!after) return;
    const changed = !before || stateChanged(before.view, after);
    if (changed) state = JSON.stringify(stateOf(after));
    view = after;
    // Only a proposal makes new (empty) reports; reports added by the fold are not kept.
    reports = before && after.reports === before.view.reports ? before.reports : after.reports.length;
    stateAt = changed ? position : before!.stateAt;
  }
  if (change) {
    const now = change.now;
    now.view = view;
    now.revision = recorded.revision;
    now.position = position;
    now.reports = reports;
    now.stateAt = stateAt;
    now.recordedAt = recordedAt;
    if (state !== null) change.state = state;
  } else {
    const now: Held = { view, revision: recorded.revision, position, reports, stateAt, recordedAt };
    memory.batch!.set(id, { inserted: before === null, now, state: state ?? undefined });
  }
  const versions = memory.versions;
  versions.push(position, id, recorded.revision, recordedAt, reports, stateAt, state, added);
  // Written as soon as a statement's worth is queued, so a batch holds few (a version is never read back within its batch).
  if (versions.length === VERSION_ROWS * VERSION_WIDTH) {
    try {
      db.run(MANY_VERSIONS, ...versions);
    } catch (error) {
      // Not this event's fault: the batch fails as a whole when it ends (the runner rolls it back).
      memory.failed ??= error;
      throw error;
    }
    versions.length = 0;
  }
}

/** The versions still queued (fewer than a statement's worth), one row at a time. */
function writeVersions(db: ProjectionDb, values: SqlValue[]): void {
  for (let at = 0; at < values.length; at += VERSION_WIDTH) db.run(ONE_VERSION, ...values.slice(at, at + VERSION_WIDTH));
}

const ONE_VERSION = `INSERT INTO commitment_versions ${VERSION_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
const MANY_VERSIONS = `INSERT INTO commitment_versions ${VERSION_COLUMNS} VALUES ${Array.from({ length: VERSION_ROWS }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

/** Whether the event changed the view's state (the same objects when it did not: the fold keeps what it does not change). */
function stateChanged(a: CommitmentView, b: CommitmentView): boolean {
  return (
    a.status !== b.status || a.activatedOn !== b.activatedOn || a.closedAt !== b.closedAt || a.counterparties !== b.counterparties ||
    a.indicator.target !== b.indicator.target || a.budgetVnd !== b.budgetVnd || a.pendingExtension !== b.pendingExtension ||
    a.deadline !== b.deadline || a.claim !== b.claim || a.fulfilment !== b.fulfilment || a.disputes !== b.disputes ||
    a.disputed !== b.disputed || a.missedDeadlines !== b.missedDeadlines
  );
}

/** The state of a view, its keys always in this order (absent ones left out when written). */
function stateOf(v: CommitmentView): CommitmentState {
  return {
    status: v.status, activatedOn: v.activatedOn, closedAt: v.closedAt, counterparties: v.counterparties, target: v.indicator.target,
    budgetVnd: v.budgetVnd, pendingExtension: v.pendingExtension, deadline: v.deadline, claim: v.claim, fulfilment: v.fulfilment,
    disputes: v.disputes, disputed: v.disputed, missedDeadlines: v.missedDeadlines,
  } as CommitmentState;
}

/** What the proposal fixed of a view. */
function fixedPart(view: CommitmentView): FixedPart {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(view)) if (!NOT_FIXED.has(key) && key !== 'indicator') out[key] = view[key as keyof CommitmentView];
  const { target: _target, actual: _actual, ...indicator } = view.indicator;
  out['indicator'] = indicator;
  return out as FixedPart;
}

/** A stored state, decoded once: what it sets on a view, and the indicator's target. */
export interface DecodedState {
  readonly patch: Omit<CommitmentState, 'target'>;
  readonly target: number;
}

function decodeState(json: string): DecodedState {
  const { target, ...patch } = JSON.parse(json) as CommitmentState;
  return { patch, target };
}

/**
 * A view from its parts: the fixed part, a state, its reports (in the order of the day
 * reported for, as `sortReports` gives them), its revision and position.
 */
function assembleView(fixed: FixedPart, state: DecodedState, reports: readonly ProgressReportView[], revision: bigint, position: bigint): CommitmentView {
  return {
    ...fixed,
    ...state.patch,
    indicator: { ...fixed.indicator, target: state.target, actual: actualOf(reports) },
    disbursedVnd: disbursedOf(reports),
    reports,
    revision,
    position,
  } as CommitmentView;
}

/** What the write path keeps of a commitment, from memory when the memory is trusted, else from the table. */
function held(db: ProjectionDb, memory: Memory, id: string): Held | null {
  const hit = memory.views.get(id);
  if (hit) return hit;
  // The version at the view's position says how many reports the view has (every change of a view writes one).
  const row = db.get<{ doc: string; state: string; revision: number; position: number; state_at: number; recorded_at: number; reports: number | null }>(
    `SELECT v.doc, v.state, v.revision, v.position, v.state_at, v.recorded_at, s.reports FROM commitment_views v
       LEFT JOIN commitment_versions s ON s.position = v.position WHERE v.id = ?`,
    id,
  );
  if (!row) return null;
  const reports = row.reports ?? db.get<{ n: number }>('SELECT count(*) AS n FROM commitment_versions WHERE id = ? AND report IS NOT NULL', id)!.n;
  const view = assembleView(JSON.parse(row.doc) as FixedPart, decodeState(row.state), NO_REPORTS, BigInt(row.revision), BigInt(row.position));
  return { view, revision: BigInt(row.revision), position: row.position, reports, stateAt: row.state_at, recordedAt: row.recorded_at };
}

const NO_REPORTS: readonly ProgressReportView[] = [];

function remember(memory: Memory, held: Held): void {
  const cache = memory.views;
  cache.delete(held.view.id);
  cache.set(held.view.id, held);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

const VIEW_COLUMNS = 'id, doc, state, revision, position';
type ViewRow = { id: string; doc: string; state: string; revision: number; position: number };

function fromRow(row: ViewRow, recorded: readonly ProgressReportView[] | undefined): CommitmentView {
  return assembleView(JSON.parse(row.doc) as FixedPart, decodeState(row.state), sortReports(recorded ?? []), BigInt(row.revision), BigInt(row.position));
}

export function viewById(db: ProjectionDb, id: string): CommitmentView | null {
  const row = db.get<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM commitment_views WHERE id = ?`, id);
  return row ? fromRow(row, reportsOf(db, id)) : null;
}

export function currentViews(db: ProjectionDb): CommitmentView[] {
  const rows = db.all<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM commitment_views ORDER BY deadline, id`);
  const reports = allReports(db);
  return rows.map((r) => fromRow(r, reports.get(r.id)));
}

/** A current view with what the dashboards' cache needs to follow changes and cut as-of. */
export interface StoredView {
  readonly view: CommitmentView;
  /** When the platform recorded the view's last change (epoch ms). */
  readonly recordedAt: number;
  /** The position of the version that holds the view's state. */
  readonly stateAt: number;
  /** The view's reports in the order they were recorded (a version's reports are the first few). */
  readonly recorded: readonly ProgressReportView[];
}

/** Current views changed after `position` (all of them from -1), in position order; the first `limit` only when given. */
export function viewsChangedAfter(db: ProjectionDb, position: bigint, limit?: number): StoredView[] {
  const rows = db.all<ViewRow & { recorded_at: number; state_at: number }>(
    `SELECT ${VIEW_COLUMNS}, recorded_at, state_at FROM commitment_views WHERE position > ? ORDER BY position LIMIT ?`,
    position, limit ?? -1,
  );
  // Many changed (a first load in one go): one pass over every report beats a lookup per commitment.
  const all = limit === undefined && rows.length > 1_000 ? allReports(db) : undefined;
  return rows.map((r) => {
    const recorded = all ? (all.get(r.id) ?? []) : reportsOf(db, r.id);
    return { view: fromRow(r, recorded), recordedAt: r.recorded_at, stateAt: r.state_at, recorded };
  });
}

/** One version of a commitment: the event that made it, its revision, when it was recorded, its reports so far, where its state is. */
export interface VersionRef {
  readonly position: number;
  readonly id: string;
  readonly revision: number;
  readonly recordedAt: number;
  readonly reports: number;
  readonly stateAt: number;
  /** The state, when this version changed it (as stored: `decodeState` reads it). */
  readonly state: string | null;
  /** The report this version added (null: none): the day it is for, its value, the total disbursed (null: not given). */
  readonly reportedFor: string | null;
  readonly value: number | null;
  readonly disbursedVnd: string | null;
}

/**
 * Calls `visit` with the versions after `position`, in log order, a page at a time: all of
 * them, or only the first `limit`. Returns how many it visited. `visit` gets the same
 * object each time, filled with the next version: it must copy what it keeps.
 */
export function versionsAfter(db: ProjectionDb, position: number, visit: (version: VersionRef) => void, limit = Infinity): number {
  const v = { position: 0, id: '', revision: 0, recordedAt: 0, reports: 0, stateAt: 0, state: null as string | null, reportedFor: null as string | null, value: null as number | null, disbursedVnd: null as string | null };
  let visited = 0;
  for (let after = position; visited < limit; ) {
    const size = Math.min(VERSIONS_PAGE, limit - visited);
    // The report's value as its JSON text, which `Number` reads as `JSON.parse` would (SQLite's own conversion may round otherwise).
    const page = db.allArrays<[number, string, number, number, number, number, string | null, string | null, string | null, string | null]>(
      `SELECT position, id, revision, recorded_at, reports, state_at, state,
         report ->> '$.reportedFor', report -> '$.value', report ->> '$.disbursedVnd'
       FROM commitment_versions WHERE position > ? ORDER BY position LIMIT ?`,
      after, size,
    );
    for (const r of page) {
      v.position = r[0]; v.id = r[1]; v.revision = r[2]; v.recordedAt = r[3]; v.reports = r[4]; v.stateAt = r[5]; v.state = r[6];
      v.reportedFor = r[7]; v.value = r[8] === null ? null : Number(r[8]); v.disbursedVnd = r[9];
      visit(v);
    }
    visited += page.length;
    if (page.length < size) break;
    after = page[page.length - 1]![0];
  }
  return visited;
}

const VERSIONS_PAGE = 20_000;

/** The state a version holds (`stateAt` of a version), or null when there is no such version. */
export function versionState(db: ProjectionDb, stateAt: number): DecodedState | null {
  const row = db.get<{ state: string | null }>('SELECT state FROM commitment_versions WHERE position = ?', stateAt);
  return row?.state ? decodeState(row.state) : null;
}

/** Every commitment as the platform knew it at `moment` (recorded at or before it). */
export function viewsAsOf(db: ProjectionDb, moment: Date): CommitmentView[] {
  const rows = db.all<{ id: string; doc: string; state: string; revision: number; position: number; reports: number }>(
    `SELECT s.id, v.doc, h.state, s.revision, s.position, s.reports FROM commitment_versions s
       JOIN commitment_views v ON v.id = s.id JOIN commitment_versions h ON h.position = s.state_at
     WHERE s.position IN (SELECT max(position) FROM commitment_versions WHERE recorded_at <= ? GROUP BY id)`,
    moment.getTime(),
  );
  const all = rows.length > 1_000 ? allReports(db) : undefined;
  return rows
    .map((r) => fromRow(r, (all ? (all.get(r.id) ?? []) : reportsOf(db, r.id)).slice(0, r.reports)))
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A commitment's reports in recorded order. */
function reportsOf(db: ProjectionDb, id: string): ProgressReportView[] {
  return db
    .all<{ report: string }>('SELECT report FROM commitment_versions WHERE id = ? AND report IS NOT NULL ORDER BY position', id)
    .map((r) => JSON.parse(r.report) as ProgressReportView);
}

/** A commitment's reports in the order they were recorded (a version with `n` reports has the first `n`, sorted by `sortReports`). */
export function recordedReports(db: ProjectionDb, id: string): ProgressReportView[] {
  return reportsOf(db, id);
}

/** Every commitment's reports, by id, in the order they were recorded. */
function allReports(db: ProjectionDb): Map<string, ProgressReportView[]> {
  const out = new Map<string, ProgressReportView[]>();
  for (const r of db.all<{ id: string; report: string }>('SELECT id, report FROM commitment_versions WHERE report IS NOT NULL ORDER BY position')) {
    const report = JSON.parse(r.report) as ProgressReportView;
    const list = out.get(r.id);
    if (list) list.push(report);
    else out.set(r.id, [report]);
  }
  return out;
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
    .all<ViewRow>(`SELECT v.id, v.doc, v.state, v.revision, v.position FROM commitment_views v WHERE ${where.join(' AND ')} ORDER BY v.deadline, v.id LIMIT ?`, ...params, limit)
    .map((r) => fromRow(r, reportsOf(db, r.id)));
}
