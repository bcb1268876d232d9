import { describe, it } from '@jest/globals';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '@council/platform/event-sourcing';
import { deciderSpec } from '@council/platform/testing';
import { command, COMMITMENT_ID, council, proposal, proposed, province } from '../testing.js';
import type * as C from './commitment.commands.js';
import { commitmentDecider } from './commitment.decide.js';
import type { CommitmentEvent } from './commitment.events.js';
import { IncompleteCommitmentError } from './five-points.js';

const spec = deciderSpec(commitmentDecider);
const id = COMMITMENT_ID;
const propose = (data: Partial<C.ProposeCommitment['data']> = {}, by = province('74'), day = '2024-01-10') =>
  command<C.ProposeCommitment>('ProposeCommitment', proposal(data), by, day);

const accepted79: CommitmentEvent = { type: 'CommitmentAccepted', data: { commitmentId: id, party: '79', actingProvince: '79' } };
const accepted75: CommitmentEvent = { type: 'CommitmentAccepted', data: { commitmentId: id, party: '75', actingProvince: '75' } };
const activated: CommitmentEvent = { type: 'CommitmentActivated', data: { commitmentId: id, activatedOn: '2024-01-20' } };
const active: CommitmentEvent[] = [proposed(), accepted79, accepted75, activated];
const claimed = (day: string): CommitmentEvent => ({ type: 'FulfillmentClaimed', data: { commitmentId: id, note: 'Đã bàn giao đủ 47 km', claimedOn: day } });

describe('proposing a commitment', () => {
  it('records the promise with its committer, counterparties, indicator, deadline and budget', () => {
    spec.given([]).when(propose()).then([proposed()]);
  });

  it('names every point of the five-point rule the proposal leaves open', () => {
    const empty = propose({ counterparties: [], title: ' ', deadline: undefined, responsible: { agency: '' }, indicator: { name: 'km bàn giao' } });
    spec.given([]).when(empty).thenThrows(
      IncompleteCommitmentError,
      'counterpartyProvinces: a commitment must be clear on who (rõ người), what (rõ việc), by when (rõ thời gian), who answers for it (rõ trách nhiệm), what result (rõ kết quả): missing counterpartyProvinces, title, deadline, responsible.agency, responsible.person, indicator.unit, indicator.target',
    );
  });

  it.each([
    ['who', { counterparties: [] }, 'counterpartyProvinces'],
    ['what', { title: '' }, 'title'],
    ['by when', { deadline: '' }, 'deadline'],
    ['who answers', { responsible: { agency: 'Sở GTVT', person: '' } }, 'responsible.person'],
    ['what result', { indicator: { name: 'km', unit: 'km', baseline: 0 } }, 'indicator.target'],
  ] as const)('is refused when it does not say %s', (_, change, field) => {
    spec.given([]).when(propose(change as Partial<C.ProposeCommitment['data']>)).thenThrows(IncompleteCommitmentError, new RegExp(`^${field.replace('.', '\\.')}: .*missing ${field.replace('.', '\\.')}$`));
  });

  it('is refused when a province promises to itself', () => {
    spec.given([]).when(propose({ counterparties: ['74'] })).thenThrows(ValidationError, 'counterpartyProvinces[0]: a province cannot make a commitment to itself');
  });

  it('is refused when a counterparty is not a member or partner on the day', () => {
    spec.given([]).when(propose({ counterparties: ['01'] })).thenThrows(ValidationError, 'counterpartyProvinces[0]: province 01 is not a member or partner of the region today');
    spec.given([]).when(propose({ counterparties: ['74'], deadline: '2026-06-30' }, province('75'), '2025-08-01')).thenThrows(ValidationError, 'province 74 is not a member or partner of the region today');
  });

  it('accepts a partner outside the region as counterparty', () => {
    spec.given([]).when(propose({ counterparties: ['80'] })).then([proposed({ counterparties: ['80'] })]);
  });

  it('is refused when the deadline is not after the day of the proposal', () => {
    spec.given([]).when(propose({ deadline: '2024-01-10' })).thenThrows(ValidationError, 'deadline: must be after the day of the proposal (2024-01-10)');
    spec.given([]).when(propose({ deadline: '2024-02-30' })).thenThrows(ValidationError, 'deadline: 2024-02-30 is not a calendar date');
  });

  it('is refused when the target does not differ from the baseline', () => {
    spec.given([]).when(propose({ indicator: { name: 'km', unit: 'km', baseline: 12, target: 12 } })).thenThrows(ValidationError, /^indicator\.target: must differ from the baseline/);
  });

  it.each([
    ['-5', 'must be a whole, non-negative number of đồng'],
    ['12.5', 'must be a whole, non-negative number of đồng'],
    ['0012', 'must be a whole, non-negative number of đồng'],
    ['1000000000000000001', 'must not exceed 10^18 đồng'],
  ])('is refused with a budget of %s đồng', (amountVnd, reason) => {
    spec.given([]).when(propose({ budget: { amountVnd, source: 'provincial' } })).thenThrows(ValidationError, `budget.amountVnd: ${reason}`);
  });

  it('keeps a budget of exactly 10^18 đồng exact', () => {
    const amountVnd = '1000000000000000000';
    spec.given([]).when(propose({ budget: { amountVnd, source: 'ppp' } })).then([proposed({ budget: { amountVnd, source: 'ppp' } })]);
  });

  it('is refused when a text is too long, the track unknown or the project unregistered', () => {
    spec.given([]).when(propose({ title: 'đ'.repeat(301) })).thenThrows(ValidationError, 'title: must be at most 300 characters');
    spec.given([]).when(propose({ track: 'tourism' })).thenThrows(ValidationError, 'track: must be one of transport, health, workforce');
    spec.given([]).when(propose({ projectId: 'cau-khong-co' })).thenThrows(ValidationError, 'projectId: no registered project cau-khong-co');
  });

  it('may be made only by a province, once', () => {
    spec.given([]).when(propose({}, council)).thenThrows(ForbiddenError, 'only a province may propose a commitment');
    spec.given([proposed()]).when(propose()).thenThrows(IllegalStateError, 'this commitment was already proposed');
  });
});

