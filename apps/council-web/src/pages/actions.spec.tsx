/** @jest-environment jsdom */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen } from '@testing-library/react';
import type { Commitment } from '../api.js';
import { AUDITOR, COUNCIL, fakeApi, Harness, official } from '../testing.js';
import { allowedActions, CommitmentActions } from './actions.js';

const commitment = (change: Partial<Commitment> = {}): Commitment => ({
  id: 'c-1',
  revision: 1,
  track: 'TRANSPORT',
  title: 'Bàn giao mặt bằng',
  titleEn: null,
  description: '',
  status: 'PROPOSED',
  schedule: 'IN_TERM',
  evidence: 'NO_REPORT',
  projectId: null,
  deadline: '2027-06-30',
  originalDeadline: '2027-06-30',
  lastReportedAt: null,
  budgetVnd: null,
  originalBudgetVnd: null,
  disbursedVnd: null,
  budgetSource: null,
  committer: { code: '79', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City' },
  counterparties: [{ code: '75', name: 'Tỉnh Đồng Nai', nameEn: 'Dong Nai', accepted: false, acceptedOn: null }],
  responsible: { agency: 'Sở Xây dựng', person: 'Phó Giám đốc' },
  indicator: { name: 'km', unit: 'km', baseline: 0, target: 10, originalTarget: 10, actual: null, progress: null },
  pendingExtension: null,
  sourceDocument: null,
  history: [],
  ...change,
});

const keys = (c: Commitment, me: Parameters<typeof allowedActions>[1]) => allowedActions(c, me).map((a) => a.key);

describe('what each caller may do to a commitment', () => {
  it('lets the counterparty accept or decline a proposal, and the committer withdraw it', () => {
    expect(keys(commitment(), official('75'))).toEqual(['accept', 'decline']);
    expect(keys(commitment(), official('79'))).toEqual(['withdraw']);
    expect(keys(commitment(), official('80'))).toEqual([]);
  });

  it('lets a successor act for a province merged into it', () => {
    const received = commitment({ counterparties: [{ code: '74', name: 'Tỉnh Bình Dương', nameEn: 'Binh Duong', answeredForBy: '79', accepted: false, acceptedOn: null }], committer: { code: '75', name: 'Đồng Nai', nameEn: 'Dong Nai' } });
    expect(keys(received, official('79'))).toEqual(['accept', 'decline']);
  });

  it('lets the committer report, request an extension and claim while active; the council decides the extension', () => {
    const active = commitment({ status: 'ACTIVE' });
    expect(keys(active, official('79'))).toEqual(['report', 'extend', 'claim']);
    const extending = commitment({ status: 'ACTIVE', pendingExtension: { newDeadline: '2027-12-31', reason: 'mưa' } });
    expect(keys(extending, official('79'))).toEqual(['report', 'claim']);
    expect(keys(extending, COUNCIL)).toEqual(['approve', 'reject', 'cancel']);
  });

  it('lets a counterparty or the council verify a claim, never the committer', () => {
    const claimed = commitment({ status: 'FULFILLMENT_CLAIMED' });
    expect(keys(claimed, official('75'))).toEqual(['verify', 'dispute']);
    expect(keys(claimed, COUNCIL)).toEqual(['verify', 'dispute', 'cancel']);
    expect(keys(claimed, official('79'))).toEqual([]);
  });

  it('gives an auditor nothing to do, and nobody anything on a final commitment', () => {
    expect(keys(commitment({ status: 'ACTIVE' }), AUDITOR)).toEqual([]);
    expect(keys(commitment({ status: 'FULFILLED' }), COUNCIL)).toEqual([]);
  });
});

afterEach(cleanup);

describe('the actions panel', () => {
  it('shows the counterparty only the buttons it may press', () => {
    render(
      <Harness api={fakeApi({})} me={official('75')}>
        <CommitmentActions commitment={commitment()} onChanged={() => undefined} />
      </Harness>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Chấp nhận', 'Từ chối']);
  });

  it('hides every action from an auditor, in English too', () => {
    render(
      <Harness api={fakeApi({})} me={AUDITOR} locale="en">
        <CommitmentActions commitment={commitment({ status: 'ACTIVE' })} onChanged={() => undefined} />
      </Harness>,
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('You have no action on this commitment in its current state.')).toBeTruthy();
  });
});
