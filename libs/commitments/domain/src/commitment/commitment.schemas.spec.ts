import { describe, expect, it } from '@jest/globals';
import { type RecordedEvent, verifyStreamChain } from '@council/platform/event-sourcing';
import { readFileSync } from 'node:fs';
import { command, province } from '../testing.js';
import type { ReportProgress } from './commitment.commands.js';
import { commitmentDecider } from './commitment.decide.js';
import type { CommitmentEvent } from './commitment.events.js';
import { commitmentSchemas } from './commitment.schemas.js';

/** Events exactly as the 2023 pilot stored them (schema version 1). */
const stored: RecordedEvent[] = JSON.parse(readFileSync(new URL('./fixtures/pilot-v1.events.json', import.meta.url), 'utf8'), (key, value) =>
  ['revision', 'position'].includes(key) ? BigInt(value) : value,
);

describe('events stored at schema version 1', () => {
  const current = stored.map(commitmentSchemas.upcast);

  it('are read in the current shape, with nothing lost', () => {
    expect(current[0]?.data).toEqual({
      commitmentId: 'pilot-qL13',
      committer: '70',
      counterparties: ['74'],
      track: 'transport',
      title: 'Giải phóng mặt bằng Quốc lộ 13 đoạn qua Chơn Thành',
      description: 'Thí điểm năm 2023.',
      responsible: { agency: 'Sở Giao thông Vận tải Bình Phước', person: 'Giám đốc Sở' },
      indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', baseline: 0, target: 18 },
      deadline: '2024-12-31',
      budget: { amountVnd: '950000000000', source: 'other' },
      proposedOn: '2023-09-05',
    });
    expect(current[3]?.data).toEqual({ commitmentId: 'pilot-qL13', value: 6.5, disbursedVnd: '310000000000', reportedFor: '2023-12-31' });
    expect(current.map((e) => e.metadata.schemaVersion)).toEqual([2, 1, 1, 2]);
  });

  it('keep verifying against their hash chain: upcasting never rewrites what was recorded', () => {
    expect(verifyStreamChain(stored)).toBeNull();
    expect(verifyStreamChain(current)).toMatchObject({ revision: 0n });
  });

  it('replay into a commitment that takes new commands', () => {
    const state = current.reduce((s, e) => commitmentDecider.evolve(s, e as unknown as CommitmentEvent), commitmentDecider.initialState());
    expect(state).toMatchObject({ status: 'active', committer: '70', counterparties: ['74'], target: 18, budgetVnd: '950000000000' });
    const next = commitmentDecider.decide(command<ReportProgress>('ReportProgress', { value: 11, reportedFor: '2024-03-31' }, province('70'), '2024-04-02'), state);
    expect(next).toEqual([expect.objectContaining({ type: 'ProgressReported', data: { commitmentId: 'pilot-qL13', value: 11, reportedFor: '2024-03-31' } })]);
  });

  it('leave events already current untouched', () => {
    expect(commitmentSchemas.upcast(current[0]!)).toBe(current[0]);
  });
});
