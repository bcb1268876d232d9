import { describe, expect, it } from '@jest/globals';
import { regionFrom, SOUTHEAST_REGION } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import type { DashboardOptions } from './judged-commitment.js';
import { provinceScorecard } from './province-scorecard.js';
import { regionOverview } from './region-overview.js';
import { trackDashboard } from './track-dashboard.js';

// The real reference data: 74 and 77 merge into 79, 70 into 75, 72 into 80 on 2025-07-01.
const { region } = regionFrom(SOUTHEAST_REGION, { subject: 'spec', roles: ['council'] });
const TODAY = '2025-07-15';
const ARE: DashboardOptions = { provinces: 'as-they-are' };
const WERE: DashboardOptions = { provinces: 'as-they-were' };
const T = 1_000_000_000_000n; // nghìn tỷ đồng

function view(id: string, committer: string, to: string[], changes: Partial<CommitmentView> & { unit?: string; target?: number; originalTarget?: number; actual?: number; reportedFor?: string } = {}): CommitmentView {
  const { unit = 'km', target = 10, originalTarget = target, actual, reportedFor = '2025-06-30', ...rest } = changes;
  return {
    id, track: 'transport', title: id, description: '', committer,
    counterparties: to.map((code) => ({ code, acceptedOn: '2024-01-10' })),
    responsible: { agency: 'Sở', person: 'Phó Giám đốc' },
    status: 'active', proposedOn: '2024-01-02', activatedOn: '2024-01-10', originalDeadline: '2025-12-31', deadline: '2025-12-31',
    indicator: { name: id, unit, baseline: 0, originalTarget, target, actual: actual ?? null },
    budgetVnd: null, disbursedVnd: null,
    reports: actual === undefined ? [] : [{ reportedFor, recordedAt: `${reportedFor}T09:00:00.000Z`, value: actual }],
    disputes: 0, disputed: false, missedDeadlines: [], revision: 3n, position: 10n,
    ...rest,
  };
}
const fulfilled = (onTime: boolean, daysLate: number) => ({ status: 'fulfilled' as const, fulfilment: { by: '75', onTime, daysLate, verifiedAt: '2024-12-20T07:00:00.000Z' } });

/**
 * Eight commitments, hand-checked on 2025-07-15 (two weeks after the mergers):
 * 1 vd3: 74→79, in term (target amended 40→47, 32 reported), 2.5T budget, 1.2T disbursed
 * 2 ql13: 70→79,74, due in 26 days (7 of 8 interchanges), 0.8T budget, no disbursement report
 * 3 cao-toc: 79→75, fulfilled on time, 12 of 12 km, 0.6T disbursed in full
 * 4 cang: 77→75, fulfilled 46 days late, 5 berths but nothing ever reported, no budget
 * 5 duong-sat: 79→74, overdue by 45 days, nothing reported, 0.15T budget
 * 6 quy: 72→79, cancelled after it took effect, 1T budget
 * 7 tan-van: 75→74, still proposed
 * 8 benh-vien: 74→79, health, in term, last report for 2025-03-31, 4.85T budget, 3.38T disbursed
 */
const VIEWS: CommitmentView[] = [
  view('1-vd3', '74', ['79'], { originalTarget: 40, target: 47, actual: 32, budgetVnd: `${25n * T / 10n}`, disbursedVnd: `${12n * T / 10n}` }),
  view('2-ql13', '70', ['79', '74'], { unit: 'nút giao', target: 8, actual: 7, reportedFor: '2025-05-31', activatedOn: '2024-03-01', deadline: '2025-08-10', originalDeadline: '2025-08-10', budgetVnd: `${8n * T / 10n}` }),
  view('3-cao-toc', '79', ['75'], { target: 12, actual: 12, reportedFor: '2024-12-15', deadline: '2024-12-31', budgetVnd: `${6n * T / 10n}`, disbursedVnd: `${6n * T / 10n}`, ...fulfilled(true, 0) }),
  view('4-cang', '77', ['75'], { unit: 'bến', target: 5, deadline: '2024-09-30', ...fulfilled(false, 46) }),
  view('5-duong-sat', '79', ['74'], { target: 20, deadline: '2025-05-31', missedDeadlines: ['2025-05-31'], budgetVnd: `${15n * T / 100n}` }),
  view('6-quy', '72', ['79'], { status: 'cancelled', budgetVnd: `${T}` }),
  view('7-tan-van', '75', ['74'], { status: 'proposed', activatedOn: undefined, deadline: '2026-06-30' }),
  view('8-benh-vien', '74', ['79'], { track: 'health', unit: 'giường', target: 1500, actual: 350, reportedFor: '2025-03-31', activatedOn: '2024-02-19', deadline: '2027-06-30', budgetVnd: `${485n * T / 100n}`, disbursedVnd: `${338n * T / 100n}` }),
];