describe('accepting and declining', () => {
  const accept = (by: string, day = '2024-01-20') => command<C.AcceptCommitment>('AcceptCommitment', {}, province(by), day);

  it('activates the commitment when the last counterparty accepts', () => {
    spec.given([proposed()]).when(accept('79')).then([accepted79]);
    spec.given([proposed(), accepted79]).when(accept('75')).then([accepted75, activated]);
  });

  it('is refused to a province that is not a counterparty, or that accepted already', () => {
    spec.given([proposed()]).when(accept('77')).thenThrows(ForbiddenError, 'only a counterparty may accept a commitment');
    spec.given([proposed(), accepted79]).when(accept('79')).thenThrows(IllegalStateError, 'your province has already accepted this commitment');
  });

  it('lets the successor accept for a counterparty merged into it, from the merger on', () => {
    const older = proposed({ committer: '75', counterparties: ['74'], proposedOn: '2025-05-01', deadline: '2026-12-31' });
    spec.given([older]).when(accept('79', '2025-06-30')).thenThrows(ForbiddenError, 'only a counterparty may accept a commitment');
    spec.given([older]).when(accept('79', '2025-07-02')).then([
      { type: 'CommitmentAccepted', data: { commitmentId: id, party: '74', actingProvince: '79' } },
      { type: 'CommitmentActivated', data: { commitmentId: id, activatedOn: '2025-07-02' } },
    ]);
  });

  it('records a decline with its reason, after which the commitment cannot be accepted', () => {
    const declined: CommitmentEvent = { type: 'CommitmentDeclined', data: { commitmentId: id, party: '75', actingProvince: '75', reason: 'Chưa bố trí được vốn đối ứng' } };
    spec.given([proposed()]).when(command<C.DeclineCommitment>('DeclineCommitment', { reason: 'Chưa bố trí được vốn đối ứng' }, province('75'), '2024-01-15')).then([declined]);
    spec.given([proposed(), declined]).when(accept('79')).thenThrows(IllegalStateError, 'cannot accept a commitment that is declined');
  });
});

