import { daysBetween } from '@council/platform/event-sourcing';
import type { Region } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { ascending, type DashboardOptions, isOpen, judge, type JudgedCommitment, type ProvinceView, shownAs, tookEffect } from './judged-commitment.js';
import { lastReportedFor, reportCount } from './report-summary.js';
import { average, type BudgetTotals, budgetTotals, rate } from './tallies.js';

export interface CommitmentRef {
  readonly id: string;
  readonly title: string;
  readonly track: string;
  readonly deadline: string;
}

/** The oldest latest report among the province's active commitments. */
export interface NoReportSince {
  /** The day that report was for. */
  readonly since: string;
  readonly days: number;
  readonly commitment: CommitmentRef;
}

/**
 * How a province keeps its word. Counts run over the commitments that took effect
 * (every counterparty accepted); those it made partition as
 * made = fulfilledOnTime + fulfilledLate + inTerm + overdue + cancelled.
 */
export interface ProvinceScorecard {
  /** As shown: with `as-they-are`, a merged province's successor on the as-of day. */
  readonly province: string;
  readonly today: string;
  readonly provinces: ProvinceView;
  readonly made: number;
  readonly received: number;
  /** Made to itself: both sides merged into this province. Counted once in made and once in received. */
  readonly internal: number;
  readonly fulfilledOnTime: number;
  readonly fulfilledLate: number;
  /** Open with the deadline ahead (or claimed by it); dueSoon and atRisk are part of it. */
  readonly inTerm: number;
  readonly dueSoon: number;
  readonly atRisk: number;
  readonly overdue: number;
  readonly cancelled: number;
  /**
   * Fulfilled ÷ (fulfilled + overdue): of the promises whose time is up, the share kept.
   * A claim made by the deadline and awaiting verification is not yet judged; a
   * cancelled promise is the council's decision, not a failure. Null when nothing is due.
   */
  readonly fulfilmentRate: number | null;
  /** Mean days late of the late fulfilments (deadline to claim); null when none was late. */
  readonly averageDelayDays: number | null;
  /** Over the commitments it made that carry a budget. */
  readonly budget: BudgetTotals;
  /** Null when every active commitment it made is without report (see neverReported) or it has none. */
  readonly noReportSince: NoReportSince | null;
  /** Its active commitments with no report received at all: never shown as zero progress. */
  readonly neverReported: readonly CommitmentRef[];
}

export function provinceScorecard(
  views: readonly CommitmentView[],
  province: string,
  today: string,
  region: Region,
  options: DashboardOptions,
): ProvinceScorecard {
  const code = shownAs(province, today, region, options);
  const effective = judge(views, today, region, options).filter((j) => tookEffect(j.view));
  const made = effective.filter((j) => j.committer === code);
  return {
    province: code,
    today,
    provinces: options.provinces,
    made: made.length,
    received: effective.filter((j) => j.counterparties.includes(code)).length,
    internal: made.filter((j) => j.counterparties.includes(code)).length,
    ...outcomes(made),
    budget: budgetTotals(made.map((j) => j.view)),
    ...reporting(made.map((j) => j.view).filter((v) => v.status === 'active'), today),
  };
}

type Outcomes = Pick<ProvinceScorecard, 'fulfilledOnTime' | 'fulfilledLate' | 'inTerm' | 'dueSoon' | 'atRisk' | 'overdue' | 'cancelled' | 'fulfilmentRate' | 'averageDelayDays'>;

function outcomes(made: readonly JudgedCommitment[]): Outcomes {
  const open = made.filter((j) => isOpen(j.view));
  const fulfilled = made.filter((j) => j.view.status === 'fulfilled').map((j) => j.view.fulfilment!);
  const late = fulfilled.filter((f) => !f.onTime);
  const overdue = open.filter((j) => j.schedule === 'OVERDUE').length;
  return {
    fulfilledOnTime: fulfilled.length - late.length,
    fulfilledLate: late.length,
    inTerm: open.length - overdue,
    dueSoon: open.filter((j) => j.schedule === 'DUE_SOON').length,
    atRisk: open.filter((j) => j.schedule === 'AT_RISK').length,
    overdue,
    cancelled: made.filter((j) => j.view.status === 'cancelled').length,
    fulfilmentRate: rate(fulfilled.length, fulfilled.length + overdue),
    averageDelayDays: average(late.map((f) => f.daysLate)),
  };
}

const ref = (v: CommitmentView): CommitmentRef => ({ id: v.id, title: v.title, track: v.track, deadline: v.deadline });

function reporting(active: readonly CommitmentView[], today: string): Pick<ProvinceScorecard, 'noReportSince' | 'neverReported'> {
  const lastReports = active
    .filter((v) => reportCount(v) > 0)
    .map((v) => ({ since: lastReportedFor(v)!, commitment: ref(v) }))
    .sort((a, b) => ascending(a.since, b.since) || ascending(a.commitment.id, b.commitment.id));
  const oldest = lastReports[0];
  return {
    noReportSince: oldest ? { ...oldest, days: daysBetween(oldest.since, today) } : null,
    neverReported: active.filter((v) => reportCount(v) === 0).map(ref).sort((a, b) => ascending(a.id, b.id)),
  };
}
