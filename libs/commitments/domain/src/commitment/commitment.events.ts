import type { Event } from '@council/platform/event-sourcing';
import type { LegalBasis, Track } from '@council/region/domain';

export type BudgetSource = 'central' | 'provincial' | 'ppp' | 'oda' | 'other';
export const BUDGET_SOURCES: readonly BudgetSource[] = ['central', 'provincial', 'ppp', 'oda', 'other'];

export interface Indicator {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
}

export interface Responsible {
  readonly agency: string;
  readonly person: string;
}

export interface Budget {
  /** Whole đồng as a decimal string: a province budget passes 2^53. */
  readonly amountVnd: string;
  readonly source: BudgetSource;
}

export type CommitmentProposed = Event<
  'CommitmentProposed',
  {
    commitmentId: string;
    committer: string;
    counterparties: string[];
    track: Track;
    projectId?: string;
    title: string;
    titleEn?: string;
    description: string;
    responsible: Responsible;
    indicator: Indicator;
    deadline: string;
    budget?: Budget;
    sourceDocument?: LegalBasis;
    proposedOn: string;
  }
>;
/** One counterparty accepted; `actingProvince` differs from `party` when a successor acts after a merger. */
export type CommitmentAccepted = Event<'CommitmentAccepted', { commitmentId: string; party: string; actingProvince: string }>;
/** Every counterparty accepted: the promise is in force. */
export type CommitmentActivated = Event<'CommitmentActivated', { commitmentId: string; activatedOn: string }>;
export type CommitmentDeclined = Event<'CommitmentDeclined', { commitmentId: string; party: string; actingProvince: string; reason: string }>;
export type CommitmentWithdrawn = Event<'CommitmentWithdrawn', { commitmentId: string; reason: string }>;
export type ProgressReported = Event<
  'ProgressReported',
  { commitmentId: string; value: number; disbursedVnd?: string; note?: string; evidenceUrl?: string; reportedFor: string }
>;
export type DeadlineExtensionRequested = Event<
  'DeadlineExtensionRequested',
  { commitmentId: string; currentDeadline: string; newDeadline: string; reason: string }
>;
export type DeadlineExtensionApproved = Event<
  'DeadlineExtensionApproved',
  { commitmentId: string; previousDeadline: string; newDeadline: string; note: string }
>;
export type DeadlineExtensionRejected = Event<'DeadlineExtensionRejected', { commitmentId: string; requestedDeadline: string; note: string }>;
/** A change of target or budget: the original promise stays in the log, beside the change. */
export type CommitmentAmended = Event<
  'CommitmentAmended',
  {
    commitmentId: string;
    target?: { from: number; to: number };
    budgetVnd?: { from: string | null; to: string };
    reason: string;
  }
>;
export type FulfillmentClaimed = Event<'FulfillmentClaimed', { commitmentId: string; note: string; evidenceUrl?: string; claimedOn: string }>;
/** `by` is the verifying counterparty's code, or `council`. */
export type FulfillmentVerified = Event<
  'FulfillmentVerified',
  { commitmentId: string; by: string; note: string; onTime: boolean; daysLate: number }
>;
export type FulfillmentDisputed = Event<'FulfillmentDisputed', { commitmentId: string; by: string; note: string }>;
export type CommitmentCancelled = Event<'CommitmentCancelled', { commitmentId: string; reason: string }>;
export type DeadlineMissed = Event<'DeadlineMissed', { commitmentId: string; deadline: string }>;

export type CommitmentEvent =
  | CommitmentProposed
  | CommitmentAccepted
  | CommitmentActivated
  | CommitmentDeclined
  | CommitmentWithdrawn
  | ProgressReported
  | DeadlineExtensionRequested
  | DeadlineExtensionApproved
  | DeadlineExtensionRejected
  | CommitmentAmended
  | FulfillmentClaimed
  | FulfillmentVerified
  | FulfillmentDisputed
  | CommitmentCancelled
  | DeadlineMissed;

/** Every commitment's stream id starts with this. */
export const COMMITMENT_STREAM_PREFIX = 'commitment-';
export const commitmentStream = (commitmentId: string): string => `${COMMITMENT_STREAM_PREFIX}${commitmentId}`;
