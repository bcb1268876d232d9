import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { commitmentSchemas, COMMITMENT_STREAM_PREFIX } from '@council/commitments/domain';
import {
  type CommitmentState,
  type CommitmentView,
  type CounterpartyView,
  evolveCommitmentView,
  type ProgressReportView,
  recordedReports,
  REPORT_SUMMARY,
  type ReportSummary,
  sortReports,
  type StoredView,
  type VersionRef,
  versionsAfter,
  versionState,
  viewsChangedAfter,
} from '@council/commitments/read-models';
import { EventStore, type ProjectionDb, ReadModels, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentViews } from './commitment-views.js';

const EFFECTIVE_PAGE = 5_000;
/** Versions read per turn of the event loop while the timelines are read in the background. */
const WARM_PAGE = 5_000;
/** Views decoded per turn of the event loop while they are read in the background. */
const WARM_VIEWS = 250;
/** Decoded version states kept for as-of answers (most moments need the same few states per commitment). */
const STATES_KEPT = 100_000;
/** The states kept as UTF-8 are kept in blocks of this many bytes. */
const STATE_BLOCK = 4 << 20;
/** No missed deadlines (most views), one array for all. */
const NONE: readonly string[] = Object.freeze([]);

/** The order of `currentViews` (SQLite's binary collation): deadline, then id. */
const byDeadlineThenId = (a: CommitmentView, b: CommitmentView): number =>
  a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

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

/** The fields of a view that its state sets (`CommitmentState` without the target). */
type StateFields = Omit<CommitmentState, 'target'>;
/** A stored state, decoded: its fields and the indicator's target. */
type DecodedStateFields = StateFields & { readonly target: number };

/** Revisions up to this many are the same BigInt each time (an as-of answer makes tens of thousands). */
const SMALL_BIGINTS = Array.from({ length: 1024 }, (_, i) => BigInt(i));
const bigint = (n: number): bigint => SMALL_BIGINTS[n] ?? BigInt(n);

/**
 * A view as the dashboards get it: every field its own and always present (one shape for
 * all, undefined where a view has none), its reports read on demand through a getter of
 * the class (so copies and equality see the fields only), with what the dashboards use of
 * them at hand (`reportCount`, `lastReportedFor`).
 */
class HeldView implements CommitmentView {
  readonly id: string;
  readonly track: string;
  readonly projectId?: string;
  readonly title: string;
  readonly titleEn?: string;
  readonly description: string;
  readonly committer: string;
  readonly counterparties: CommitmentView['counterparties'];
  readonly responsible: CommitmentView['responsible'];
  readonly sourceDocument?: CommitmentView['sourceDocument'];
  readonly status: CommitmentView['status'];
  readonly proposedOn: string;
  readonly activatedOn?: string;
  readonly originalDeadline: string;
  readonly deadline: string;
  readonly pendingExtension?: CommitmentView['pendingExtension'];
  readonly indicator: CommitmentView['indicator'];
  readonly originalBudget?: CommitmentView['originalBudget'];
  readonly budgetVnd: string | null;
  readonly disbursedVnd: string | null;
  readonly claim?: CommitmentView['claim'];
  readonly fulfilment?: CommitmentView['fulfilment'];
  readonly disputes: number;
  readonly disputed: boolean;
  readonly missedDeadlines: readonly string[];
  readonly closedAt?: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly #summary: ReportsOnDemand;