const zeros = { IN_TERM: 0, DUE_SOON: 0, AT_RISK: 0, OVERDUE: 0, DONE_ON_TIME: 0, DONE_LATE: 0, CLOSED: 0 };

describe('the transport dashboard on 2025-07-15', () => {
  const dashboard = trackDashboard(VIEWS, 'transport', TODAY, region, ARE);

  it('counts every commitment of the track once by lifecycle and once by schedule', () => {
    expect(dashboard.total).toBe(7);
    expect(dashboard.byStatus).toEqual({ proposed: 1, active: 3, declined: 0, withdrawn: 0, fulfillment_claimed: 0, fulfilled: 2, cancelled: 1 });
    expect(dashboard.bySchedule).toEqual({ ...zeros, IN_TERM: 2, DUE_SOON: 1, OVERDUE: 1, DONE_ON_TIME: 1, DONE_LATE: 1, CLOSED: 1 });
    expect(dashboard.onTimeRate).toBe(0.5);
  });

  it('sums targets and actuals per unit over reported promises only, and counts the unreported apart', () => {
    expect(dashboard.indicators).toEqual([
      { unit: 'bến', commitments: 1, reported: 0, noReport: 1, baseline: null, originalTarget: null, target: null, actual: null },
      { unit: 'km', commitments: 3, reported: 2, noReport: 1, baseline: 0, originalTarget: 52, target: 59, actual: 44 },
      { unit: 'nút giao', commitments: 1, reported: 1, noReport: 0, baseline: 0, originalTarget: 8, target: 8, actual: 7 },
    ]);
  });

  it('sums budgets and disbursements exactly, leaving out the cancelled promise', () => {
    expect(dashboard.budget).toEqual({ commitments: 4, budgetVnd: '4050000000000', disbursedVnd: '1800000000000', noDisbursementReport: 2, disbursementRate: 0.444444 });
  });

  it('breaks down by province as they are: the 74→79 promise is internal to 79 and 70→79,74 is received by 79 once', () => {
    expect(dashboard.byProvince).toEqual([
      { province: '75', made: 1, received: 2, active: 1, overdue: 0, fulfilled: 0 },
      { province: '79', made: 4, received: 4, active: 2, overdue: 1, fulfilled: 2 },
      { province: '80', made: 1, received: 0, active: 0, overdue: 0, fulfilled: 0 },
    ]);
  });

  it('breaks down by province as they were, with each commitment between its original parties', () => {
    expect(trackDashboard(VIEWS, 'transport', TODAY, region, WERE).byProvince).toEqual([
      { province: '70', made: 1, received: 0, active: 1, overdue: 0, fulfilled: 0 },
      { province: '72', made: 1, received: 0, active: 0, overdue: 0, fulfilled: 0 },
      { province: '74', made: 1, received: 2, active: 1, overdue: 0, fulfilled: 0 },
      { province: '75', made: 0, received: 2, active: 0, overdue: 0, fulfilled: 0 },
      { province: '77', made: 1, received: 0, active: 0, overdue: 0, fulfilled: 1 },
      { province: '79', made: 2, received: 3, active: 1, overdue: 1, fulfilled: 1 },
    ]);
  });

  it('lists open commitments due within 30 days, not those overdue or further off', () => {
    expect(dashboard.upcomingDeadlines).toEqual([{ id: '2-ql13', title: '2-ql13', committer: '75', deadline: '2025-08-10', daysLeft: 26, schedule: 'DUE_SOON' }]);
  });
});

