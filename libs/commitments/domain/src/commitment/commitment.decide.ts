import {
  check,
  daysBetween,
  type Decider,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  vietnamDate,
} from '@council/platform/event-sourcing';
import { actsFor } from '@council/region/domain';
import type {
  AcceptCommitment,
  AmendCommitment,
  CancelCommitment,
  ClaimFulfillment,
  CommitmentCommand,
  DecideDeadlineExtension,
  DeclineCommitment,
  ProposeCommitment,
  RecordDeadlineMissed,
  ReportProgress,
  RequestDeadlineExtension,
  VerifyFulfillment,
  WithdrawCommitment,
} from './commitment.commands.js';
import type {
  CommitmentAccepted,
  CommitmentActivated,
  CommitmentAmended,
  CommitmentCancelled,
  CommitmentDeclined,
  CommitmentEvent,
  CommitmentProposed,
  CommitmentWithdrawn,
  DeadlineExtensionApproved,
  DeadlineExtensionRejected,
  DeadlineExtensionRequested,
  DeadlineMissed,
  FulfillmentClaimed,
  FulfillmentDisputed,
  FulfillmentVerified,
  ProgressReported,
} from './commitment.events.js';
import { type Commitment, type ExistingCommitment, FINAL_STATUSES, evolveCommitment, initialCommitment } from './commitment.state.js';
import { validateProposal } from './proposal.js';

type Cmd = { metadata: { now: Date; actor: { province?: string; roles: readonly string[] } }; context: ProposeCommitment['context'] };

const today = (c: Cmd) => vietnamDate(c.metadata.now);
const reason = (value: unknown, field = 'reason') => check.text(field, value, { max: 2000 });

function existing(state: Commitment): ExistingCommitment {
  if (state.status === 'none') throw new NotFoundError('no such commitment');
  return state;
}

/** Whether the caller's province answers for a counterparty of the commitment. */
function counterpartyOf(c: Cmd, s: ExistingCommitment): boolean {
  return s.counterparties.some((p) => actsFor(c.context.region, c.metadata.actor.province, p, today(c)));
}

function inStatusOf(s: ExistingCommitment, allowed: readonly ExistingCommitment['status'][], action: string): void {
  if (!allowed.includes(s.status)) throw new IllegalStateError(`cannot ${action} a commitment that is ${s.status.replace('_', ' ')}`);
}

function asCommitter(c: Cmd, s: ExistingCommitment): void {
  if (!actsFor(c.context.region, c.metadata.actor.province, s.committer, today(c)))
    throw new ForbiddenError(`only the committer (province ${s.committer}) may do this`);
}

const isCouncil = (c: Cmd) => c.metadata.actor.roles.includes('council');

export const proposeCommitment = (c: ProposeCommitment, state: Commitment): [CommitmentProposed] => {
  if (state.status !== 'none') throw new IllegalStateError('this commitment was already proposed');
  const committer = c.metadata.actor.province;
  if (!committer) throw new ForbiddenError('only a province may propose a commitment');
  return [{ type: 'CommitmentProposed', data: validateProposal(c.data, committer, c.context.region, today(c)) }];
};

export const acceptCommitment = (c: AcceptCommitment, state: Commitment): (CommitmentAccepted | CommitmentActivated)[] => {
  const s = existing(state);
  if (!counterpartyOf(c, s)) throw new ForbiddenError('only a counterparty may accept a commitment');
  inStatusOf(s, ['proposed'], 'accept');
  const acting = c.metadata.actor.province ?? '';
  const parties = s.pendingAcceptances.filter((p) => actsFor(c.context.region, acting, p, today(c)));
  if (parties.length === 0) throw new IllegalStateError('your province has already accepted this commitment');
  const accepted = parties.map((party): CommitmentAccepted => ({ type: 'CommitmentAccepted', data: { commitmentId: s.commitmentId, party, actingProvince: acting } }));
  const activated: CommitmentActivated[] =
    parties.length === s.pendingAcceptances.length
      ? [{ type: 'CommitmentActivated', data: { commitmentId: s.commitmentId, activatedOn: today(c) } }]
      : [];
  return [...accepted, ...activated];
};