  /** The fixed part from `fixed` (a view), the state from `state`, with this indicator, amount disbursed, revision and position. */
  constructor(
    fixed: Omit<CommitmentView, 'reports'>,
    state: StateFields,
    indicator: CommitmentView['indicator'],
    disbursedVnd: string | null,
    revision: bigint,
    position: bigint,
    summary: ReportsOnDemand,
  ) {
    this.id = fixed.id;
    this.track = fixed.track;
    this.projectId = fixed.projectId;
    this.title = fixed.title;
    this.titleEn = fixed.titleEn;
    this.description = fixed.description;
    this.committer = fixed.committer;
    this.counterparties = state.counterparties;
    this.responsible = fixed.responsible;
    this.sourceDocument = fixed.sourceDocument;
    this.status = state.status;
    this.proposedOn = fixed.proposedOn;
    this.activatedOn = state.activatedOn;
    this.originalDeadline = fixed.originalDeadline;
    this.deadline = state.deadline;
    this.pendingExtension = state.pendingExtension;
    this.indicator = indicator;
    this.originalBudget = fixed.originalBudget;
    this.budgetVnd = state.budgetVnd;
    this.disbursedVnd = disbursedVnd;
    this.claim = state.claim;
    this.fulfilment = state.fulfilment;
    this.disputes = state.disputes;
    this.disputed = state.disputed;
    this.missedDeadlines = state.missedDeadlines;
    this.closedAt = state.closedAt;
    this.revision = revision;
    this.position = position;
    this.#summary = summary;
  }

  get reports(): ProgressReportView[] {
    return this.#summary.read();
  }

  get [REPORT_SUMMARY](): ReportSummary {
    return this.#summary;
  }
}

/** A current view with when the platform recorded its last change (epoch ms). */
interface Known {
  readonly view: HeldView;
  readonly recordedAt: number;
  /** Its number among the versions (`Versions.slot`). */
  readonly slot: number;
}

/**
 * A column of numbers outside the JS heap (a region has about a million versions), made
 * the size expected and grown by half again when full: large buffers replaced one after
 * another leave the C heap holding what they freed, so they are replaced rarely.
 */
class Column<T extends Float64Array | Int32Array> {
  values: T;

  constructor(
    private readonly make: (size: number) => T,
    size: number,
  ) {
    this.values = make(size);
  }

  /** Makes room for `size` values at once (with an eighth more), if there is less. */
  reserve(size: number): void {
    if (size > this.values.length) this.resize(size + (size >> 3));
  }

  set(at: number, value: number): void {
    if (at >= this.values.length) this.resize(Math.max(at + 1, Math.ceil(this.values.length * 1.5)));
    this.values[at] = value;
  }

  private resize(size: number): void {
    const grown = this.make(size);
    grown.set(this.values);
    this.values = grown;
  }

  /** Puts the first values in the order `order` gives (the new place's old index), through `scratch` (at least as long, of the same kind). */
  reorder(order: Int32Array, scratch: T): void {
    const values = this.values;
    for (let i = 0; i < order.length; i++) scratch[i] = values[order[i]!]!;
    values.set(scratch.subarray(0, order.length));
  }
}

const float64 = (size: number) => new Float64Array(size);
const int32 = (size: number) => new Int32Array(size);

/**
 * Every version of every commitment as columns of numbers outside the JS heap, each
 * commitment's versions in log order: when it was recorded, its revision and position, how
 * many reports the view then had, the position of the version holding its state, the
 * version of the same commitment before it, the report it added (the day, an index into
 * `days`; the value; the total disbursed, NaN when not given, -Infinity when only
 * `oddAmounts` holds it exactly) and the latest report so far. The states versions changed
 * (but for current views' own) are kept as UTF-8 in blocks, decoded when a moment needs them.
 */
