import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { commitmentSchemas, COMMITMENT_STREAM_PREFIX } from '@council/commitments/domain';
import {
  type CommitmentView,
  type DecodedState,
  decodeState,
  evolveCommitmentView,
  type FixedPart,
  fixedPart,
  type ProgressReportView,
  recordedReports,
  REPORT_SUMMARY,
  type ReportSummary,
  sortReports,
  type StoredView,
  versionsAfter,
  versionState,
  viewsChangedAfter,
} from '@council/commitments/read-models';
import { EventStore, ReadModels, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentViews } from './commitment-views.js';

const EFFECTIVE_PAGE = 5_000;
/** Versions read per turn of the event loop while the timelines are read in the background. */
const WARM_PAGE = 20_000;
/** Views decoded per turn of the event loop while they are read in the background. */
const WARM_VIEWS = 1_000;
/** Decoded version states kept for as-of answers (most moments need the same few states per commitment). */
const STATES_KEPT = 100_000;

/** The order of `currentViews` (SQLite's binary collation): deadline, then id. */
const byDeadlineThenId = (a: CommitmentView, b: CommitmentView): number =>
  a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A commitment's versions in log order, as parallel arrays of numbers (a region holds about a million). */
interface Timeline {
  recordedAt: number[];
  position: number[];
  revision: number[];
  reports: number[];
  stateAt: number[];
}

/**
 * A commitment's reports as the dashboards compute with them, in the order recorded: the
 * day reported for, the value and the running total disbursed (null: not given). Notes and
 * evidence stay in the read models, read when a view's `reports` is read.
 */
interface CompactReports {
  readonly days: readonly string[];
  readonly values: readonly number[];
  /**
   * The totals disbursed: as numbers (NaN: not given) when each is the decimal a number
   * prints as exactly (every amount up to 2^53 VND), else as given (null: not given).
   */
  readonly disbursed: readonly number[] | readonly (string | null)[];
  /** Recorded indexes in the order of the day reported for (stable); null when recorded in that order. */
  readonly byDay: readonly number[] | null;
}

/** A current view with what as-of answers need of it. */
interface Known {
  /** As the dashboards get it: its reports read on demand. */
  readonly view: CommitmentView;
  /** The same without its reports: what as-of views are copied from. */
  readonly plain: Omit<CommitmentView, 'reports'>;
  /** When the platform recorded the view's last change (epoch ms). */
  readonly recordedAt: number;
  readonly reports: CompactReports;
  /** Worked out once when an as-of answer first needs it. */
  fixed?: FixedPart;
  /** Its timeline, once an as-of answer looked it up (the same object as versions are added). */
  line?: Timeline;
}

/** What the first `count` recorded reports give a view (as `sortReports`, `actualOf` and `disbursedOf` would). */
function reportsSummary(reports: CompactReports, count: number): { actual: number | null; disbursedVnd: string | null; lastReportedFor: string | null } {
  let actual: number | null = null;
  let lastReportedFor: string | null = null;
  let disbursedVnd: string | null = null;
  let found = false;
  for (let k = reports.days.length - 1; k >= 0; k--) {
    const i = reports.byDay ? reports.byDay[k]! : k;
    if (i >= count) continue;
    if (!found) {
      found = true;
      actual = reports.values[i]!;
      lastReportedFor = reports.days[i]!;
    }
    const disbursed = reports.disbursed[i]!;
    if (typeof disbursed === 'number' ? !Number.isNaN(disbursed) : disbursed !== null) {
      disbursedVnd = String(disbursed);
      break;
    }
  }
  return { actual, disbursedVnd, lastReportedFor };
}

/** Amounts as numbers when every one of them prints back exactly as given (NaN for none), else as given. */
function compactAmounts(amounts: readonly (string | null)[]): readonly number[] | readonly (string | null)[] {
  const numbers = amounts.map((a) => (a === null ? NaN : Number(a)));
  return numbers.every((n, i) => (amounts[i] === null ? true : String(n) === amounts[i])) ? numbers : amounts;
}

/** Reads a view's reports from the read models when they are asked for: the first `count` recorded, by the day reported for. */
class ReportsOnDemand implements ReportSummary {
  constructor(
    private readonly readModels: ReadModels,
    private readonly id: string,
    readonly count: number,
    readonly lastReportedFor: string | null,
  ) {}

