import type { LifecycleStatus } from '@council/commitments/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { SCHEDULE_STATUSES, type ScheduleStatus } from '../commitment-view/statuses.js';
import { ascending, inForceOrKept } from './judged-commitment.js';

export { SCHEDULE_STATUSES };
export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = ['proposed', 'active', 'declined', 'withdrawn', 'fulfillment_claimed', 'fulfilled', 'cancelled'];
const LIFECYCLE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(LIFECYCLE_STATUSES.map((status, i) => [status, i]));

/** Every status, zeros included, in the order above. */
export type StatusCounts = Readonly<Record<LifecycleStatus, number>>;
export type ScheduleCounts = Readonly<Record<ScheduleStatus, number>>;

/** Budget against disbursement, exact: amounts are VND as decimal strings. */
export interface BudgetTotals {
  /** Promises in force or kept that carry a budget; the sums run over these only. */
  readonly commitments: number;
  readonly budgetVnd: string;
  readonly disbursedVnd: string;
  /** Of which no disbursement was ever reported: they add nothing to `disbursedVnd`. */
  readonly noDisbursementReport: number;
  /** disbursed ÷ budget, rounded down to six decimals; null when there is no budget. */
  readonly disbursementRate: number | null;
}

/** Target against actual for one unit, over promises in force or kept. */
export interface IndicatorTotal {
  readonly unit: string;
  readonly commitments: number;
  /** With at least one report: the sums below run over these only. */
  readonly reported: number;
  /** Never reported: left out of the sums, never counted as zero progress. */
  readonly noReport: number;
  /** The sums are null when none of them was reported. */
  readonly baseline: number | null;
  readonly originalTarget: number | null;
  /** The current target, after amendments. */
  readonly target: number | null;
  readonly actual: number | null;
}

export interface TrackSummary {
  readonly track: string;
  readonly total: number;
  readonly byStatus: StatusCounts;
  readonly bySchedule: ScheduleCounts;
  /** Fulfilled on time ÷ fulfilled (verified); null while none is fulfilled. */
  readonly onTimeRate: number | null;
  readonly budget: BudgetTotals;
}

/*
 * The dashboards go once over tens of thousands of views and add each to tallies: counts in
 * plain arrays indexed by status, money in exact sums that stay in numbers while they can.
 */

/** The counts in `counts` (by index) as a record of every key, zeros included, in the order of `keys`. */
export function countsOf<K extends string>(keys: readonly K[], counts: readonly number[]): Record<K, number> {
  const record = {} as Record<K, number>;
  for (let i = 0; i < keys.length; i++) record[keys[i]!] = counts[i]!;
  return record;
}

export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** 10^15 < 2^50: an amount of at most 15 digits is exact as a number, and so is a sum of them below 2^53. */
const SMALL_DIGITS = 15;
const FLUSH_AT = 2 ** 52;

/**
 * An exact sum of VND amounts (decimal strings, which may exceed 2^53), as `BigInt(a)` of
 * each would give: amounts of up to 15 digits add up as numbers, moved into the bigint
 * before the number could lose a unit; anything else goes through BigInt as it is (and
 * fails as BigInt fails).
 */
class VndSum {
  private small = 0;
  private big = 0n;

  add(amount: string): void {
    const length = amount.length;
    if (length === 0 || length > SMALL_DIGITS) {
      this.big += BigInt(amount);
      return;
    }
    let value = 0;
    for (let i = 0; i < length; i++) {
      const digit = amount.charCodeAt(i) - 48;
      if (!(digit >= 0 && digit <= 9)) {
        this.big += BigInt(amount);
        return;
      }
      value = value * 10 + digit;
    }
    this.small += value;
    if (this.small >= FLUSH_AT) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }

  total(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** Budgets and disbursements of the promises in force or kept that carry a budget. */
export class BudgetTally {
  private commitments = 0;
  private noDisbursementReport = 0;
  private readonly budget = new VndSum();
  private readonly disbursed = new VndSum();

  add(view: CommitmentView): void {
    if (view.budgetVnd === null || !inForceOrKept(view)) return;
    this.commitments += 1;
    this.budget.add(view.budgetVnd);
    if (view.disbursedVnd === null) this.noDisbursementReport += 1;
    else this.disbursed.add(view.disbursedVnd);
  }

  totals(): BudgetTotals {
    const budget = this.budget.total();
    const disbursed = this.disbursed.total();
    return {
      commitments: this.commitments,
      budgetVnd: budget.toString(),
      disbursedVnd: disbursed.toString(),
      noDisbursementReport: this.noDisbursementReport,
      disbursementRate: budget === 0n ? null : Number((disbursed * 1_000_000n) / budget) / 1_000_000,
    };
  }
}

/** Target against actual of one unit; the sums run over the reported, in the order added. */
class IndicatorTally {
  commitments = 0;
  reported = 0;
  baseline = 0;
  originalTarget = 0;
  target = 0;
  actual = 0;

  total(unit: string): IndicatorTotal {
    const sum = (value: number) => (this.reported === 0 ? null : value);
    return {
      unit,
      commitments: this.commitments,
      reported: this.reported,
      noReport: this.commitments - this.reported,
      baseline: sum(this.baseline),
      originalTarget: sum(this.originalTarget),
      target: sum(this.target),
      actual: sum(this.actual),
    };
  }
}

/** Indicator totals by unit over the promises in force or kept, units in order. */
export class IndicatorTallies {
  private readonly byUnit = new Map<string, IndicatorTally>();

  add(view: CommitmentView): void {
    if (!inForceOrKept(view)) return;
    const indicator = view.indicator;
    let tally = this.byUnit.get(indicator.unit);
    if (!tally) this.byUnit.set(indicator.unit, (tally = new IndicatorTally()));
    tally.commitments += 1;
    if (indicator.actual === null) return;
    tally.reported += 1;
    tally.baseline += indicator.baseline;
    tally.originalTarget += indicator.originalTarget;
    tally.target += indicator.target;
    tally.actual += indicator.actual;
  }

  totals(): IndicatorTotal[] {
    return [...this.byUnit.keys()].sort(ascending).map((unit) => this.byUnit.get(unit)!.total(unit));
  }
}

/** Counts, on-time rate and money of one track's commitments. */
export class TrackTally {
  private total = 0;
  private readonly byStatus = LIFECYCLE_STATUSES.map(() => 0);
  private readonly bySchedule = SCHEDULE_STATUSES.map(() => 0);
  private fulfilled = 0;
  private onTime = 0;
  private readonly budget = new BudgetTally();

  /** Adds `view`, whose schedule is `schedule` (its index in SCHEDULE_STATUSES). */
  add(view: CommitmentView, schedule: number): void {
    this.total += 1;
    this.byStatus[LIFECYCLE_INDEX[view.status]!]! += 1;
    this.bySchedule[schedule]! += 1;
    if (view.status === 'fulfilled') {
      this.fulfilled += 1;
      if (view.fulfilment?.onTime) this.onTime += 1;
    }
    this.budget.add(view);
  }

  summary(track: string): TrackSummary {
    return {
      track,
      total: this.total,
      byStatus: countsOf(LIFECYCLE_STATUSES, this.byStatus),
      bySchedule: countsOf(SCHEDULE_STATUSES, this.bySchedule),
      onTimeRate: rate(this.onTime, this.fulfilled),
      budget: this.budget.totals(),
    };
  }
}