class Versions {
  count = 0;
  readonly recordedAt = new Column(float64, 1024);
  readonly position = new Column(float64, 1024);
  readonly revision = new Column(int32, 1024);
  readonly reports = new Column(int32, 1024);
  /** The position of the version holding this version's state. */
  readonly stateAt = new Column(float64, 1024);
  /** The previous version of the same commitment (-1: none). */
  readonly previous = new Column(int32, 1024);
  /** The state this version set, as kept: an index into `stateStarts` and `stateEnds` (-1: it set none, or it is not kept). */
  readonly stateRef = new Column(int32, 1024);
  /** Where each kept state starts and ends in the blocks. */
  private readonly stateStarts = new Column(float64, 1024);
  private readonly stateEnds = new Column(float64, 1024);
  private stateCount = 0;
  /** By commitment number: the position of the version holding its current view's state (kept in the current view, not here). */
  private readonly currentState = new Column(float64, 1024);
  readonly reportDay = new Column(int32, 1024);
  readonly reportValue = new Column(float64, 1024);
  readonly reportDisbursed = new Column(float64, 1024);
  /** Among this version and the ones before it, the one whose report is the latest by the day reported for (ties: recorded last); -1: none. */
  readonly bestReport = new Column(int32, 1024);
  /** The same among the reports that gave a total disbursed. */
  readonly bestPaid = new Column(int32, 1024);
  /** Amounts disbursed that no number prints back exactly, by version. */
  readonly oddAmounts = new Map<number, string>();
  /** Each commitment's number, in the order first seen (views and versions share it). */
  private readonly slots = new Map<string, number>();
  /** The latest version of each commitment by its number, plus one (0: none yet). */
  private readonly latestPlusOne = new Column(int32, 1024);
  /** Each day reported for once, and its index. */
  readonly days: string[] = [];
  private readonly dayIndex = new Map<string, number>();
  /** The states' bytes, in blocks of STATE_BLOCK bytes (a state starts in the block it ends in). */
  private readonly stateBlocks: Uint8Array[] = [];
  /** Where the next state's bytes go (block × STATE_BLOCK + offset). */
  private stateUsed = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Versions added since they were last put in commitment order. */
  private unordered = 0;

  add(v: VersionRef): void {
    this.unordered += 1;
    const at = this.count++;
    const slot = this.slot(v.id);
    const previous = this.latestPlusOne.values[slot]! - 1;
    this.latestPlusOne.set(slot, at + 1);
    this.recordedAt.set(at, v.recordedAt);
    this.position.set(at, v.position);
    this.revision.set(at, v.revision);
    this.reports.set(at, v.reports);
    this.previous.set(at, previous);
    this.stateAt.set(at, v.stateAt);
    // A current view's state is the view's own: kept here only once a later version replaces it (read back from the read models then).
    const start = v.state === null || v.position === this.currentState.values[slot] ? -1 : this.encode(v.state);
    if (start >= 0) {
      this.stateStarts.set(this.stateCount, start);
      this.stateEnds.set(this.stateCount, this.stateUsed);
      this.stateRef.set(at, this.stateCount++);
    } else {
      this.stateRef.set(at, -1);
    }
    const day = v.reportedFor === null ? -1 : this.day(v.reportedFor);
    this.reportDay.set(at, day);
    let paid = false;
    if (day >= 0) {
      this.reportValue.set(at, v.value!);
      const amount = v.disbursedVnd;
      const n = amount === null ? NaN : Number(amount);
      paid = amount !== null;
      if (amount !== null && String(n) !== amount) {
        this.reportDisbursed.set(at, -Infinity);
        this.oddAmounts.set(at, amount);
      } else {
        this.reportDisbursed.set(at, n);
      }
    }
    this.bestReport.set(at, this.latestOf(previous < 0 ? -1 : this.bestReport.values[previous]!, day >= 0 ? at : -1));
    this.bestPaid.set(at, this.latestOf(previous < 0 ? -1 : this.bestPaid.values[previous]!, paid ? at : -1));
  }

  /** Of two versions' reports (-1: none), the latest by the day reported for; on the same day `later`, which was recorded after. */
  private latestOf(earlier: number, later: number): number {
    if (later < 0) return earlier;
    if (earlier < 0) return later;
    const days = this.days;
    const reportDay = this.reportDay.values;
    return days[reportDay[later]!]! >= days[reportDay[earlier]!]! ? later : earlier;
  }

  /** Stores a state as UTF-8; returns where it starts (-1: too long to keep, read from the read models when needed). */
  private encode(text: string): number {
    // At most three UTF-8 bytes for each UTF-16 code unit.
    const room = text.length * 3;
    if (room > STATE_BLOCK) return -1;
    let offset = this.stateUsed % STATE_BLOCK;
    if (this.stateBlocks.length === 0 || offset + room > STATE_BLOCK) {
      this.stateBlocks.push(new Uint8Array(STATE_BLOCK));
      this.stateUsed = (this.stateBlocks.length - 1) * STATE_BLOCK;
      offset = 0;
    }
    const start = this.stateUsed;
    const { written } = this.encoder.encodeInto(text, this.stateBlocks[this.stateBlocks.length - 1]!.subarray(offset));
    this.stateUsed += written;
    return start;
  }