  /** The reports read last, while something still holds them (a presenter reads `reports` several times per view). */
  private last: WeakRef<ProgressReportView[]> | undefined;

  read(): ProgressReportView[] {
    if (this.count === 0) return [];
    const held = this.last?.deref();
    if (held) return held;
    const reports = sortReports(this.readModels.read((db) => recordedReports(db, this.id)).slice(0, this.count));
    this.last = new WeakRef(reports);
    return reports;
  }
}

function readReports(this: { [REPORT_SUMMARY]: ReportsOnDemand }): ProgressReportView[] {
  return this[REPORT_SUMMARY].read();
}

/** A view whose `reports` is read on demand, with what the dashboards use of them at hand (`reportCount`, `lastReportedFor`). */
function onDemand(plain: Omit<CommitmentView, 'reports'>, summary: ReportsOnDemand): CommitmentView {
  Object.defineProperty(plain, 'reports', { get: readReports, enumerable: true, configurable: true });
  Object.defineProperty(plain, REPORT_SUMMARY, { value: summary });
  return plain as CommitmentView;
}

/**
 * The dashboards' commitment views, read from the node's projected read models and kept
 * decoded in memory: each query reads only the views changed since the last one (by
 * position), instead of parsing every view again. For as-of answers the versions' numbers
 * (when recorded, revision, position, how many reports, where the state is) are kept in
 * memory per commitment once the first as-of question came: a commitment changed after
 * the moment is its fixed part, the state of its last version recorded by then (one small
 * read, and most moments need states already decoded), and its first reports.
 */
@Injectable()
export class ProjectedCommitmentViews extends CommitmentViews implements OnModuleDestroy {
  private readonly byId = new Map<string, Known>();
  /** The read-model position `byId` reflects; -1: not all read yet. */
  private seen = -1n;
  /** While `seen` is -1: the position of the last view the background read decoded (views are read in position order). */
  private viewCursor = -1n;
  private sorted: CommitmentView[] | undefined;
  /** The same, with what as-of answers need of each (valid while `sorted` is). */
  private order: Known[] = [];
  /** Versions by commitment, once an as-of question came; up to `versionsSeen`. */
  private timelines: Map<string, Timeline> | undefined;
  private versionsSeen = 0;
  /** Timelines pushed to since they were last trimmed. */
  private readonly grown = new Set<Timeline>();
  private readonly states = new Map<number, DecodedState>();
  private readonly days = new Map<string, string>();
  /** Every stored state by the position of its version, as stored (small strings; decoded on demand into `states`). */
  private readonly stateJson = new Map<number, string>();
  private warming: NodeJS.Immediate | undefined;
  private destroyed = false;

