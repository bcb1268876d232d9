import { dayNumber } from '@council/platform/event-sourcing';
import type { Region } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { DEFAULT_SCHEDULE_RULES, SCHEDULE, SCHEDULE_STATUSES, type ScheduleStatus } from '../commitment-view/statuses.js';
import { ascending, type DashboardOptions, isOpen, type Judgement, judgementOf, type ProvinceView, tookEffect } from './judged-commitment.js';
import { IndicatorTallies, type IndicatorTotal, TrackTally, type TrackSummary } from './tallies.js';

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
  const judgement = judgementOf(views, today, region, options);
  const tally = new TrackTally();
  const indicators = new IndicatorTallies();
  const provinces = new ProvinceTallies(judgement);
  const upcoming: UpcomingDeadline[] = [];
  const todayNumber = dayNumber(today);
  for (let i = 0; i < views.length; i++) {
    const view = views[i]!;
    if (view.track !== track) continue;
    const schedule = judgement.schedule(i);
    tally.add(view, schedule);
    indicators.add(view);
    if (tookEffect(view)) provinces.add(view, schedule);
    if (isOpen(view)) {
      const daysLeft = dayNumber(view.deadline) - todayNumber;
      if (daysLeft >= 0 && daysLeft <= DEFAULT_SCHEDULE_RULES.dueSoonDays) {
        const committer = judgement.shown[judgement.party(view.committer)]!;
        upcoming.push({ id: view.id, title: view.title, committer, deadline: view.deadline, daysLeft, schedule: SCHEDULE_STATUSES[schedule]! });
      }
    }
  }
  return {
    ...tally.summary(track),
    today,
    provinces: options.provinces,
    indicators: indicators.totals(),
    byProvince: provinces.breakdown(),
    upcomingDeadlines: upcoming.sort((a, b) => a.daysLeft - b.daysLeft || ascending(a.id, b.id)),
  };
}

interface ProvinceRow {
  made: number;
  received: number;
  active: number;
  overdue: number;
  fulfilled: number;
}

/** The rows of `byProvince` by province as shown (its index), in the order first met. */
class ProvinceTallies {
  private readonly rows: (ProvinceRow | undefined)[] = [];
  private readonly met: number[] = [];

  constructor(private readonly judgement: Judgement) {}

  private row(province: number): ProvinceRow {
    let row = this.rows[province];
    if (!row) {
      row = { made: 0, received: 0, active: 0, overdue: 0, fulfilled: 0 };
      this.rows[province] = row;
      this.met.push(province);
    }
    return row;
  }

  /** A commitment that took effect, whose schedule is `schedule`. */
  add(view: CommitmentView, schedule: number): void {
    const made = this.row(this.judgement.party(view.committer));
    made.made += 1;
    if (isOpen(view)) made.active += 1;
    if (schedule === SCHEDULE.OVERDUE) made.overdue += 1;
    if (view.status === 'fulfilled') made.fulfilled += 1;
    for (const counterparty of this.judgement.counterparties(view)) this.row(counterparty).received += 1;
  }

  breakdown(): ProvinceBreakdown[] {
    const shown = this.judgement.shown;
    return this.met
      .map((p) => ({ province: shown[p]!, ...this.rows[p]! }))
      .sort((a, b) => ascending(a.province, b.province));
  }
}
