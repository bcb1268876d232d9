import { dayNumber } from '@council/platform/event-sourcing';
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

/** Every schedule status, in the order the dashboards count them; `scheduleIndexOn` answers an index into it. */
export const SCHEDULE_STATUSES: readonly ScheduleStatus[] = ['IN_TERM', 'DUE_SOON', 'AT_RISK', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE', 'CLOSED'];
/** Each schedule status's index in SCHEDULE_STATUSES. */
export const SCHEDULE = { IN_TERM: 0, DUE_SOON: 1, AT_RISK: 2, OVERDUE: 3, DONE_ON_TIME: 4, DONE_LATE: 5, CLOSED: 6 } as const satisfies Record<ScheduleStatus, number>;

/** The schedule status on `today` (YYYY-MM-DD): derived from the clock, never stored. */
export function scheduleStatus(view: CommitmentView, today: string, rules: ScheduleRules = DEFAULT_SCHEDULE_RULES): ScheduleStatus {
  return SCHEDULE_STATUSES[scheduleIndexOn(view, dayNumber(today), rules)]!;
}

/**
 * The same as an index into SCHEDULE_STATUSES, on the day `todayNumber` (`dayNumber(today)`):
 * the dashboards judge tens of thousands of views on one day and work the day out once.
 */
export function scheduleIndexOn(view: CommitmentView, todayNumber: number, rules: ScheduleRules = DEFAULT_SCHEDULE_RULES): number {
  const status = view.status;
  if (status === 'fulfilled') return view.fulfilment?.onTime ? SCHEDULE.DONE_ON_TIME : SCHEDULE.DONE_LATE;
  if (status === 'declined' || status === 'withdrawn' || status === 'cancelled') return SCHEDULE.CLOSED;
  if (status === 'fulfillment_claimed' && view.claim && view.claim.claimedOn <= view.deadline) return SCHEDULE.IN_TERM;
  const deadline = dayNumber(view.deadline);
  const left = deadline - todayNumber;
  if (left < 0) return SCHEDULE.OVERDUE;
  if (status === 'active' && lagsInLastQuarter(view, deadline, todayNumber, rules.atRiskMargin)) return SCHEDULE.AT_RISK;
  return left <= rules.dueSoonDays ? SCHEDULE.DUE_SOON : SCHEDULE.IN_TERM;
}

function lagsInLastQuarter(view: CommitmentView, deadline: number, todayNumber: number, margin: number): boolean {
  const start = dayNumber(view.activatedOn ?? view.proposedOn);
  const span = deadline - start;
  if (span <= 0) return false;
  const elapsed = (todayNumber - start) / span;
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