describe('the scorecard of Hồ Chí Minh City on 2025-07-15', () => {
  it('as the provinces are, takes in what Bình Dương and Bà Rịa – Vũng Tàu promised', () => {
    expect(provinceScorecard(VIEWS, '79', TODAY, region, ARE)).toEqual({
      province: '79', today: TODAY, provinces: 'as-they-are',
      made: 5, received: 5, internal: 3,
      fulfilledOnTime: 1, fulfilledLate: 1, inTerm: 2, dueSoon: 0, atRisk: 0, overdue: 1, cancelled: 0,
      fulfilmentRate: 2 / 3, averageDelayDays: 46,
      budget: { commitments: 4, budgetVnd: '8100000000000', disbursedVnd: '5180000000000', noDisbursementReport: 1, disbursementRate: 0.639506 },
      noReportSince: { since: '2025-03-31', days: 106, commitment: { id: '8-benh-vien', title: '8-benh-vien', track: 'health', deadline: '2027-06-30' } },
      neverReported: [{ id: '5-duong-sat', title: '5-duong-sat', track: 'transport', deadline: '2025-05-31' }],
    });
  });

  it('as the provinces were, counts only what the city itself promised and received', () => {
    expect(provinceScorecard(VIEWS, '79', TODAY, region, WERE)).toMatchObject({
      made: 2, received: 4, internal: 0, fulfilledOnTime: 1, fulfilledLate: 0, inTerm: 0, overdue: 1,
      fulfilmentRate: 0.5, averageDelayDays: null,
      budget: { commitments: 2, budgetVnd: '750000000000', disbursedVnd: '600000000000', disbursementRate: 0.8 },
      noReportSince: null, neverReported: [{ id: '5-duong-sat' }],
    });
  });

  it('answers for a merged province with its successor when asked as the provinces are', () => {
    expect(provinceScorecard(VIEWS, '74', TODAY, region, ARE)).toEqual(provinceScorecard(VIEWS, '79', TODAY, region, ARE));
  });

  it('gives no fulfilment rate while nothing is due, rather than 0 %', () => {
    expect(provinceScorecard(VIEWS, '74', TODAY, region, WERE)).toMatchObject({
      made: 2, received: 2, inTerm: 2, fulfilmentRate: null, averageDelayDays: null,
      budget: { budgetVnd: '7350000000000', disbursedVnd: '4580000000000', disbursementRate: 0.623129 },
      noReportSince: { since: '2025-03-31', commitment: { id: '8-benh-vien' } }, neverReported: [],
    });
  });

  it('splits what it made into fulfilled, in term, overdue and cancelled with nothing left over', () => {
    for (const options of [ARE, WERE])
      for (const code of ['70', '72', '74', '75', '77', '79', '80']) {
        const s = provinceScorecard(VIEWS, code, TODAY, region, options);
        expect(s.fulfilledOnTime + s.fulfilledLate + s.inTerm + s.overdue + s.cancelled).toBe(s.made);
      }
  });
});

