import { daysBetween } from '@council/platform/event-sourcing';
import type { Region } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { DEFAULT_SCHEDULE_RULES, type ScheduleStatus } from '../commitment-view/statuses.js';
import { ascending, type DashboardOptions, isOpen, judge, type JudgedCommitment, type ProvinceView, tookEffect } from './judged-commitment.js';
import { type IndicatorTotal, indicatorTotals, summarise, type TrackSummary } from './tallies.js';

/** One province's row: commitments that took effect, with the province as shown. */
export interface ProvinceBreakdown {
  readonly province: string;
  readonly made: number;
  readonly received: number;
  /** Of those made: open (active, or a claim awaiting verification). */
  readonly active: number;
  /** Of those made: open with the deadline passed. */
  readonly overdue: number;
  /** Of those made: verified as kept, on time or late. */
  readonly fulfilled: number;
}

export interface UpcomingDeadline {
  readonly id: string;
  readonly title: string;
  readonly committer: string;
  readonly deadline: string;
  /** 0 on the deadline day itself. */
  readonly daysLeft: number;
  readonly schedule: ScheduleStatus;
}

export interface TrackDashboard extends TrackSummary {
  /** The day schedule statuses are judged on (YYYY-MM-DD, Việt Nam). */
  readonly today: string;
  readonly provinces: ProvinceView;
  readonly indicators: readonly IndicatorTotal[];
  readonly byProvince: readonly ProvinceBreakdown[];
  /** Open commitments due within 30 days, soonest first. */
  readonly upcomingDeadlines: readonly UpcomingDeadline[];
}

export function trackDashboard(
  views: readonly CommitmentView[],
  track: string,
  today: string,
  region: Region,
  options: DashboardOptions,
): TrackDashboard {
  const judged = judge(views.filter((v) => v.track === track), today, region, options);
  return {
    ...summarise(track, judged),
    today,
    provinces: options.provinces,
    indicators: indicatorTotals(judged.map((j) => j.view)),
    byProvince: provinceBreakdown(judged),
    upcomingDeadlines: upcomingDeadlines(judged, today),
  };
}

function provinceBreakdown(judged: readonly JudgedCommitment[]): ProvinceBreakdown[] {
  const effective = judged.filter((j) => tookEffect(j.view));
  const provinces = new Set(effective.flatMap((j) => [j.committer, ...j.counterparties]));
  return [...provinces].sort(ascending).map((province) => {
    const made = effective.filter((j) => j.committer === province);
    return {
      province,
      made: made.length,
      received: effective.filter((j) => j.counterparties.includes(province)).length,
      active: made.filter((j) => isOpen(j.view)).length,
      overdue: made.filter((j) => j.schedule === 'OVERDUE').length,
      fulfilled: made.filter((j) => j.view.status === 'fulfilled').length,
    };
  });
}

function upcomingDeadlines(judged: readonly JudgedCommitment[], today: string): UpcomingDeadline[] {
  return judged
    .filter((j) => isOpen(j.view))
    .map(({ view, committer, schedule }) => ({ id: view.id, title: view.title, committer, deadline: view.deadline, daysLeft: daysBetween(today, view.deadline), schedule }))
    .filter((u) => u.daysLeft >= 0 && u.daysLeft <= DEFAULT_SCHEDULE_RULES.dueSoonDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || ascending(a.id, b.id));
}
