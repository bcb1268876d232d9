export type { DashboardOptions, ProvinceView } from './judged-commitment.js';
export type { BudgetTotals, IndicatorTotal, ScheduleCounts, StatusCounts, TrackSummary } from './tallies.js';
export { type ProvinceBreakdown, type TrackDashboard, trackDashboard, type UpcomingDeadline } from './track-dashboard.js';
export { type CommitmentRef, type NoReportSince, type ProvinceScorecard, provinceScorecard } from './province-scorecard.js';
export { type CommitmentMatrix, type MatrixCell, type OverdueCommitment, type RegionOverview, regionOverview } from './region-overview.js';
export { lastReportedFor, reportCount, REPORT_SUMMARY, type ReportSummary } from './report-summary.js';
