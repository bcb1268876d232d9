import { vietnamDate } from '@council/platform/event-sourcing';
import type { LegalBasis } from '@council/region/domain';
import type { Budget, CommitmentEvent, LifecycleStatus, Responsible } from '@council/commitments/domain';

export interface CounterpartyView {
  readonly code: string;
  readonly acceptedOn?: string;
  readonly actingProvince?: string;
}

export interface ProgressReportView {
  readonly reportedFor: string;
  readonly recordedAt: string;
  readonly value: number;
  readonly disbursedVnd?: string;
  readonly note?: string;
  readonly evidenceUrl?: string;
}

/** One commitment as the council sees it: the promise as made, as it stands now, and how it went. */
export interface CommitmentView {
  readonly id: string;
  readonly track: string;
  readonly projectId?: string;
  readonly title: string;
  readonly titleEn?: string;
  readonly description: string;
  readonly committer: string;
  readonly counterparties: readonly CounterpartyView[];
  readonly responsible: Responsible;
  readonly sourceDocument?: LegalBasis;
  readonly status: LifecycleStatus;
  readonly proposedOn: string;
  readonly activatedOn?: string;
  readonly originalDeadline: string;
  readonly deadline: string;
  readonly pendingExtension?: { readonly newDeadline: string; readonly reason: string };
  readonly indicator: {
    readonly name: string;
    readonly unit: string;
    readonly baseline: number;
    readonly originalTarget: number;
    readonly target: number;
    /** The latest reported value, or null when nothing was reported. */
    readonly actual: number | null;
  };
  readonly originalBudget?: Budget;
  readonly budgetVnd: string | null;
  /** Disbursed to date, as last reported (reports give the running total). */
  readonly disbursedVnd: string | null;
  readonly reports: readonly ProgressReportView[];
  readonly claim?: { readonly claimedOn: string; readonly note: string; readonly evidenceUrl?: string };
  readonly fulfilment?: { readonly by: string; readonly onTime: boolean; readonly daysLate: number; readonly verifiedAt: string };
  readonly disputes: number;
  /** True while the latest verification said no and no new claim followed. */
  readonly disputed: boolean;
  readonly missedDeadlines: readonly string[];
  readonly closedAt?: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/** What the projection needs of a recorded event. */
export interface ViewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly revision: bigint;
  readonly position: bigint;
  readonly metadata: { readonly recordedAt: string; readonly effectiveAt: string };
}

/**
 * Folds one commitment's events into its view. Never throws for a recorded fact: an
 * event before the proposal, or of a type this version does not know, leaves the view
 * as it is (apart from its revision and position).
 */