  /** Makes room for `more` versions at once. */
  reserve(more: number): void {
    const size = this.count + more;
    for (const column of this.columns()) column.reserve(size);
  }

  private columns(): Column<Float64Array | Int32Array>[] {
    return [
      this.recordedAt, this.position, this.revision, this.reports, this.stateAt, this.previous, this.stateRef,
      this.reportDay, this.reportValue, this.reportDisbursed, this.bestReport, this.bestPaid,
    ];
  }

  /** The number of the commitment `id` (a new one when first seen). */
  slot(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(id, slot);
      this.latestPlusOne.set(slot, 0);
      this.currentState.set(slot, -1);
    }
    return slot;
  }

  /** Says which version holds the current state of the commitment numbered `slot` (its view keeps it). */
  holdsCurrentState(slot: number, position: number): void {
    this.currentState.set(slot, position);
  }

  /** The latest version of the commitment numbered `slot` (-1: none). */
  latest(slot: number): number {
    return slot < this.slots.size ? this.latestPlusOne.values[slot]! - 1 : -1;
  }

  /**
   * Puts each commitment's versions next to each other, in log order, once many came in
   * log order since the last time: an as-of answer walks each commitment's versions back
   * from its latest, which then reads memory in sequence instead of jumping across the log.
   * The commitments numbered in `slots` (its first `given`) come first, in that order.
   */
  putInOrder(slots: Int32Array, given: number): void {
    if (this.unordered === 0 || this.unordered * 10 < this.count) return;
    const count = this.count;
    const previous = this.previous.values;
    const order = new Int32Array(count);
    const scratch = { float64: new Float64Array(count), int32: new Int32Array(count) };
    const next = new Int32Array(count);
    let placed = 0;
    const latestPlusOne = this.latestPlusOne.values;
    // The commitments in the order given first (the views' current order: an as-of answer then reads the columns front to back), then any others.
    const done = new Uint8Array(this.slots.size);
    for (let k = 0; k < given + this.slots.size; k++) {
      const slot = k < given ? slots[k]! : k - given;
      if (done[slot]) continue;
      done[slot] = 1;
      const latest = latestPlusOne[slot]! - 1;
      if (latest < 0) continue;
      let length = 0;
      for (let at = latest; at >= 0; at = previous[at]!) length++;
      let put = placed + length - 1;
      for (let at = latest; at >= 0; at = previous[at]!) order[put--] = at;
      for (let i = 0; i < length; i++) next[placed + i] = i === 0 ? -1 : placed + i - 1;
      placed += length;
      latestPlusOne[slot] = placed;
    }
    // Columns of version numbers are worked out anew (previous) or renumbered (the best reports); the others move.
    const numbering: readonly unknown[] = [this.previous, this.bestReport, this.bestPaid];
    for (const column of this.columns()) {
      if (numbering.includes(column)) continue;
      if (column.values instanceof Float64Array) (column as Column<Float64Array>).reorder(order, scratch.float64);
      else (column as Column<Int32Array>).reorder(order, scratch.int32);
    }
    this.previous.values.set(next);
    const moved = next;
    for (let i = 0; i < count; i++) moved[order[i]!] = i;
    for (const column of [this.bestReport, this.bestPaid]) {
      const values = column.values;
      for (let i = 0; i < count; i++) scratch.int32[i] = values[order[i]!]! < 0 ? -1 : moved[values[order[i]!]!]!;
      values.set(scratch.int32.subarray(0, count));
    }
    if (this.oddAmounts.size > 0) {
      const amounts = [...this.oddAmounts].map(([at, amount]) => [moved[at]!, amount] as const);
      this.oddAmounts.clear();
      for (const [at, amount] of amounts) this.oddAmounts.set(at, amount);
    }
    this.unordered = 0;
  }

  /** The state version `at` has, as stored by the version holding it (one of the same commitment's, at or before it); undefined: not held. */
  storedState(at: number): string | undefined {
    const position = this.stateAt.values[at]!;
    const positions = this.position.values;
    const previous = this.previous.values;
    let holder = at;
    while (holder >= 0 && positions[holder] !== position) holder = previous[holder]!;
    const ref = holder < 0 ? -1 : this.stateRef.values[holder]!;
    if (ref < 0) return undefined;
    const start = this.stateStarts.values[ref]!;
    const end = this.stateEnds.values[ref]!;
    const offset = start % STATE_BLOCK;
    return this.decoder.decode(this.stateBlocks[(start - offset) / STATE_BLOCK]!.subarray(offset, offset + end - start));
  }

  private day(day: string): number {
    let index = this.dayIndex.get(day);
    if (index === undefined) {
      index = this.days.length;
      this.days.push(day);
      this.dayIndex.set(day, index);
    }
    return index;
  }

  /**
   * What the reports up to version `at` (of one commitment) give a view, as `sortReports`,
   * `actualOf` and `disbursedOf` would: the value of the report for the latest day (ties:
   * the one recorded last), that day, and the total disbursed of the latest such report
   * that gave one.
   */
  summarise(at: number): void {
    const best = this.bestReport.values[at]!;
    const paid = this.bestPaid.values[at]!;
    const amount = paid < 0 ? null : this.reportDisbursed.values[paid]!;
    this.actual = best < 0 ? null : this.reportValue.values[best]!;
    this.disbursedVnd = amount === null ? null : amount === -Infinity ? this.oddAmounts.get(paid)! : String(amount);
    this.lastReportedFor = best < 0 ? null : this.days[this.reportDay.values[best]!]!;
  }

  /** What `summarise` found last (fields rather than an object: an as-of answer asks for tens of thousands). */
  actual: number | null = null;
  disbursedVnd: string | null = null;
  lastReportedFor: string | null = null;
}