  /** Counts the times the read models were replaced under the same position (a rebuild swapped in). */
  private generation = 0;
  private readonly stopListening: () => void;

  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    super();
    // A change told without the position moving on is a rebuilt file swapped in: read everything again.
    this.stopListening = readModels.onChange((position) => {
      if (position > this.seen) return;
      this.forget();
      this.generation += 1;
      this.warm();
    });
    // The first question should not wait for every view and a million versions to be read: read them between other work.
    this.warm();
  }

  onModuleDestroy(): void {
    this.destroyed = true;
    this.stopListening();
    this.forget();
  }

  /** Reads the versions' numbers a page per turn of the event loop until it has them all (or is stopped). */
  private warm(): void {
    if (this.warming) clearImmediate(this.warming);
    this.warming = setImmediate(() => {
      this.warming = undefined;
      if (this.destroyed) return;
      try {
        if (this.seen === -1n) {
          // The last page read, catch up and put them in order as the first question would, then the versions.
          if (!this.readViews()) this.inOrder();
          return this.warm();
        }
        const read = this.readModels.read((db) => this.followVersions(db, WARM_PAGE));
        if (read === WARM_PAGE) this.warm();
        else this.trimTimelines();
      } catch {
        // Closed or not readable yet: the first as-of question reads them itself.
      }
    });
  }

  /** Decodes a page of the views in the background; true while more may follow (the next question reads the rest at once). */
  private readViews(): boolean {
    const page = this.readModels.read((db) => viewsChangedAfter(db, this.viewCursor, WARM_VIEWS));
    for (const stored of page) this.byId.set(stored.view.id, this.know(stored));
    if (page.length > 0) {
      this.sorted = undefined;
      this.viewCursor = page[page.length - 1]!.view.position;
    }
    return page.length === WARM_VIEWS;
  }

  /** A view as read from the read models, kept without its report objects. */
  private know(stored: StoredView): Known {
    const { reports: _reports, ...plain } = stored.view;
    const recorded = stored.recorded;
    const days = recorded.map((r) => this.day(r.reportedFor));
    const inOrder = days.every((day, i) => i === 0 || days[i - 1]! <= day);
    const reports: CompactReports = {
      days,
      values: recorded.map((r) => r.value),
      disbursed: compactAmounts(recorded.map((r) => r.disbursedVnd ?? null)),
      // A stable sort of the indexes by day: ties stay in recorded order, as `sortReports` keeps them.
      byDay: inOrder ? null : days.map((_, i) => i).sort((a, b) => (days[a]! < days[b]! ? -1 : days[a]! > days[b]! ? 1 : 0)),
    };
    const summary = new ReportsOnDemand(this.readModels, plain.id, recorded.length, reportsSummary(reports, recorded.length).lastReportedFor);
    return { view: onDemand({ ...plain }, summary), plain, recordedAt: stored.recordedAt, reports };
  }

  /** One string per day reported for, shared by every report for it. */
  private day(day: string): string {
    const known = this.days.get(day);
    if (known !== undefined) return known;
    this.days.set(day, day);
    return day;
  }

  private forget(): void {
    this.byId.clear();
    this.days.clear();
    this.sorted = undefined;
    this.seen = -1n;
    this.viewCursor = -1n;
    this.timelines = undefined;
    this.versionsSeen = 0;
    this.grown.clear();
    this.states.clear();
    this.stateJson.clear();
    if (this.warming) clearImmediate(this.warming);
    this.warming = undefined;
  }

  override stamp(): string {
    return `${this.generation}:${this.readModels.position()}`;
  }

  async current(): Promise<readonly CommitmentView[]> {
    this.inOrder();
    return this.sorted!;
  }

  /** The current views with what as-of needs, by deadline then id. */
  private inOrder(): readonly Known[] {
    this.refresh();
    if (!this.sorted) {
      this.order = [...this.byId.values()].sort((a, b) => byDeadlineThenId(a.view, b.view));
      this.sorted = this.order.map((known) => known.view);
    }
    return this.order;
  }

  async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    const order = this.inOrder();
    const cut = moment.getTime();
    const views: CommitmentView[] = [];
    let reorder = false;
    this.readModels.read((db) => {
      if (this.followVersions(db) >= WARM_PAGE) this.trimTimelines();
      const timelines = this.timelines!;
      for (const known of order) {
        const view = known.view;
        if (known.recordedAt <= cut) {
          views.push(view);
          continue;
        }
        const line = (known.line ??= timelines.get(view.id));
        if (!line) continue;
        // The last version recorded by then (versions are in log order; a clock that went back is no reason to skip one).
        let at = line.recordedAt.length - 1;
        while (at >= 0 && line.recordedAt[at]! > cut) at--;
        if (at < 0) continue;
        const count = line.reports[at]!;
        const { actual, disbursedVnd, lastReportedFor } = reportsSummary(known.reports, count);
        const reports = new ReportsOnDemand(this.readModels, view.id, count, lastReportedFor);
        const revision = BigInt(line.revision[at]!);
        const position = BigInt(line.position[at]!);
        const stateAt = line.stateAt[at]!;
        if (stateAt === line.stateAt[line.stateAt.length - 1]) {
          // Only reports came since (the common case): the current view with its first reports.
          const plain = known.plain;
          views.push(onDemand({ ...plain, indicator: { ...plain.indicator, actual }, disbursedVnd, revision, position }, reports));
          continue;
        }
        let state = this.states.get(stateAt);
        if (!state) {
          const json = this.stateJson.get(stateAt);
          state = (json === undefined ? versionState(db, stateAt) : decodeState(json)) ?? undefined;
          if (!state) continue;
          if (this.states.size >= STATES_KEPT) this.states.delete(this.states.keys().next().value!);
          this.states.set(stateAt, state);
        }
        const fixed = (known.fixed ??= fixedPart(known.plain as CommitmentView));
        const then = onDemand(
          { ...fixed, ...state.patch, indicator: { ...fixed.indicator, target: state.target, actual }, disbursedVnd, revision, position } as Omit<CommitmentView, 'reports'>,
          reports,
        );
        if (then.deadline !== view.deadline) reorder = true;
        views.push(then);
      }
    });
    // In the current order already, but for deadlines extended since the moment.
    return reorder ? views.sort(byDeadlineThenId) : views;
  }

  /** Brings the decoded views up to the read models' position (reads and position are synchronous, so they agree). */
  private refresh(): void {
    const at = this.readModels.position();
    if (at === this.seen) return;
    // Before the first question: what the background read has not decoded yet (a view changed meanwhile has moved past the cursor).
    const changed = this.readModels.read((db) => viewsChangedAfter(db, this.seen === -1n ? this.viewCursor : this.seen));
    this.seen = at;
    if (changed.length === 0) return;
    let reorder = false;
    for (const stored of changed) {
      const before = this.byId.get(stored.view.id);
      if (!before || before.view.deadline !== stored.view.deadline) reorder = true;
      this.byId.set(stored.view.id, this.know(stored));
    }
    if (reorder || !this.sorted) {
      this.sorted = undefined;
    } else {
      this.order = this.order.map((known) => this.byId.get(known.view.id)!);
      this.sorted = this.order.map((known) => known.view);
    }
  }

  /**
   * Gives the timelines read into the room they need (an array grown by pushes keeps up to
   * half as much again spare), and lets go of the stored states that are their views'
   * current ones: an as-of view with the current state is copied from the current view.
   * (Once a newer state follows, the one let go is read by key when a moment needs it.)
   */
  private trimTimelines(): void {
    for (const line of this.grown) {
      this.stateJson.delete(line.stateAt[line.stateAt.length - 1]!);
      line.recordedAt = line.recordedAt.slice();
      line.position = line.position.slice();
      line.revision = line.revision.slice();
      line.reports = line.reports.slice();
      line.stateAt = line.stateAt.slice();
    }
    this.grown.clear();
  }

  /** Reads the versions' numbers by commitment not read yet (all, or `limit`); returns how many it read. */
  private followVersions(db: Parameters<Parameters<ReadModels['read']>[0]>[0], limit = Infinity): number {
    const timelines = (this.timelines ??= new Map());
    return versionsAfter(db, this.versionsSeen, (v) => {
      let line = timelines.get(v.id);
      if (!line) timelines.set(v.id, (line = { recordedAt: [], position: [], revision: [], reports: [], stateAt: [] }));
      this.grown.add(line);
      line.recordedAt.push(v.recordedAt);
      line.position.push(v.position);
      line.revision.push(v.revision);
      line.reports.push(v.reports);
      line.stateAt.push(v.stateAt);
      if (v.state !== null) this.stateJson.set(v.position, v.state);
      this.versionsSeen = v.position;
    }, limit);
  }

  /**
   * Replays the commitment streams from the log, keeping facts effective by `day`: a fact
   * can be recorded long after the day it is effective from (a report filed in October for
   * September), so no prefix of the log, and no version in the read models, is that day.
   */
  async effectiveOn(day: string, recordedBy?: Date): Promise<readonly CommitmentView[]> {
    const views = new Map<string, CommitmentView | null>();
    const filter = { streamPrefixes: [COMMITMENT_STREAM_PREFIX] };
    for (let after = 0n; ; ) {
      const page = await this.store.readAll({ after, maxCount: EFFECTIVE_PAGE, filter });
      for (const event of page) {
        if (recordedBy && Date.parse(event.metadata.recordedAt) > recordedBy.getTime()) continue;
        if (vietnamDate(new Date(event.metadata.effectiveAt)) > day) continue;
        views.set(event.streamId, evolveCommitmentView(views.get(event.streamId) ?? null, commitmentSchemas.upcast(event)));
      }
      if (page.length < EFFECTIVE_PAGE) break;
      after = page[page.length - 1]!.position;
    }
    return [...views.values()].filter((v): v is CommitmentView => v !== null).sort(byDeadlineThenId);
  }
}