describe('withdrawing', () => {
  const withdraw = (by: string) => command<C.WithdrawCommitment>('WithdrawCommitment', { reason: 'Điều chỉnh phạm vi dự án' }, province(by), '2024-01-12');

  it('is the committer’s, while the commitment is proposed', () => {
    spec.given([proposed()]).when(withdraw('74')).then([{ type: 'CommitmentWithdrawn', data: { commitmentId: id, reason: 'Điều chỉnh phạm vi dự án' } }]);
    spec.given([proposed()]).when(withdraw('79')).thenThrows(ForbiddenError, 'only the committer (province 74) may do this');
    spec.given(active).when(withdraw('74')).thenThrows(IllegalStateError, 'cannot withdraw a commitment that is active');
  });
});

describe('reporting progress', () => {
  const report = (data: Partial<C.ReportProgress['data']> = {}, by = '74', day = '2024-03-05') =>
    command<C.ReportProgress>('ReportProgress', { value: 12.5, reportedFor: '2024-03-01', disbursedVnd: '800000000000', note: 'Đã bàn giao 12,5 km', ...data }, province(by), day);

  it('records the value as of the day it was true on the ground', () => {
    spec.given(active).when(report()).then([
      {
        type: 'ProgressReported',
        data: { commitmentId: id, value: 12.5, reportedFor: '2024-03-01', disbursedVnd: '800000000000', note: 'Đã bàn giao 12,5 km' },
        metadata: { effectiveAt: '2024-03-01T00:00:00.000+07:00' },
      },
    ]);
  });

  it('is refused before activation, for a future day, with a non-http evidence link or a negative amount', () => {
    spec.given([proposed()]).when(report()).thenThrows(IllegalStateError, 'cannot report progress on a commitment that is proposed');
    spec.given(active).when(report({ reportedFor: '2024-03-06' })).thenThrows(ValidationError, 'reportedFor: must not be in the future');
    spec.given(active).when(report({ evidenceUrl: 'javascript:alert(1)' })).thenThrows(ValidationError, 'evidenceUrl: must be an http(s) link');
    spec.given(active).when(report({ disbursedVnd: '-1' })).thenThrows(ValidationError, /^disbursedVnd: must be a whole, non-negative number/);
  });

  it('is the committer’s, or its successor’s after a merger', () => {
    spec.given(active).when(report({}, '79')).thenThrows(ForbiddenError, 'only the committer (province 74) may do this');
    spec.given(active).when(report({ reportedFor: '2025-07-15' }, '79', '2025-07-20')).then([
      {
        type: 'ProgressReported',
        data: { commitmentId: id, value: 12.5, reportedFor: '2025-07-15', disbursedVnd: '800000000000', note: 'Đã bàn giao 12,5 km' },
        metadata: { effectiveAt: '2025-07-15T00:00:00.000+07:00' },
      },
    ]);
  });
});

