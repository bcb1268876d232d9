import { eventRecordFields, type RecordedEvent } from '@council/platform/event-sourcing';
import { type CommitmentView, evidenceStatus, progressOf, scheduleStatus } from '@council/commitments/read-models';
import { provinceName, type Region, successorOn } from '@council/region/domain';
import type { LoadedCommitment } from './commitment-reader.js';
import type { BudgetSource, Commitment, CommitmentStatus, EvidenceStatus, HistoryEntry, ProvinceRef, ScheduleStatus, Track } from './commitment.model.js';

const vnd = (amount: string | null | undefined): bigint | undefined => (amount === null || amount === undefined ? undefined : BigInt(amount));

function province(region: Region, code: string, madeOn: string, today: string): ProvinceRef {
  const name = provinceName(region, code, madeOn);
  const now = successorOn(region, code, today);
  return { code, name: name?.name ?? code, nameEn: name?.nameEn ?? code, ...(now !== code && { answeredForBy: now }) };
}

export function historyEntry(e: RecordedEvent): HistoryEntry {
  return eventRecordFields(e);
}

/**
 * The GraphQL shape of a commitment, with its schedule judged on `today` (YYYY-MM-DD).
 * Without its events (a list read from the read models), `history` is resolved on demand.
 */
export function toCommitment({ view, history }: { view: CommitmentView; history?: LoadedCommitment['history'] }, region: Region, today: string): Commitment {
  const last = view.reports[view.reports.length - 1];
  const commitment: Commitment = {
    id: view.id,
    track: view.track as Track,
    ...(view.projectId && { projectId: view.projectId }),
    title: view.title,
    ...(view.titleEn && { titleEn: view.titleEn }),
    description: view.description,
    committer: province(region, view.committer, view.proposedOn, today),
    counterparties: view.counterparties.map((c) => ({
      ...province(region, c.code, view.proposedOn, today),
      accepted: c.acceptedOn !== undefined,
      ...(c.acceptedOn && { acceptedOn: c.acceptedOn }),
      ...(c.actingProvince && c.actingProvince !== c.code && { actingProvince: c.actingProvince }),
    })),
    responsible: view.responsible,
    ...(view.sourceDocument && { sourceDocument: view.sourceDocument }),
    status: view.status as CommitmentStatus,
    schedule: scheduleStatus(view, today) as ScheduleStatus,
    evidence: evidenceStatus(view) as EvidenceStatus,
    proposedOn: view.proposedOn,
    ...(view.activatedOn && { activatedOn: view.activatedOn }),
    originalDeadline: view.originalDeadline,
    deadline: view.deadline,
    ...(view.pendingExtension && { pendingExtension: view.pendingExtension }),
    indicator: { ...view.indicator, progress: progressOf(view) },
    originalBudgetVnd: vnd(view.originalBudget?.amountVnd),
    budgetVnd: vnd(view.budgetVnd),
    ...(view.originalBudget && { budgetSource: view.originalBudget.source as BudgetSource }),
    disbursedVnd: vnd(view.disbursedVnd),
    ...(last && { lastReportedAt: last.reportedFor }),
    reports: view.reports.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt), disbursedVnd: vnd(r.disbursedVnd) })),
    ...(view.fulfilment && {
      fulfilment: { verifiedBy: view.fulfilment.by, onTime: view.fulfilment.onTime, daysLate: view.fulfilment.daysLate, verifiedAt: new Date(view.fulfilment.verifiedAt) },
    }),
    missedDeadlines: [...view.missedDeadlines],
    revision: Number(view.revision),
  };
  // Turned into entries only when a query asks for them (a mutation's answer rarely does).
  let entries: HistoryEntry[] | undefined;
  if (history) Object.defineProperty(commitment, 'history', { enumerable: true, configurable: true, get: () => (entries ??= history.map(historyEntry)) });
  return commitment;
}