export const declineCommitment = (c: DeclineCommitment, state: Commitment): [CommitmentDeclined] => {
  const s = existing(state);
  if (!counterpartyOf(c, s)) throw new ForbiddenError('only a counterparty may decline a commitment');
  inStatusOf(s, ['proposed'], 'decline');
  const acting = c.metadata.actor.province ?? '';
  const party = s.pendingAcceptances.find((p) => actsFor(c.context.region, acting, p, today(c)));
  if (!party) throw new IllegalStateError('your province has already accepted this commitment');
  return [{ type: 'CommitmentDeclined', data: { commitmentId: s.commitmentId, party, actingProvince: acting, reason: reason(c.data.reason) } }];
};

export const withdrawCommitment = (c: WithdrawCommitment, state: Commitment): [CommitmentWithdrawn] => {
  const s = existing(state);
  asCommitter(c, s);
  inStatusOf(s, ['proposed'], 'withdraw');
  return [{ type: 'CommitmentWithdrawn', data: { commitmentId: s.commitmentId, reason: reason(c.data.reason) } }];
};

export const reportProgress = (c: ReportProgress, state: Commitment): [ProgressReported] => {
  const s = existing(state);
  asCommitter(c, s);
  inStatusOf(s, ['active'], 'report progress on');
  const value = check.number('value', c.data.value);
  const reportedFor = check.date('reportedFor', c.data.reportedFor);
  if (reportedFor > today(c)) throw new ValidationError('reportedFor', 'must not be in the future');
  const disbursedVnd = c.data.disbursedVnd === undefined ? undefined : check.vnd('disbursedVnd', c.data.disbursedVnd);
  const note = check.optionalText('note', c.data.note, { max: 2000 });
  const evidenceUrl = c.data.evidenceUrl ? check.httpUrl('evidenceUrl', c.data.evidenceUrl) : undefined;
  return [
    {
      type: 'ProgressReported',
      data: { commitmentId: s.commitmentId, value, reportedFor, ...(disbursedVnd && { disbursedVnd }), ...(note && { note }), ...(evidenceUrl && { evidenceUrl }) },
      metadata: { effectiveAt: `${reportedFor}T00:00:00.000+07:00` },
    },
  ];
};

export const requestDeadlineExtension = (c: RequestDeadlineExtension, state: Commitment): [DeadlineExtensionRequested] => {
  const s = existing(state);
  asCommitter(c, s);
  inStatusOf(s, ['active'], 'request an extension for');
  if (s.pendingExtension) throw new IllegalStateError(`an extension to ${s.pendingExtension} is already awaiting the council's decision`);
  const newDeadline = check.date('newDeadline', c.data.newDeadline);
  if (newDeadline <= s.deadline) throw new ValidationError('newDeadline', `must be after the current deadline (${s.deadline})`);
  return [
    { type: 'DeadlineExtensionRequested', data: { commitmentId: s.commitmentId, currentDeadline: s.deadline, newDeadline, reason: reason(c.data.reason) } },
  ];
};

export const decideDeadlineExtension = (
  c: DecideDeadlineExtension,
  state: Commitment,
): [DeadlineExtensionApproved] | [DeadlineExtensionRejected] => {
  const s = existing(state);
  if (!isCouncil(c)) throw new ForbiddenError('only the council decides deadline extensions');
  if (!s.pendingExtension) throw new IllegalStateError('no deadline extension is awaiting a decision');
  const note = reason(c.data.note, 'note');
  if (typeof c.data.approve !== 'boolean') throw new ValidationError('approve', 'must be true or false');
  return c.data.approve
    ? [{ type: 'DeadlineExtensionApproved', data: { commitmentId: s.commitmentId, previousDeadline: s.deadline, newDeadline: s.pendingExtension, note } }]
    : [{ type: 'DeadlineExtensionRejected', data: { commitmentId: s.commitmentId, requestedDeadline: s.pendingExtension, note } }];
};

export const amendCommitment = (c: AmendCommitment, state: Commitment): [CommitmentAmended] => {
  const s = existing(state);
  if (!isCouncil(c)) throw new ForbiddenError('only the council amends a commitment, on the committer’s request');
  inStatusOf(s, ['proposed', 'active'], 'amend');
  const { target, budgetVnd } = c.data;
  if (target === undefined && budgetVnd === undefined) throw new ValidationError('target', 'an amendment changes the target, the budget or both');
  const newTarget = target === undefined ? undefined : check.number('target', target);
  if (newTarget !== undefined && newTarget === s.baseline) throw new ValidationError('target', 'must differ from the baseline');
  const newBudget = budgetVnd === undefined ? undefined : check.vnd('budgetVnd', budgetVnd);
  return [
    {
      type: 'CommitmentAmended',
      data: {
        commitmentId: s.commitmentId,
        ...(newTarget !== undefined && { target: { from: s.target, to: newTarget } }),
        ...(newBudget !== undefined && { budgetVnd: { from: s.budgetVnd, to: newBudget } }),
        reason: reason(c.data.reason),
      },
    },
  ];
};