export function evolveCommitmentView(view: CommitmentView | null, recorded: ViewEvent): CommitmentView | null {
  const event = recorded as unknown as CommitmentEvent & ViewEvent;
  // Redelivery is harmless: an event at or before the view's revision was folded already.
  if (view && recorded.revision <= view.revision) return view;
  const at = { revision: recorded.revision, position: recorded.position };
  if (event.type === 'CommitmentProposed') {
    const d = event.data;
    return {
      id: d.commitmentId,
      track: d.track,
      ...(d.projectId !== undefined && { projectId: d.projectId }),
      title: d.title,
      ...(d.titleEn !== undefined && { titleEn: d.titleEn }),
      description: d.description,
      committer: d.committer,
      counterparties: d.counterparties.map((code) => ({ code })),
      responsible: d.responsible,
      ...(d.sourceDocument && { sourceDocument: d.sourceDocument }),
      status: 'proposed',
      proposedOn: d.proposedOn,
      originalDeadline: d.deadline,
      deadline: d.deadline,
      indicator: { ...d.indicator, originalTarget: d.indicator.target, actual: null },
      ...(d.budget && { originalBudget: d.budget }),
      budgetVnd: d.budget?.amountVnd ?? null,
      disbursedVnd: null,
      reports: [],
      disputes: 0,
      disputed: false,
      missedDeadlines: [],
      ...at,
    };
  }
  if (!view) return null;
  // Each case copies the view once, with what the event changed.
  switch (event.type) {
    case 'CommitmentAccepted': {
      const day = vietnamDate(new Date(recorded.metadata.effectiveAt));
      return {
        ...view, ...at,
        counterparties: view.counterparties.map((c) => (c.code === event.data.party ? { ...c, acceptedOn: day, actingProvince: event.data.actingProvince } : c)),
      };
    }
    case 'CommitmentActivated':
      return { ...view, ...at, status: 'active', activatedOn: event.data.activatedOn };
    case 'CommitmentDeclined':
      return { ...view, ...at, status: 'declined', closedAt: recorded.metadata.recordedAt };
    case 'CommitmentWithdrawn':
      return { ...view, ...at, status: 'withdrawn', closedAt: recorded.metadata.recordedAt };
    case 'ProgressReported': {
      const reports = withReport(view.reports, reportOf(recorded));
      return { ...view, ...at, reports, indicator: { ...view.indicator, actual: actualOf(reports) }, disbursedVnd: disbursedOf(reports) };
    }
    case 'DeadlineExtensionRequested':
      return { ...view, ...at, pendingExtension: { newDeadline: event.data.newDeadline, reason: event.data.reason } };
    case 'DeadlineExtensionApproved':
      return { ...without({ ...view, ...at }, 'pendingExtension'), deadline: event.data.newDeadline };
    case 'DeadlineExtensionRejected':
      return without({ ...view, ...at }, 'pendingExtension');
    case 'CommitmentAmended':
      return {
        ...view, ...at,
        indicator: event.data.target ? { ...view.indicator, target: event.data.target.to } : view.indicator,
        budgetVnd: event.data.budgetVnd ? event.data.budgetVnd.to : view.budgetVnd,
      };
    case 'FulfillmentClaimed':
      return { ...view, ...at, status: 'fulfillment_claimed', disputed: false, claim: { claimedOn: event.data.claimedOn, note: event.data.note, ...pick(event.data, ['evidenceUrl']) } };
    case 'FulfillmentVerified':
      return {
        ...view, ...at,
        status: 'fulfilled',
        closedAt: recorded.metadata.recordedAt,
        fulfilment: { by: event.data.by, onTime: event.data.onTime, daysLate: event.data.daysLate, verifiedAt: recorded.metadata.recordedAt },
      };
    case 'FulfillmentDisputed':
      return { ...without({ ...view, ...at }, 'claim'), status: 'active', disputes: view.disputes + 1, disputed: true };
    case 'CommitmentCancelled':
      return { ...view, ...at, status: 'cancelled', closedAt: recorded.metadata.recordedAt };
    case 'DeadlineMissed':
      return { ...view, ...at, missedDeadlines: [...view.missedDeadlines, event.data.deadline] };
    default:
      return { ...view, ...at };
  }
}

/** The report a `ProgressReported` event adds to its commitment's view (its keys always in this order). */
export function reportOf(recorded: ViewEvent): ProgressReportView {
  const d = (recorded as unknown as Extract<CommitmentEvent, { type: 'ProgressReported' }>).data;
  return { reportedFor: d.reportedFor, recordedAt: recorded.metadata.recordedAt, value: d.value, ...pick(d, ['disbursedVnd', 'note', 'evidenceUrl']) };
}

/**
 * The reports with one more, in the order of the day reported for (ISO days: their code
 * units order them), a report for the same day after those recorded before it.
 */
function withReport(reports: readonly ProgressReportView[], report: ProgressReportView): ProgressReportView[] {
  let at = reports.length;
  while (at > 0 && reports[at - 1]!.reportedFor > report.reportedFor) at--;
  return [...reports.slice(0, at), report, ...reports.slice(at)];
}

/** Reports in the order of the day reported for, ties in recorded order (as the view keeps them; the sort is stable). */
export function sortReports(recorded: readonly ProgressReportView[]): ProgressReportView[] {
  return [...recorded].sort(byDayReportedFor);
}

const byDayReportedFor = (a: ProgressReportView, b: ProgressReportView): number => (a.reportedFor < b.reportedFor ? -1 : a.reportedFor > b.reportedFor ? 1 : 0);

/** What the indicator stands at: the value of the report for the latest day (null before any). */
export function actualOf(reports: readonly ProgressReportView[]): number | null {
  return reports.length === 0 ? null : reports[reports.length - 1]!.value;
}

/** Disbursed to date: the running total of the latest report that gave one. */
export function disbursedOf(reports: readonly ProgressReportView[]): string | null {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i]!.disbursedVnd !== undefined) return reports[i]!.disbursedVnd!;
  return null;
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function without<T extends object, K extends keyof T>(source: T, key: K): Omit<T, K> {
  const { [key]: _, ...rest } = source;
  return rest;
}
