import type { CommitmentView } from '../commitment-view/commitment-view.js';

/**
 * What the dashboards use of a view's reports, carried by a view whose reports are read
 * only on demand (the dashboards' views in memory keep no report objects): a property
 * keyed by this symbol, not enumerable, so equality and copies of the view never see it.
 */
export const REPORT_SUMMARY: unique symbol = Symbol('council.reportSummary');

export interface ReportSummary {
  /** How many reports the view has. */
  readonly count: number;
  /** The day its latest report (by the day reported for) was for; null without reports. */
  readonly lastReportedFor: string | null;
}

const summaryOf = (view: CommitmentView): ReportSummary | undefined => (view as { [REPORT_SUMMARY]?: ReportSummary })[REPORT_SUMMARY];

/** How many reports the view has, without reading them when it carries a summary. */
export function reportCount(view: CommitmentView): number {
  return summaryOf(view)?.count ?? view.reports.length;
}

/** The day the view's latest report was for (null without reports), without reading them when it carries a summary. */
export function lastReportedFor(view: CommitmentView): string | null {
  const summary = summaryOf(view);
  return summary ? summary.lastReportedFor : (view.reports.at(-1)?.reportedFor ?? null);
}
