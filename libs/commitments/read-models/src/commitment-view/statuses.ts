import { daysBetween } from '@council/platform/event-sourcing';
import type { CommitmentView } from './commitment-view.js';

export type ScheduleStatus = 'IN_TERM' | 'DUE_SOON' | 'AT_RISK' | 'OVERDUE' | 'DONE_ON_TIME' | 'DONE_LATE' | 'CLOSED';
export type EvidenceStatus = 'NO_REPORT' | 'REPORTED' | 'EVIDENCED' | 'CONFIRMED' | 'DISPUTED';

/** How the schedule is judged; the Government Office's task tracking uses 30 days for "due soon". */
export interface ScheduleRules {
  readonly dueSoonDays: number;
  /** At risk: in the last quarter of the time, progress lags the straight line by more than this share. */
  readonly atRiskMargin: number;
}

export const DEFAULT_SCHEDULE_RULES: ScheduleRules = { dueSoonDays: 30, atRiskMargin: 0.15 };

/** Share of the way from baseline to target, or null with no report (never shown as zero). */
export function progressOf(view: CommitmentView): number | null {
  const { baseline, target, actual } = view.indicator;
  if (actual === null || target === baseline) return null;
  return (actual - baseline) / (target - baseline);
}

/** The schedule status on `today` (YYYY-MM-DD): derived from the clock, never stored. */
export function scheduleStatus(view: CommitmentView, today: string, rules: ScheduleRules = DEFAULT_SCHEDULE_RULES): ScheduleStatus {
  if (view.status === 'fulfilled') return view.fulfilment?.onTime ? 'DONE_ON_TIME' : 'DONE_LATE';
  if (view.status === 'declined' || view.status === 'withdrawn' || view.status === 'cancelled') return 'CLOSED';
  if (view.status === 'fulfillment_claimed' && view.claim && view.claim.claimedOn <= view.deadline) return 'IN_TERM';
  const left = daysBetween(today, view.deadline);
  if (left < 0) return 'OVERDUE';
  if (view.status === 'active' && lagsInLastQuarter(view, today, rules.atRiskMargin)) return 'AT_RISK';
  return left <= rules.dueSoonDays ? 'DUE_SOON' : 'IN_TERM';
}

function lagsInLastQuarter(view: CommitmentView, today: string, margin: number): boolean {
  const start = view.activatedOn ?? view.proposedOn;
  const span = daysBetween(start, view.deadline);
  if (span <= 0) return false;
  const elapsed = daysBetween(start, today) / span;
  if (elapsed < 0.75) return false;
  return elapsed - Math.max(0, progressOf(view) ?? 0) > margin;
}

export function evidenceStatus(view: CommitmentView): EvidenceStatus {
  if (view.disputed) return 'DISPUTED';
  if (view.fulfilment) return 'CONFIRMED';
  if (view.reports.length === 0 && !view.claim) return 'NO_REPORT';
  const evidenced = view.reports.some((r) => r.evidenceUrl !== undefined) || view.claim?.evidenceUrl !== undefined;
  return evidenced ? 'EVIDENCED' : 'REPORTED';
}
