import { type Region, successorOn } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { type ScheduleStatus, scheduleStatus } from '../commitment-view/statuses.js';

/**
 * `as-they-were`: every commitment keeps the parties it was made between.
 * `as-they-are`: a merged province is shown as its successor on the as-of day, so a
 * Bình Dương → Hồ Chí Minh City promise becomes internal to the city (and stays counted).
 */
export type ProvinceView = 'as-they-were' | 'as-they-are';

export interface DashboardOptions {
  readonly provinces: ProvinceView;
}

/** A commitment with its parties as the dashboard shows them and its schedule on the as-of day. */
export interface JudgedCommitment {
  readonly view: CommitmentView;
  readonly committer: string;
  /** Distinct: two counterparties merged into one are one counterparty. */
  readonly counterparties: readonly string[];
  readonly schedule: ScheduleStatus;
}

/** The province `code` is shown as on `today`. */
export function shownAs(code: string, today: string, region: Region, options: DashboardOptions): string {
  return options.provinces === 'as-they-are' ? successorOn(region, code, today) : code;
}

export function judge(views: readonly CommitmentView[], today: string, region: Region, options: DashboardOptions): JudgedCommitment[] {
  const party = (code: string) => shownAs(code, today, region, options);
  return views.map((view) => ({
    view,
    committer: party(view.committer),
    counterparties: [...new Set(view.counterparties.map((c) => party(c.code)))],
    schedule: scheduleStatus(view, today),
  }));
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