describe('the region overview on 2025-07-15', () => {
  const overview = regionOverview(VIEWS, TODAY, region, ARE);

  it('summarises every track, an empty one included', () => {
    expect(overview.tracks.map((t) => [t.track, t.total, t.onTimeRate])).toEqual([['transport', 7, 0.5], ['health', 1, null], ['workforce', 0, null]]);
    expect(overview.tracks[1]).toMatchObject({ byStatus: { active: 1 }, bySchedule: { ...zeros, IN_TERM: 1 }, budget: { budgetVnd: '4850000000000', disbursedVnd: '3380000000000', disbursementRate: 0.696907 } });
    expect(overview.tracks[2]!.budget).toEqual({ commitments: 0, budgetVnd: '0', disbursedVnd: '0', noDisbursementReport: 0, disbursementRate: null });
  });

  it('keeps promises made internal by the merger on the diagonal of the matrix, each counted once', () => {
    expect(overview.matrix).toEqual({
      provinces: ['75', '79', '80'],
      cells: [
        { committer: '75', counterparty: '79', count: 1, bySchedule: { ...zeros, DUE_SOON: 1 } },
        { committer: '79', counterparty: '75', count: 2, bySchedule: { ...zeros, DONE_ON_TIME: 1, DONE_LATE: 1 } },
        { committer: '79', counterparty: '79', count: 3, bySchedule: { ...zeros, IN_TERM: 2, OVERDUE: 1 } },
        { committer: '80', counterparty: '79', count: 1, bySchedule: { ...zeros, CLOSED: 1 } },
      ],
    });
  });

  it('shows the matrix between the original parties as the provinces were', () => {
    const cells = regionOverview(VIEWS, TODAY, region, WERE).matrix.cells.map((c) => `${c.committer}→${c.counterparty}: ${c.count}`);
    expect(cells).toEqual(['70→74: 1', '70→79: 1', '72→79: 1', '74→79: 2', '77→75: 1', '79→74: 1', '79→75: 1']);
  });

  it('lists the overdue promise with no report as never reported, not as zero', () => {
    expect(overview.overdue).toEqual([
      { id: '5-duong-sat', title: '5-duong-sat', track: 'transport', committer: '79', counterparties: ['79'], deadline: '2025-05-31', daysOverdue: 45, lastReportedAt: null },
    ]);
  });

  it('is the same either way before the mergers took effect', () => {
    const before = '2025-06-20';
    expect({ ...regionOverview(VIEWS, before, region, ARE), provinces: 'x' }).toEqual({ ...regionOverview(VIEWS, before, region, WERE), provinces: 'x' });
  });
});

describe('money beyond 2^53 đồng', () => {
  // 3,000 budgets of 999,999,999,999,999 đồng each (half of them with 500,000,000,000,001 disbursed),
  // one of 10^19 with 9,999,999,999,999,999,999 disbursed, and one of 30 digits from another province.
  const MANY: CommitmentView[] = [
    ...Array.from({ length: 3000 }, (_, i) => view(`b-${i}`, '79', ['75'], { budgetVnd: '999999999999999', disbursedVnd: i % 2 ? '500000000000001' : null })),
    view('big', '79', ['75'], { budgetVnd: '10000000000000000000', disbursedVnd: '9999999999999999999' }),
    view('huge', '75', ['79'], { budgetVnd: '123456789012345678901234567890' }),
  ];

  it('sums a province’s budgets and disbursements to the last đồng', () => {
    expect(provinceScorecard(MANY, '79', TODAY, region, WERE).budget).toEqual({
      commitments: 3001, budgetVnd: '12999999999999997000', disbursedVnd: '10750000000000001499', noDisbursementReport: 1500, disbursementRate: 0.826923,
    });
  });

  it('sums a track’s budgets to the last đồng, a 30-digit one included', () => {
    expect(trackDashboard(MANY, 'transport', TODAY, region, WERE).budget).toMatchObject({ commitments: 3002, budgetVnd: '123456789025345678901234564890', disbursedVnd: '10750000000000001499' });
    expect(regionOverview(MANY, TODAY, region, WERE).tracks[0]!.budget.budgetVnd).toBe('123456789025345678901234564890');
  });
});

describe('several dashboards from the same views', () => {
  it('answer each day and each way of counting provinces as if asked alone', () => {
    const shared = [...VIEWS];
    for (const day of ['2024-06-01', TODAY, '2026-01-01'])
      for (const options of [ARE, WERE]) {
        expect(regionOverview(shared, day, region, options)).toEqual(regionOverview([...VIEWS], day, region, options));
        expect(trackDashboard(shared, 'transport', day, region, options)).toEqual(trackDashboard([...VIEWS], 'transport', day, region, options));
        expect(provinceScorecard(shared, '79', day, region, options)).toEqual(provinceScorecard([...VIEWS], '79', day, region, options));
      }
    // The days differ in what they show, so a judgement of one day served on another would not pass.
    expect(regionOverview(shared, '2024-06-01', region, ARE).overdue).toEqual([]);
    expect(regionOverview(shared, TODAY, region, ARE).overdue).toHaveLength(1);
  });
});