describe('extending the deadline', () => {
  const requested: CommitmentEvent = { type: 'DeadlineExtensionRequested', data: { commitmentId: id, currentDeadline: '2024-06-30', newDeadline: '2024-12-31', reason: 'Vướng giải phóng mặt bằng 3 hộ dân' } };
  const request = (newDeadline = '2024-12-31') => command<C.RequestDeadlineExtension>('RequestDeadlineExtension', { newDeadline, reason: 'Vướng giải phóng mặt bằng 3 hộ dân' }, province('74'), '2024-05-01');
  const decide = (approve: boolean, by = council) => command<C.DecideDeadlineExtension>('DecideDeadlineExtension', { approve, note: 'Hội đồng đồng ý' }, by, '2024-05-10');

  it('is requested by the committer for a later date, one request at a time', () => {
    spec.given(active).when(request()).then([requested]);
    spec.given(active).when(request('2024-06-30')).thenThrows(ValidationError, 'newDeadline: must be after the current deadline (2024-06-30)');
    spec.given([...active, requested]).when(request('2025-03-31')).thenThrows(IllegalStateError, 'an extension to 2024-12-31 is already awaiting the council\'s decision');
  });

  it('is approved or rejected by the council only, and only when one is awaiting', () => {
    spec.given([...active, requested]).when(decide(true)).then([
      { type: 'DeadlineExtensionApproved', data: { commitmentId: id, previousDeadline: '2024-06-30', newDeadline: '2024-12-31', note: 'Hội đồng đồng ý' } },
    ]);
    spec.given([...active, requested]).when(decide(false)).then([
      { type: 'DeadlineExtensionRejected', data: { commitmentId: id, requestedDeadline: '2024-12-31', note: 'Hội đồng đồng ý' } },
    ]);
    spec.given([...active, requested]).when(decide(true, province('74'))).thenThrows(ForbiddenError, 'only the council decides deadline extensions');
    spec.given(active).when(decide(true)).thenThrows(IllegalStateError, 'no deadline extension is awaiting a decision');
  });
});

describe('amending target or budget', () => {
  const amend = (data: Partial<C.AmendCommitment['data']>, by = council) => command<C.AmendCommitment>('AmendCommitment', { reason: 'Theo đề nghị của tỉnh Bình Dương', ...data }, by, '2024-04-01');

  it('records the change beside the original, which is never overwritten', () => {
    spec.given(active).when(amend({ target: 52, budgetVnd: '2700000000000' })).then([
      {
        type: 'CommitmentAmended',
        data: { commitmentId: id, target: { from: 47, to: 52 }, budgetVnd: { from: '2500000000000', to: '2700000000000' }, reason: 'Theo đề nghị của tỉnh Bình Dương' },
      },
    ]);
  });

  it('is the council’s, changes something, and keeps the target off the baseline', () => {
    spec.given(active).when(amend({ target: 52 }, province('74'))).thenThrows(ForbiddenError, /only the council amends/);
    spec.given(active).when(amend({})).thenThrows(ValidationError, 'target: an amendment changes the target, the budget or both');
    spec.given(active).when(amend({ target: 0 })).thenThrows(ValidationError, 'target: must differ from the baseline');
  });
});

