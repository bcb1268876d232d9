import type { Command } from '@council/platform/event-sourcing';
import type { LegalBasis, Region } from '@council/region/domain';
import type { Budget, Indicator, Responsible } from './commitment.events.js';

/** What a decision about a commitment needs besides its stream: the region as it stands. */
export interface CommitmentContext {
  readonly region: Region;
}

type CommitmentCommand_<Type extends string, Data> = Command<Type, Data> & { readonly context: CommitmentContext };

export type ProposeCommitment = CommitmentCommand_<
  'ProposeCommitment',
  {
    commitmentId: string;
    track: string;
    /** Optional in the type: the five-point rule names it when it is missing. */
    title?: string;
    titleEn?: string;
    description?: string;
    counterparties: string[];
    projectId?: string;
    responsible?: Partial<Responsible>;
    indicator?: Partial<Indicator>;
    deadline?: string;
    budget?: Budget;
    sourceDocument?: LegalBasis;
  }
>;
export type AcceptCommitment = CommitmentCommand_<'AcceptCommitment', Record<string, never>>;
export type DeclineCommitment = CommitmentCommand_<'DeclineCommitment', { reason: string }>;
export type WithdrawCommitment = CommitmentCommand_<'WithdrawCommitment', { reason: string }>;
export type ReportProgress = CommitmentCommand_<
  'ReportProgress',
  { value: number; disbursedVnd?: string; note?: string; evidenceUrl?: string; reportedFor: string }
>;
export type RequestDeadlineExtension = CommitmentCommand_<'RequestDeadlineExtension', { newDeadline: string; reason: string }>;
export type DecideDeadlineExtension = CommitmentCommand_<'DecideDeadlineExtension', { approve: boolean; note: string }>;
export type AmendCommitment = CommitmentCommand_<'AmendCommitment', { target?: number; budgetVnd?: string; reason: string }>;
export type ClaimFulfillment = CommitmentCommand_<'ClaimFulfillment', { note: string; evidenceUrl?: string }>;
export type VerifyFulfillment = CommitmentCommand_<'VerifyFulfillment', { accepted: boolean; note: string }>;
export type CancelCommitment = CommitmentCommand_<'CancelCommitment', { reason: string }>;
export type RecordDeadlineMissed = CommitmentCommand_<'RecordDeadlineMissed', Record<string, never>>;

export type CommitmentCommand =
  | ProposeCommitment
  | AcceptCommitment
  | DeclineCommitment
  | WithdrawCommitment
  | ReportProgress
  | RequestDeadlineExtension
  | DecideDeadlineExtension
  | AmendCommitment
  | ClaimFulfillment
  | VerifyFulfillment
  | CancelCommitment
  | RecordDeadlineMissed;
