import type * as ReadModel from '@council/commitments/read-models';
import { provinceName, type Region, successorOn } from '@council/region/domain';
import type { CommitmentStatus, ProvinceRef, ScheduleStatus, Track } from '../commitment/commitment.model.js';
import type {
  BudgetTotals,
  CommitmentRef,
  OverdueCommitment,
  ProvinceScorecard,
  ProvinceView,
  RegionOverview,
  ScheduleCount,
  TrackDashboard,
  TrackSummary,
} from './dashboards.model.js';

/** Names the dashboards' province codes as each is called on the as-of day. */
const namer = (region: Region, today: string) => (code: string): ProvinceRef => {
  const name = provinceName(region, code, today);
  const now = successorOn(region, code, today);
  return { code, name: name?.name ?? code, nameEn: name?.nameEn ?? code, ...(now !== code && { answeredForBy: now }) };
};

const scheduleCounts = (counts: ReadModel.ScheduleCounts): ScheduleCount[] =>
  Object.entries(counts).map(([schedule, count]) => ({ schedule: schedule as ScheduleStatus, count }));

const budget = (b: ReadModel.BudgetTotals): BudgetTotals => ({ ...b, budgetVnd: BigInt(b.budgetVnd), disbursedVnd: BigInt(b.disbursedVnd) });

const commitmentRef = (c: ReadModel.CommitmentRef): CommitmentRef => ({ ...c, track: c.track as Track });

function trackSummary(s: ReadModel.TrackSummary): TrackSummary {
  return {
    track: s.track as Track,
    total: s.total,
    byStatus: Object.entries(s.byStatus).map(([status, count]) => ({ status: status as CommitmentStatus, count })),
    bySchedule: scheduleCounts(s.bySchedule),
    onTimeRate: s.onTimeRate,
    budget: budget(s.budget),
  };
}

export function toTrackDashboard(d: ReadModel.TrackDashboard, region: Region): TrackDashboard {
  const province = namer(region, d.today);
  return {
    ...trackSummary(d),
    asOfDay: d.today,
    provinces: d.provinces as ProvinceView,
    indicators: d.indicators.map((i) => ({ ...i })),
    byProvince: d.byProvince.map((p) => ({ ...p, province: province(p.province) })),
    upcomingDeadlines: d.upcomingDeadlines.map((u) => ({ ...u, committer: province(u.committer), schedule: u.schedule as ScheduleStatus })),
  };
}

export function toProvinceScorecard(s: ReadModel.ProvinceScorecard, region: Region): ProvinceScorecard {
  const province = namer(region, s.today);
  const { today, noReportSince, neverReported, ...counts } = s;
  return {
    ...counts,
    province: province(s.province),
    asOfDay: today,
    provinces: s.provinces as ProvinceView,
    budget: budget(s.budget),
    noReportSince: noReportSince && { ...noReportSince, commitment: commitmentRef(noReportSince.commitment) },
    neverReported: neverReported.map(commitmentRef),
  };
}

export function toRegionOverview(o: ReadModel.RegionOverview, region: Region): RegionOverview {
  const province = namer(region, o.today);
  const overdue = (c: ReadModel.OverdueCommitment): OverdueCommitment => ({
    ...c,
    track: c.track as Track,
    committer: province(c.committer),
    counterparties: c.counterparties.map(province),
  });
  return {
    asOfDay: o.today,
    provinces: o.provinces as ProvinceView,
    tracks: o.tracks.map(trackSummary),
    matrix: {
      provinces: o.matrix.provinces.map(province),
      cells: o.matrix.cells.map((c) => ({ ...c, bySchedule: scheduleCounts(c.bySchedule) })),
    },
    overdue: o.overdue.map(overdue),
  };
}