describe('fulfilment', () => {
  const claim = (day: string, by = '74') => command<C.ClaimFulfillment>('ClaimFulfillment', { note: 'Đã bàn giao đủ 47 km' }, province(by), day);
  const verify = (accepted: boolean, by = province('79')) => command<C.VerifyFulfillment>('VerifyFulfillment', { accepted, note: 'Đã kiểm tra thực địa' }, by, '2024-07-10');

  it('is claimed by the committer while active', () => {
    spec.given(active).when(claim('2024-06-28')).then([claimed('2024-06-28')]);
    spec.given(active).when(claim('2024-06-28', '75')).thenThrows(ForbiddenError, 'only the committer (province 74) may do this');
  });

  it('is verified on time or late, counted from the claim', () => {
    spec.given([...active, claimed('2024-06-28')]).when(verify(true)).then([
      { type: 'FulfillmentVerified', data: { commitmentId: id, by: '79', note: 'Đã kiểm tra thực địa', onTime: true, daysLate: 0 } },
    ]);
    spec.given([...active, claimed('2024-07-05')]).when(verify(true, council)).then([
      { type: 'FulfillmentVerified', data: { commitmentId: id, by: 'council', note: 'Đã kiểm tra thực địa', onTime: false, daysLate: 5 } },
    ]);
  });

  it('goes back to active when disputed, and can be claimed again', () => {
    const disputed: CommitmentEvent = { type: 'FulfillmentDisputed', data: { commitmentId: id, by: '79', note: 'Đã kiểm tra thực địa' } };
    spec.given([...active, claimed('2024-06-28')]).when(verify(false)).then([disputed]);
    spec.given([...active, claimed('2024-06-28'), disputed]).when(claim('2024-07-15')).then([claimed('2024-07-15')]);
  });

  it('is never verified by the committer, even when after a merger its successor also answers for the counterparty', () => {
    const internal = [proposed({ committer: '77', counterparties: ['79'] }), accepted79, activated, claimed('2025-08-01')];
    spec.given(internal).when(command<C.VerifyFulfillment>('VerifyFulfillment', { accepted: true, note: 'ok' }, province('79'), '2025-08-05')).thenThrows(
      ForbiddenError,
      'the committer cannot verify its own promise: a counterparty or the council does',
    );
  });

  it('is verified only by a counterparty or the council, and only once claimed', () => {
    spec.given([...active, claimed('2024-06-28')]).when(verify(true, province('77'))).thenThrows(ForbiddenError, 'only a counterparty or the council verifies fulfilment');
    spec.given(active).when(verify(true)).thenThrows(IllegalStateError, 'cannot verify a commitment that is active');
  });
});

describe('cancelling', () => {
  const cancel = (by = council) => command<C.CancelCommitment>('CancelCommitment', { reason: 'Dự án dừng theo chủ trương mới' }, by, '2024-05-01');

  it('is the council’s, in any state that is not final', () => {
    spec.given(active).when(cancel()).then([{ type: 'CommitmentCancelled', data: { commitmentId: id, reason: 'Dự án dừng theo chủ trương mới' } }]);
    spec.given([proposed()]).when(cancel(province('74'))).thenThrows(ForbiddenError, 'only the council cancels a commitment');
    const fulfilled: CommitmentEvent = { type: 'FulfillmentVerified', data: { commitmentId: id, by: '79', note: 'ok', onTime: true, daysLate: 0 } };
    spec.given([...active, claimed('2024-06-28'), fulfilled]).when(cancel()).thenThrows(IllegalStateError, 'cannot cancel a commitment that is fulfilled');
  });

  it('cannot touch a commitment that does not exist', () => {
    spec.given([]).when(cancel()).thenThrows(NotFoundError, 'no such commitment');
  });
});

describe('a deadline passing', () => {
  const watch = (day: string) => command<C.RecordDeadlineMissed>('RecordDeadlineMissed', {}, { subject: 'deadline-watcher', roles: ['system'] }, day);
  const missed: CommitmentEvent = { type: 'DeadlineMissed', data: { commitmentId: id, deadline: '2024-06-30' } };

  it('is recorded once, the day after the deadline, while the promise is open', () => {
    spec.given(active).when(watch('2024-06-30')).then([]);
    spec.given(active).when(watch('2024-07-01')).then([missed]);
    spec.given([...active, missed]).when(watch('2024-07-02')).then([]);
    spec.given([...active, claimed('2024-06-28')]).when(watch('2024-07-01')).then([]);
  });

  it('is recorded again for a new deadline granted by an extension that is missed too', () => {
    const extended: CommitmentEvent[] = [
      { type: 'DeadlineExtensionRequested', data: { commitmentId: id, currentDeadline: '2024-06-30', newDeadline: '2024-09-30', reason: 'x' } },
      { type: 'DeadlineExtensionApproved', data: { commitmentId: id, previousDeadline: '2024-06-30', newDeadline: '2024-09-30', note: 'y' } },
    ];
    spec.given([...active, missed, ...extended]).when(watch('2024-10-01')).then([{ type: 'DeadlineMissed', data: { commitmentId: id, deadline: '2024-09-30' } }]);
  });
});
