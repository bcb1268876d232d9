import type { LifecycleStatus } from '@council/commitments/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import type { ScheduleStatus } from '../commitment-view/statuses.js';
import { ascending, inForceOrKept, type JudgedCommitment } from './judged-commitment.js';

export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = ['proposed', 'active', 'declined', 'withdrawn', 'fulfillment_claimed', 'fulfilled', 'cancelled'];
export const SCHEDULE_STATUSES: readonly ScheduleStatus[] = ['IN_TERM', 'DUE_SOON', 'AT_RISK', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE', 'CLOSED'];

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

export function countBy<K extends string, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const item of items) counts[keyOf(item)] += 1;
  return counts;
}

export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const average = (values: readonly number[]): number | null => rate(values.reduce((a, b) => a + b, 0), values.length);

export function onTimeRate(views: readonly CommitmentView[]): number | null {
  const fulfilled = views.filter((v) => v.status === 'fulfilled');
  return rate(fulfilled.filter((v) => v.fulfilment?.onTime).length, fulfilled.length);
}

const sumVnd = (amounts: readonly (string | null)[]): bigint => amounts.reduce<bigint>((sum, a) => (a === null ? sum : sum + BigInt(a)), 0n);

export function budgetTotals(views: readonly CommitmentView[]): BudgetTotals {
  const budgeted = views.filter((v) => inForceOrKept(v) && v.budgetVnd !== null);
  const budget = sumVnd(budgeted.map((v) => v.budgetVnd));
  const disbursed = sumVnd(budgeted.map((v) => v.disbursedVnd));
  return {
    commitments: budgeted.length,
    budgetVnd: budget.toString(),
    disbursedVnd: disbursed.toString(),
    noDisbursementReport: budgeted.filter((v) => v.disbursedVnd === null).length,
    disbursementRate: budget === 0n ? null : Number((disbursed * 1_000_000n) / budget) / 1_000_000,
  };
}

export function indicatorTotals(views: readonly CommitmentView[]): IndicatorTotal[] {
  const byUnit = Map.groupBy(views.filter(inForceOrKept), (v) => v.indicator.unit);
  return [...byUnit.keys()].sort(ascending).map((unit) => {
    const all = byUnit.get(unit)!;
    const reported = all.filter((v) => v.indicator.actual !== null);
    const sum = (of: (v: CommitmentView) => number) => (reported.length === 0 ? null : reported.reduce((total, v) => total + of(v), 0));
    return {
      unit,
      commitments: all.length,
      reported: reported.length,
      noReport: all.length - reported.length,
      baseline: sum((v) => v.indicator.baseline),
      originalTarget: sum((v) => v.indicator.originalTarget),
      target: sum((v) => v.indicator.target),
      actual: sum((v) => v.indicator.actual!),
    };
  });
}

/** Counts, on-time rate and money of one track's commitments. */
export function summarise(track: string, judged: readonly JudgedCommitment[]): TrackSummary {
  const views = judged.map((j) => j.view);
  return {
    track,
    total: judged.length,
    byStatus: countBy(LIFECYCLE_STATUSES, views, (v) => v.status),
    bySchedule: countBy(SCHEDULE_STATUSES, judged, (j) => j.schedule),
    onTimeRate: onTimeRate(views),
    budget: budgetTotals(views),
  };
}
