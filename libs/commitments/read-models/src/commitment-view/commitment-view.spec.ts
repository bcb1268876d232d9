import { describe, expect, it } from '@jest/globals';
import type { CommitmentEvent } from '@council/commitments/domain';
import { type CommitmentView, evolveCommitmentView, type ViewEvent } from './commitment-view.js';
import { evidenceStatus, progressOf, scheduleStatus } from './statuses.js';

const id = 'c-1';
let position = 100n;
/** Recorded events of one stream, with revisions, positions and the day each became true. */
function recorded(events: (CommitmentEvent & { on?: string })[]): ViewEvent[] {
  return events.map(({ on, ...e }, i) => ({
    ...e,
    revision: BigInt(i),
    position: (position += 3n),
    metadata: { recordedAt: `${on ?? '2024-01-10'}T03:00:00.000Z`, effectiveAt: `${on ?? '2024-01-10'}T00:00:00.000+07:00` },
  }));
}
const fold = (events: ViewEvent[]) => events.reduce<CommitmentView | null>(evolveCommitmentView, null);

const proposed: CommitmentEvent = {
  type: 'CommitmentProposed',
  data: {
    commitmentId: id, committer: '74', counterparties: ['79'], track: 'transport', title: 'Bàn giao mặt bằng Vành đai 3', description: '',
    responsible: { agency: 'Sở GTVT Bình Dương', person: 'Phó Giám đốc' }, indicator: { name: 'Mặt bằng', unit: 'km', baseline: 0, target: 40 },
    deadline: '2024-12-31', budget: { amountVnd: '2500000000000', source: 'provincial' }, proposedOn: '2024-01-10',
  },
};
const activeFrom = (on: string): (CommitmentEvent & { on?: string })[] => [
  proposed,
  { type: 'CommitmentAccepted', data: { commitmentId: id, party: '79', actingProvince: '79' }, on },
  { type: 'CommitmentActivated', data: { commitmentId: id, activatedOn: on }, on },
];
const report = (value: number, reportedFor: string, extra: object = {}): CommitmentEvent & { on: string } => ({
  type: 'ProgressReported', data: { commitmentId: id, value, reportedFor, ...extra }, on: reportedFor,
});

describe('the commitment view', () => {
  it('shows the promise as made beside the promise as it stands after an extension and an amendment', () => {
    const view = fold(recorded([
      ...activeFrom('2024-01-20'),
      { type: 'DeadlineExtensionRequested', data: { commitmentId: id, currentDeadline: '2024-12-31', newDeadline: '2025-06-30', reason: 'x' } },
      { type: 'DeadlineExtensionApproved', data: { commitmentId: id, previousDeadline: '2024-12-31', newDeadline: '2025-06-30', note: 'y' } },
      { type: 'CommitmentAmended', data: { commitmentId: id, target: { from: 40, to: 47 }, budgetVnd: { from: '2500000000000', to: '2700000000000' }, reason: 'z' } },
    ]))!;
    expect(view).toMatchObject({ status: 'active', originalDeadline: '2024-12-31', deadline: '2025-06-30', budgetVnd: '2700000000000', originalBudget: { amountVnd: '2500000000000' } });
    expect(view.indicator).toEqual({ name: 'Mặt bằng', unit: 'km', baseline: 0, originalTarget: 40, target: 47, actual: null });
    expect(view.counterparties).toEqual([{ code: '79', acceptedOn: '2024-01-20', actingProvince: '79' }]);
    expect(view.pendingExtension).toBeUndefined();
  });

  it('dates an acceptance by the day in Việt Nam, also when it was recorded late in the UTC evening', () => {
    const [p, accepted] = recorded(activeFrom('2024-01-20'));
    const late = { ...accepted!, metadata: { recordedAt: '2024-01-20T18:30:00.000Z', effectiveAt: '2024-01-20T18:30:00.000Z' } };
    expect(fold([p!, late])!.counterparties).toEqual([{ code: '79', acceptedOn: '2024-01-21', actingProvince: '79' }]);
  });

  it('takes the latest report by the day it was true on the ground, whatever order they were recorded in', () => {
    const view = fold(recorded([...activeFrom('2024-01-20'), report(20, '2024-06-30', { disbursedVnd: '900000000000' }), report(12, '2024-03-31', { disbursedVnd: '500000000000' })]))!;
    expect(view.indicator.actual).toBe(20);
    expect(view.disbursedVnd).toBe('900000000000');
    expect(view.reports.map((r) => r.reportedFor)).toEqual(['2024-03-31', '2024-06-30']);
    expect(progressOf(view)).toBe(0.5);
  });

  it('is the same when every event is delivered twice', () => {
    const events = recorded([...activeFrom('2024-01-20'), report(12, '2024-03-31'), { type: 'DeadlineMissed', data: { commitmentId: id, deadline: '2024-12-31' } }]);
    expect(events.flatMap((e) => [e, e]).reduce<CommitmentView | null>(evolveCommitmentView, null)).toEqual(fold(events));
  });

  it('ignores events before the proposal and event types it does not know', () => {
    const events = recorded([report(1, '2024-01-01'), proposed, { type: 'SomethingNew', data: {} } as unknown as CommitmentEvent]);
    expect(fold(events)).toMatchObject({ status: 'proposed', revision: 2n, indicator: { actual: null } });
  });
});

