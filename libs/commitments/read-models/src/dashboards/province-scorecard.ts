import { daysBetween } from '@council/platform/event-sourcing';
import type { Region } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { SCHEDULE } from '../commitment-view/statuses.js';
import { ascending, type DashboardOptions, isOpen, judgementOf, type ProvinceView, shownAs, tookEffect } from './judged-commitment.js';
import { lastReportedFor, reportCount } from './report-summary.js';
import { type BudgetTotals, BudgetTally, rate } from './tallies.js';

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
  const judgement = judgementOf(views, today, region, options);
  const code = shownAs(province, today, region, options);
  const self = judgement.party(province);
  let made = 0;
  let received = 0;
  let internal = 0;
  let open = 0;
  let dueSoon = 0;
  let atRisk = 0;
  let overdue = 0;
  let cancelled = 0;
  let fulfilled = 0;
  let late = 0;
  let daysLate = 0;
  const budget = new BudgetTally();
  // Of its active commitments: the one with the oldest latest report, and those never reported.
  let oldest: { since: string; view: CommitmentView } | undefined;
  const neverReported: CommitmentView[] = [];
  for (let i = 0; i < views.length; i++) {
    const view = views[i]!;
    if (!tookEffect(view)) continue;
    const receives = judgement.hasCounterparty(view, self);
    if (receives) received += 1;
    if (judgement.party(view.committer) !== self) continue;
    made += 1;
    if (receives) internal += 1;
    if (isOpen(view)) {
      open += 1;
      const schedule = judgement.schedule(i);
      if (schedule === SCHEDULE.OVERDUE) overdue += 1;
      else if (schedule === SCHEDULE.DUE_SOON) dueSoon += 1;
      else if (schedule === SCHEDULE.AT_RISK) atRisk += 1;
    }
    if (view.status === 'fulfilled') {
      fulfilled += 1;
      const fulfilment = view.fulfilment!;
      if (!fulfilment.onTime) {
        late += 1;
        daysLate += fulfilment.daysLate;
      }
    } else if (view.status === 'cancelled') cancelled += 1;
    budget.add(view);
    if (view.status === 'active') {
      if (reportCount(view) === 0) neverReported.push(view);
      else {
        const since = lastReportedFor(view)!;
        if (!oldest || (ascending(since, oldest.since) || ascending(view.id, oldest.view.id)) < 0) oldest = { since, view };
      }
    }
  }
  return {
    province: code,
    today,
    provinces: options.provinces,
    made,
    received,
    internal,
    fulfilledOnTime: fulfilled - late,
    fulfilledLate: late,
    inTerm: open - overdue,
    dueSoon,
    atRisk,
    overdue,
    cancelled,
    fulfilmentRate: rate(fulfilled, fulfilled + overdue),
    averageDelayDays: rate(daysLate, late),
    budget: budget.totals(),
    noReportSince: oldest ? { since: oldest.since, commitment: ref(oldest.view), days: daysBetween(oldest.since, today) } : null,
    neverReported: neverReported.map(ref).sort((a, b) => ascending(a.id, b.id)),
  };
}

const ref = (v: CommitmentView): CommitmentRef => ({ id: v.id, title: v.title, track: v.track, deadline: v.deadline });