export const claimFulfillment = (c: ClaimFulfillment, state: Commitment): [FulfillmentClaimed] => {
  const s = existing(state);
  asCommitter(c, s);
  inStatusOf(s, ['active'], 'claim fulfilment of');
  const evidenceUrl = c.data.evidenceUrl ? check.httpUrl('evidenceUrl', c.data.evidenceUrl) : undefined;
  return [
    {
      type: 'FulfillmentClaimed',
      data: { commitmentId: s.commitmentId, note: reason(c.data.note, 'note'), claimedOn: today(c), ...(evidenceUrl && { evidenceUrl }) },
    },
  ];
};

export const verifyFulfillment = (c: VerifyFulfillment, state: Commitment): [FulfillmentVerified] | [FulfillmentDisputed] => {
  const s = existing(state);
  // After a merger the committer's successor may also answer for a counterparty: it never verifies its own promise.
  const ownPromise = actsFor(c.context.region, c.metadata.actor.province, s.committer, today(c));
  const party = ownPromise ? undefined : s.counterparties.find((p) => actsFor(c.context.region, c.metadata.actor.province, p, today(c)));
  if (!party && !isCouncil(c))
    throw new ForbiddenError(ownPromise ? 'the committer cannot verify its own promise: a counterparty or the council does' : 'only a counterparty or the council verifies fulfilment');
  inStatusOf(s, ['fulfillment_claimed'], 'verify');
  const by = party ?? 'council';
  const note = reason(c.data.note, 'note');
  if (typeof c.data.accepted !== 'boolean') throw new ValidationError('accepted', 'must be true or false');
  if (!c.data.accepted) return [{ type: 'FulfillmentDisputed', data: { commitmentId: s.commitmentId, by, note } }];
  const daysLate = Math.max(0, daysBetween(s.deadline, s.claimedOn ?? today(c)));
  return [{ type: 'FulfillmentVerified', data: { commitmentId: s.commitmentId, by, note, onTime: daysLate === 0, daysLate } }];
};

export const cancelCommitment = (c: CancelCommitment, state: Commitment): [CommitmentCancelled] => {
  const s = existing(state);
  if (!isCouncil(c)) throw new ForbiddenError('only the council cancels a commitment');
  if (FINAL_STATUSES.includes(s.status)) throw new IllegalStateError(`cannot cancel a commitment that is ${s.status}`);
  return [{ type: 'CommitmentCancelled', data: { commitmentId: s.commitmentId, reason: reason(c.data.reason) } }];
};

/** Recorded once per deadline by the watcher when the day has ended and the promise is still open. */
export const recordDeadlineMissed = (c: RecordDeadlineMissed, state: Commitment): DeadlineMissed[] => {
  const s = existing(state);
  if (s.status !== 'active' || s.missedDeadlines.includes(s.deadline) || today(c) <= s.deadline) return [];
  return [{ type: 'DeadlineMissed', data: { commitmentId: s.commitmentId, deadline: s.deadline } }];
};

export const commitmentDecider: Decider<Commitment, CommitmentCommand, CommitmentEvent> = {
  initialState: initialCommitment,
  evolve: evolveCommitment,
  decide: (command, state): CommitmentEvent[] => {
    switch (command.type) {
      case 'ProposeCommitment': return proposeCommitment(command, state);
      case 'AcceptCommitment': return acceptCommitment(command, state);
      case 'DeclineCommitment': return declineCommitment(command, state);
      case 'WithdrawCommitment': return withdrawCommitment(command, state);
      case 'ReportProgress': return reportProgress(command, state);
      case 'RequestDeadlineExtension': return requestDeadlineExtension(command, state);
      case 'DecideDeadlineExtension': return decideDeadlineExtension(command, state);
      case 'AmendCommitment': return amendCommitment(command, state);
      case 'ClaimFulfillment': return claimFulfillment(command, state);
      case 'VerifyFulfillment': return verifyFulfillment(command, state);
      case 'CancelCommitment': return cancelCommitment(command, state);
      case 'RecordDeadlineMissed': return recordDeadlineMissed(command, state);
      default:
        command satisfies never;
        return [];
    }
  },
};