describe('the schedule status', () => {
  const active = fold(recorded([...activeFrom('2024-01-01')]))!;

  it('is in term, then due soon within 30 days, then overdue after the deadline day', () => {
    const onTrack = fold(recorded([...activeFrom('2024-01-01'), report(38, '2024-11-30')]))!;
    expect(scheduleStatus(active, '2024-06-01')).toBe('IN_TERM');
    expect(scheduleStatus(onTrack, '2024-12-01')).toBe('DUE_SOON');
    expect(scheduleStatus(onTrack, '2024-12-31')).toBe('DUE_SOON');
    expect(scheduleStatus(onTrack, '2025-01-01')).toBe('OVERDUE');
  });

  it('is at risk in the last quarter of the time when progress lags the straight line by more than 15 points', () => {
    const lagging = fold(recorded([...activeFrom('2024-01-01'), report(10, '2024-10-01')]))!;
    const onTrack = fold(recorded([...activeFrom('2024-01-01'), report(32, '2024-10-01')]))!;
    expect(scheduleStatus(lagging, '2024-09-01')).toBe('IN_TERM');
    expect(scheduleStatus(lagging, '2024-10-15')).toBe('AT_RISK');
    expect(scheduleStatus(onTrack, '2024-10-15')).toBe('IN_TERM');
    expect(scheduleStatus(active, '2024-10-15')).toBe('AT_RISK');
  });

  it('is done on time or late once verified, and closed once declined, withdrawn or cancelled', () => {
    const done = (onTime: boolean) =>
      fold(recorded([
        ...activeFrom('2024-01-01'),
        { type: 'FulfillmentClaimed', data: { commitmentId: id, note: 'xong', claimedOn: '2024-12-20' } },
        { type: 'FulfillmentVerified', data: { commitmentId: id, by: '79', note: 'ok', onTime, daysLate: onTime ? 0 : 3 } },
      ]))!;
    expect(scheduleStatus(done(true), '2025-06-01')).toBe('DONE_ON_TIME');
    expect(scheduleStatus(done(false), '2025-06-01')).toBe('DONE_LATE');
    const cancelled = fold(recorded([...activeFrom('2024-01-01'), { type: 'CommitmentCancelled', data: { commitmentId: id, reason: 'x' } }]))!;
    expect(scheduleStatus(cancelled, '2025-06-01')).toBe('CLOSED');
  });
});

describe('the evidence status', () => {
  it('says no report rather than zero progress, then reported, evidenced, confirmed or disputed', () => {
    const base = [...activeFrom('2024-01-01')];
    expect(evidenceStatus(fold(recorded(base))!)).toBe('NO_REPORT');
    expect(progressOf(fold(recorded(base))!)).toBeNull();
    expect(evidenceStatus(fold(recorded([...base, report(5, '2024-02-01')]))!)).toBe('REPORTED');
    expect(evidenceStatus(fold(recorded([...base, report(5, '2024-02-01', { evidenceUrl: 'https://sgtvt.binhduong.gov.vn/bb-12.pdf' })]))!)).toBe('EVIDENCED');
    const claimed: CommitmentEvent = { type: 'FulfillmentClaimed', data: { commitmentId: id, note: 'xong', claimedOn: '2024-12-20' } };
    expect(evidenceStatus(fold(recorded([...base, claimed, { type: 'FulfillmentDisputed', data: { commitmentId: id, by: '79', note: 'chưa đủ' } }]))!)).toBe('DISPUTED');
    expect(evidenceStatus(fold(recorded([...base, claimed, { type: 'FulfillmentVerified', data: { commitmentId: id, by: '79', note: 'ok', onTime: true, daysLate: 0 } }]))!)).toBe('CONFIRMED');
  });
});
