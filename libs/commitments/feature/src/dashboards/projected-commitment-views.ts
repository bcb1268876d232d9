import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { commitmentSchemas, COMMITMENT_STREAM_PREFIX } from '@council/commitments/domain';
import {
  assembleView,
  type CommitmentView,
  type DecodedState,
  decodeState,
  evolveCommitmentView,
  type FixedPart,
  fixedPart,
  sortReports,
  type StoredView,
  withReports,
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
  readonly recordedAt: number[];
  readonly position: number[];
  readonly revision: number[];
  readonly reports: number[];
  readonly stateAt: number[];
}

/** A current view with what as-of answers need of it, worked out once when they first do. */
interface Known extends StoredView {
  fixed?: FixedPart;
  /** Whether its reports were recorded in the order of the days they report for (the first few then need no sort). */
  inOrder?: boolean;
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
  private readonly states = new Map<number, DecodedState>();
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
      } catch {
        // Closed or not readable yet: the first as-of question reads them itself.
      }
    });
  }

  /** Decodes a page of the views in the background; true while more may follow (the next question reads the rest at once). */
  private readViews(): boolean {
    const page = this.readModels.read((db) => viewsChangedAfter(db, this.viewCursor, WARM_VIEWS));
    for (const stored of page) this.byId.set(stored.view.id, stored);
    if (page.length > 0) {
      this.sorted = undefined;
      this.viewCursor = page[page.length - 1]!.view.position;
    }
    return page.length === WARM_VIEWS;
  }

  private forget(): void {
    this.byId.clear();
    this.sorted = undefined;
    this.seen = -1n;
    this.viewCursor = -1n;
    this.timelines = undefined;
    this.versionsSeen = 0;
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
      this.followVersions(db);
      const timelines = this.timelines!;
      for (const known of order) {
        const view = known.view;
        if (known.recordedAt <= cut) {
          views.push(view);
          continue;
        }
        const line = timelines.get(view.id);
        if (!line) continue;
        // The last version recorded by then (versions are in log order; a clock that went back is no reason to skip one).
        let at = line.recordedAt.length - 1;
        while (at >= 0 && line.recordedAt[at]! > cut) at--;
        if (at < 0) continue;
        known.inOrder ??= known.recorded.every((r, i) => i === 0 || known.recorded[i - 1]!.reportedFor <= r.reportedFor);
        const first = known.recorded.slice(0, line.reports[at]);
        const reports = known.inOrder ? first : sortReports(first);
        const stateAt = line.stateAt[at]!;
        if (stateAt === line.stateAt[line.stateAt.length - 1]) {
          // Only reports came since (the common case): the current view with its first reports.
          views.push(withReports(view, reports, BigInt(line.revision[at]!), BigInt(line.position[at]!)));
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
        known.fixed ??= fixedPart(view);
        const then = assembleView(known.fixed, state, reports, BigInt(line.revision[at]!), BigInt(line.position[at]!));
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
      this.byId.set(stored.view.id, stored);
    }
    if (reorder || !this.sorted) {
      this.sorted = undefined;
    } else {
      this.order = this.order.map((known) => this.byId.get(known.view.id)!);
      this.sorted = this.order.map((known) => known.view);
    }
  }

  /** Reads the versions' numbers by commitment not read yet (all, or `limit`); returns how many it read. */
  private followVersions(db: Parameters<Parameters<ReadModels['read']>[0]>[0], limit = Infinity): number {
    const timelines = (this.timelines ??= new Map());
    return versionsAfter(db, this.versionsSeen, (v) => {
      let line = timelines.get(v.id);
      if (!line) timelines.set(v.id, (line = { recordedAt: [], position: [], revision: [], reports: [], stateAt: [] }));
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
