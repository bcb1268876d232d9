import type { CommitmentEvent } from './commitment.events.js';

export type LifecycleStatus = 'proposed' | 'active' | 'declined' | 'withdrawn' | 'fulfillment_claimed' | 'fulfilled' | 'cancelled';
export const FINAL_STATUSES: readonly LifecycleStatus[] = ['declined', 'withdrawn', 'fulfilled', 'cancelled'];

/** Only what decisions need; the read models keep everything else. */
export type Commitment =
  | { readonly status: 'none' }
  | {
      readonly status: LifecycleStatus;
      readonly commitmentId: string;
      readonly committer: string;
      readonly counterparties: readonly string[];
      readonly pendingAcceptances: readonly string[];
      readonly deadline: string;
      readonly baseline: number;
      readonly target: number;
      readonly budgetVnd: string | null;
      readonly claimedOn?: string;
      readonly pendingExtension?: string;
      /** Deadlines already recorded as missed, so each is recorded once. */
      readonly missedDeadlines: readonly string[];
    };

export type ExistingCommitment = Exclude<Commitment, { status: 'none' }>;

export const initialCommitment = (): Commitment => ({ status: 'none' });

export const evolveCommitment = (state: Commitment, event: CommitmentEvent): Commitment => {
  if (event.type === 'CommitmentProposed') {
    const d = event.data;
    return {
      status: 'proposed',
      commitmentId: d.commitmentId,
      committer: d.committer,
      counterparties: d.counterparties,
      pendingAcceptances: d.counterparties,
      deadline: d.deadline,
      baseline: d.indicator.baseline,
      target: d.indicator.target,
      budgetVnd: d.budget?.amountVnd ?? null,
      missedDeadlines: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CommitmentAccepted':
      return { ...state, pendingAcceptances: state.pendingAcceptances.filter((p) => p !== event.data.party) };
    case 'CommitmentActivated':
      return { ...state, status: 'active' };
    case 'CommitmentDeclined':
      return { ...state, status: 'declined' };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ProgressReported':
      return state;
    case 'DeadlineExtensionRequested':
      return { ...state, pendingExtension: event.data.newDeadline };
    case 'DeadlineExtensionApproved': {
      const { pendingExtension: _, ...rest } = state;
      return { ...rest, deadline: event.data.newDeadline };
    }
    case 'DeadlineExtensionRejected': {
      const { pendingExtension: _, ...rest } = state;
      return rest;
    }
    case 'CommitmentAmended':
      return {
        ...state,
        ...(event.data.target && { target: event.data.target.to }),
        ...(event.data.budgetVnd && { budgetVnd: event.data.budgetVnd.to }),
      };
    case 'FulfillmentClaimed':
      return { ...state, status: 'fulfillment_claimed', claimedOn: event.data.claimedOn };
    case 'FulfillmentVerified':
      return { ...state, status: 'fulfilled' };
    case 'FulfillmentDisputed': {
      const { claimedOn: _, ...rest } = state;
      return { ...rest, status: 'active' };
    }
    case 'CommitmentCancelled':
      return { ...state, status: 'cancelled' };
    case 'DeadlineMissed':
      return { ...state, missedDeadlines: [...state.missedDeadlines, event.data.deadline] };
    default:
      event satisfies never;
      return state;
  }
};
