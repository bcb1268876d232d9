import { describe, expect, it } from '@jest/globals';
import type { CommitmentView } from '@council/commitments/read-models';
import { emptyRegion } from '@council/region/domain';
import { disbursements, iatiActivity, ocdsRelease } from './open-data-shapes.js';

const report = (reportedFor: string, value: number, disbursedVnd?: string) => ({ reportedFor, recordedAt: `${reportedFor}T09:00:00.000Z`, value, ...(disbursedVnd && { disbursedVnd }) });
const view = {
  id: 'c-1', track: 'transport', title: 'Bàn giao mặt bằng', description: 'Mô tả', committer: '74', counterparties: [{ code: '79' }],
  responsible: { agency: 'Sở Xây dựng', person: 'Phó Giám đốc' }, status: 'active', proposedOn: '2024-01-10', activatedOn: '2024-01-20',
  originalDeadline: '2024-12-31', deadline: '2025-06-30',
  indicator: { name: 'km bàn giao', unit: 'km', baseline: 0, originalTarget: 47, target: 47, actual: 20 },
  originalBudget: { amountVnd: '9007199254740993000', source: 'provincial' }, budgetVnd: '9007199254740993000', disbursedVnd: '3000',
  reports: [report('2024-03-31', 5, '1000'), report('2024-06-30', 12), report('2024-09-30', 20, '3000')],
  disputes: 0, disputed: false, missedDeadlines: [], revision: 4n, position: 99n,
} as unknown as CommitmentView;

describe('open-data shapes of a commitment', () => {
  it('turn the reported running totals of disbursement into one transaction per increase', () => {
    expect(disbursements(view)).toEqual([{ date: '2024-03-31', amountVnd: '1000' }, { date: '2024-09-30', amountVnd: '2000' }]);
  });

  it('write VND amounts past 2^53 with every digit', () => {
    const iati = JSON.stringify(iatiActivity(view, emptyRegion()));
    const ocds = JSON.stringify(ocdsRelease(view, emptyRegion(), '2025-01-01'));
    expect(iati).toContain('"amount":9007199254740993000');
    expect(ocds).toContain('"amount":9007199254740993000');
  });

  it('map the lifecycle and the dates onto IATI codes, and the promise onto an OCDS milestone', () => {
    expect(iatiActivity(view, emptyRegion())).toMatchObject({
      'activity-status': { code: '2' },
      'activity-date': [{ type: '1', 'iso-date': '2024-01-10' }, { type: '2', 'iso-date': '2024-01-20' }, { type: '3', 'iso-date': '2025-06-30' }],
      result: [{ indicator: [{ baseline: { value: 0 }, period: [{ target: { value: 47 }, actual: { value: 20 } }] }] }],
    });
    expect(ocdsRelease(view, emptyRegion(), '2025-07-01')).toMatchObject({
      ocid: 'ocds-serc-c-1',
      contracts: [{ status: 'active', milestones: [{ dueDate: '2025-06-30', status: 'notMet' }], implementation: { milestones: [{}, {}, {}] } }],
    });
  });
});
