import { dayNumber } from '@council/platform/event-sourcing';
import { type Region, successorOn } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { scheduleIndexOn } from '../commitment-view/statuses.js';

/**
 * `as-they-were`: every commitment keeps the parties it was made between.
 * `as-they-are`: a merged province is shown as its successor on the as-of day, so a
 * Bình Dương → Hồ Chí Minh City promise becomes internal to the city (and stays counted).
 */
export type ProvinceView = 'as-they-were' | 'as-they-are';

export interface DashboardOptions {
  readonly provinces: ProvinceView;
}

/** The province `code` is shown as on `today`. */
export function shownAs(code: string, today: string, region: Region, options: DashboardOptions): string {
  return options.provinces === 'as-they-are' ? successorOn(region, code, today) : code;
}

/** Not judged yet, in `Judgement`'s schedules. */
const UNJUDGED = 255;

/**
 * The commitment views as the dashboards judge them on one day: each party as shown (by
 * index into `shown`, so tallies are plain arrays) and each schedule, worked out when first
 * asked for and then kept. One judgement serves every dashboard computed from the same
 * views array on the same day (see `judgementOf`); the views arrays are never changed
 * once handed out (CommitmentViews), so what is kept by index stays true.
 */
export class Judgement {
  /** The provinces as shown, by index: in the order first asked for. */
  readonly shown: string[] = [];
  private readonly todayNumber: number;
  /** The schedule of views[i], as its index in SCHEDULE_STATUSES, or UNJUDGED. */
  private readonly schedules: Uint8Array;
  private readonly byCode = new Map<string, number>();
  private readonly byShown = new Map<string, number>();
  /** The distinct counterparties of the last `counterparties` call (reused: no array per view). */
  private readonly distinct: number[] = [];

  constructor(
    readonly views: readonly CommitmentView[],
    readonly today: string,
    readonly region: Region,
    readonly options: DashboardOptions,
  ) {
    this.todayNumber = dayNumber(today);
    this.schedules = new Uint8Array(views.length).fill(UNJUDGED);
  }

  /** The index in `shown` of the province `code` as shown on the day. */
  party(code: string): number {
    const known = this.byCode.get(code);
    if (known !== undefined) return known;
    const shown = shownAs(code, this.today, this.region, this.options);
    let index = this.byShown.get(shown);
    if (index === undefined) {
      index = this.shown.length;
      this.shown.push(shown);
      this.byShown.set(shown, index);
    }
    this.byCode.set(code, index);
    return index;
  }

  /**
   * The counterparties of `view` as shown, distinct (two counterparties merged into one are
   * one), in the order of their first appearance. Valid until the next call: copy to keep.
   */
  counterparties(view: CommitmentView): readonly number[] {
    const out = this.distinct;
    out.length = 0;
    for (const counterparty of view.counterparties) {
      const index = this.party(counterparty.code);
      if (!out.includes(index)) out.push(index);
    }
    return out;
  }

  /** Whether one of the counterparties of `view` is shown as the province at `index`. */
  hasCounterparty(view: CommitmentView, index: number): boolean {
    for (const counterparty of view.counterparties) if (this.party(counterparty.code) === index) return true;
    return false;
  }

  /** The schedule of views[i] on the day, as its index in SCHEDULE_STATUSES. */
  schedule(i: number): number {
    const known = this.schedules[i]!;
    if (known !== UNJUDGED) return known;
    const schedule = scheduleIndexOn(this.views[i]!, this.todayNumber);
    this.schedules[i] = schedule;
    return schedule;
  }
}

/** The judgements kept for each views array (a few days or province views each), dropped with the array. */
const judgements = new WeakMap<readonly CommitmentView[], Judgement[]>();
const JUDGEMENTS_PER_VIEWS = 4;

/** The judgement of `views` on `today`, shared by every dashboard computed from the same array on that day. */
export function judgementOf(views: readonly CommitmentView[], today: string, region: Region, options: DashboardOptions): Judgement {
  let kept = judgements.get(views);
  if (!kept) judgements.set(views, (kept = []));
  const known = kept.find((j) => j.today === today && j.region === region && j.options.provinces === options.provinces);
  if (known) return known;
  const judgement = new Judgement(views, today, region, options);
  kept.push(judgement);
  if (kept.length > JUDGEMENTS_PER_VIEWS) kept.shift();
  return judgement;
}

/** Every counterparty accepted, so the promise was made (it may since be kept or cancelled). */
export const tookEffect = (view: CommitmentView): boolean => view.activatedOn !== undefined;

/** Promised and not yet verified as kept: active, or a claim awaiting verification. */
export const isOpen = (view: CommitmentView): boolean => view.status === 'active' || view.status === 'fulfillment_claimed';

/** What targets and budgets are summed over: promises in force or kept (not cancelled, not mere proposals). */
export const inForceOrKept = (view: CommitmentView): boolean => isOpen(view) || view.status === 'fulfilled';

/**
 * Sorts codes, ids and units alike, the same on every machine (units are Vietnamese words).
 * One collator for every comparison: `localeCompare(b, 'vi')` gives the same order but sets
 * up a collator for each call, which made sorting thousands of overdue commitments cost
 * hundreds of milliseconds and memory outside the JS heap.
 */
const VIETNAMESE = new Intl.Collator('vi');
export const ascending = (a: string, b: string): number => VIETNAMESE.compare(a, b);