/**
 * The dashboards' commitment views, read from the node's projected read models and kept
 * decoded in memory: each query reads only the views changed since the last one (by
 * position), instead of parsing every view again. For as-of answers every version's
 * numbers (when recorded, revision, position, how many reports, which version holds its
 * state, the report it added) are kept in columns outside the JS heap, read in the
 * background after the views: a commitment changed after the moment is its current view
 * with the state of its last version recorded by then (decoded when a moment first needs
 * it; most moments need the same few states), and the summary of its first reports.
 */
@Injectable()
export class ProjectedCommitmentViews extends CommitmentViews implements OnModuleDestroy {
  private readonly byId = new Map<string, Known>();
  /** The read-model position `byId` reflects; -1: not all read yet. */
  private seen = -1n;
  /** While `seen` is -1: the position of the last view the background read decoded (views are read in position order). */
  private viewCursor = -1n;
  /** The current views by deadline then id; undefined when they must be sorted again. */
  private sorted: HeldView[] | undefined;
  /** When each of `sorted` was recorded and its number among the versions, in the same order. */
  private orderRecordedAt = new Float64Array(0);
  private orderSlot = new Int32Array(0);
  private versions = new Versions();
  /** The last position `versions` holds. */
  private versionsSeen = 0;
  private readonly states = new Map<number, DecodedStateFields>();
  /** Strings many views share (days, agencies, units, descriptions), kept once. */
  private readonly strings = new Map<string, string>();
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
    for (const stored of page) this.byId.set(stored.view.id, this.know(stored));
    if (page.length > 0) {
      this.sorted = undefined;
      this.viewCursor = page[page.length - 1]!.view.position;
    }
    return page.length === WARM_VIEWS;
  }

  /** A view as read from the read models, kept without its report objects and with the strings it shares with others kept once. */
  private know(stored: StoredView): Known {
    const v = stored.view;
    const recorded = stored.recorded;
    // The day of the last report by the day reported for (as `sortReports` orders them): the latest day.
    let lastReportedFor: string | null = null;
    for (const r of recorded) if (lastReportedFor === null || r.reportedFor > lastReportedFor) lastReportedFor = r.reportedFor;
    const summary = new ReportsOnDemand(this.readModels, v.id, recorded.length, lastReportedFor && this.share(lastReportedFor));
    const fixed = {
      ...v,
      track: this.share(v.track),
      description: this.share(v.description),
      committer: this.share(v.committer),
      projectId: v.projectId === undefined ? undefined : this.share(v.projectId),
      responsible: this.shareObject(v.responsible),
      proposedOn: this.share(v.proposedOn),
      originalDeadline: this.share(v.originalDeadline),
      originalBudget: v.originalBudget && this.shareObject(v.originalBudget),
    };
    const state = this.sharedState(v, v.indicator.target);
    const indicator = { ...v.indicator, name: this.share(v.indicator.name), unit: this.share(v.indicator.unit) };
    const view = new HeldView(fixed, state, indicator, v.disbursedVnd, v.revision, v.position, summary);
    const slot = this.versions.slot(v.id);
    this.versions.holdsCurrentState(slot, stored.stateAt);
    return { view, recordedAt: stored.recordedAt, slot };
  }

  /** The state's strings and small objects kept once across views. */
  private sharedState(s: StateFields, target: number): DecodedStateFields {
    // One shape for every state, whatever it leaves out.
    return {
      status: s.status,
      activatedOn: s.activatedOn === undefined ? undefined : this.share(s.activatedOn),
      closedAt: s.closedAt,
      counterparties: s.counterparties.map((c) => this.shareParty(c)),
      target,
      budgetVnd: s.budgetVnd,
      pendingExtension: s.pendingExtension,
      deadline: this.share(s.deadline),
      claim: s.claim,
      fulfilment: s.fulfilment,
      disputes: s.disputes,
      disputed: s.disputed,
      missedDeadlines: s.missedDeadlines.length === 0 ? NONE : s.missedDeadlines.map((d) => this.share(d)),
    };
  }

  /** A counterparty, kept once per content (most states repeat their commitment's). */
  private shareParty(party: CounterpartyView): CounterpartyView {
    const key = `${party.code}\u0001${party.acceptedOn ?? '\u0002'}\u0001${party.actingProvince ?? '\u0002'}`;
    const known = this.objects.get(key) as CounterpartyView | undefined;
    if (known !== undefined) return known;
    this.objects.set(key, party);
    return party;
  }

  private share(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** A small object of strings (an agency, a budget, a counterparty) kept once per content. */
  private shareObject<T extends object>(value: T): T {
    const key = `\u0000${JSON.stringify(value)}`;
    const known = this.objects.get(key);
    if (known !== undefined) return known as T;
    this.objects.set(key, value);
    return value;
  }

  private readonly objects = new Map<string, object>();

  private forget(): void {
    this.byId.clear();
    this.strings.clear();
    this.objects.clear();
    this.sorted = undefined;
    this.seen = -1n;
    this.viewCursor = -1n;
    this.versions = new Versions();
    this.versionsSeen = 0;
    this.states.clear();
    if (this.warming) clearImmediate(this.warming);
    this.warming = undefined;
  }

  override stamp(): string {
    return `${this.generation}:${this.readModels.position()}`;
  }

  async current(): Promise<readonly CommitmentView[]> {
    return this.inOrder();
  }

  /** The current views, by deadline then id. */
  private inOrder(): readonly HeldView[] {
    this.refresh();
    if (!this.sorted) this.setOrder([...this.byId.values()].sort((a, b) => byDeadlineThenId(a.view, b.view)));
    return this.sorted!;
  }

  /**
   * Takes `order` as the current views' order, with when each was recorded and its number
   * as columns in that order: an as-of answer reads them in sequence and touches only the
   * views changed since the moment.
   */
  private setOrder(order: readonly Known[]): void {
    this.sorted = order.map((known) => known.view);
    if (this.orderRecordedAt.length < order.length) {
      const room = order.length + (order.length >> 3) + 64;
      this.orderRecordedAt = new Float64Array(room);
      this.orderSlot = new Int32Array(room);
    }
    for (let i = 0; i < order.length; i++) {
      this.orderRecordedAt[i] = order[i]!.recordedAt;
      this.orderSlot[i] = order[i]!.slot;
    }
  }

  async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    const sorted = this.inOrder();
    const cut = moment.getTime();
    const views: CommitmentView[] = [];
    let reorder = false;
    this.readModels.read((db) => {
      this.followVersions(db);
      const versions = this.versions;
      const recordedAt = versions.recordedAt.values;
      const previous = versions.previous.values;
      const stateAt = versions.stateAt.values;
      const orderRecordedAt = this.orderRecordedAt;
      const orderSlot = this.orderSlot;
      for (let i = 0; i < sorted.length; i++) {
        if (orderRecordedAt[i]! <= cut) {
          views.push(sorted[i]!);
          continue;
        }
        const latest = versions.latest(orderSlot[i]!);
        if (latest < 0) continue;
        // The last version recorded by then (versions are in log order; a clock that went back is no reason to skip one).
        let at = latest;
        while (at >= 0 && recordedAt[at]! > cut) at = previous[at]!;
        if (at < 0) continue;
        const view = sorted[i]!;
        versions.summarise(at);
        const reports = new ReportsOnDemand(this.readModels, view.id, versions.reports.values[at]!, versions.lastReportedFor);
        const revision = bigint(versions.revision.values[at]!);
        const position = BigInt(versions.position.values[at]!);
        const same = stateAt[at] === stateAt[latest];
        // Only reports came since (the common case): the current view with its first reports.
        const state = same ? view : this.stateOf(db, at, versions);
        if (!state) continue;
        const now = view.indicator;
        const indicator = {
          name: now.name, unit: now.unit, baseline: now.baseline, originalTarget: now.originalTarget,
          target: same ? now.target : (state as DecodedStateFields).target, actual: versions.actual,
        };
        const then = new HeldView(view, state, indicator, versions.disbursedVnd, revision, position, reports);
        if (then.deadline !== view.deadline) reorder = true;
        views.push(then);
      }
    });
    // In the current order already, but for deadlines extended since the moment.
    return reorder ? views.sort(byDeadlineThenId) : views;
  }

  /** The state version `at` has, decoded (kept for the next moments, by the position holding it), from memory or else from the read models. */
  private stateOf(db: ProjectionDb, at: number, versions: Versions): DecodedStateFields | undefined {
    const position = versions.stateAt.values[at]!;
    const known = this.states.get(position);
    if (known) return known;
    const json = versions.storedState(at);
    let state: DecodedStateFields;
    if (json === undefined) {
      const decoded = versionState(db, position);
      if (!decoded) return undefined;
      state = this.sharedState(decoded.patch, decoded.target);
    } else {
      const stored = JSON.parse(json) as CommitmentState;
      state = this.sharedState(stored, stored.target);
    }
    if (this.states.size >= STATES_KEPT) this.states.delete(this.states.keys().next().value!);
    this.states.set(position, state);
    return state;
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
    if (reorder || !this.sorted) this.sorted = undefined;
    else this.setOrder(this.sorted.map((view) => this.byId.get(view.id)!));
  }

  /** Reads the versions not read yet (all, or `limit`); returns how many it read. */
  private followVersions(db: ProjectionDb, limit = Infinity): number {
    const versions = this.versions;
    // Room for every version up to the read models' position at once (each has its own position in the log).
    if (versions.count === 0) versions.reserve(Math.max(0, Number(this.readModels.position()) - this.versionsSeen));
    const read = versionsAfter(db, this.versionsSeen, (v) => {
      versions.add(v);
      this.versionsSeen = v.position;
    }, limit);
    if (read < limit) versions.putInOrder(this.orderSlot, this.sorted ? this.sorted.length : 0);
    return read;
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
