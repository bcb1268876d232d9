/** @jest-environment jsdom */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ProvinceView } from '../api.js';
import type { DashboardLens } from '../components.js';
import { COUNCIL, fakeApi, Harness } from '../testing.js';
import { OverviewPage } from './overview.js';

const summary = (track: string, total: number, overdue: number) => ({
  track,
  total,
  onTimeRate: 0.5,
  byStatus: [{ status: 'ACTIVE', count: total }],
  bySchedule: [
    { schedule: 'IN_TERM', count: total - overdue },
    { schedule: 'OVERDUE', count: overdue },
  ],
  budget: { budgetVnd: '2500000000000', disbursedVnd: '1030000000000', disbursementRate: 0.412, commitments: 1, noDisbursementReport: 0 },
});
const HCMC = { code: '79', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City' };
const DONG_NAI = { code: '75', name: 'Tỉnh Đồng Nai', nameEn: 'Dong Nai' };
const OVERVIEW = {
  data: {
    regionOverview: {
      asOfDay: '2024-06-30',
      tracks: [summary('TRANSPORT', 3, 1), summary('HEALTH', 2, 0), summary('WORKFORCE', 1, 0)],
      overdue: [{ id: 'c-9', title: 'Bàn giao mặt bằng Vành đai 3', track: 'TRANSPORT', deadline: '2024-03-31', daysOverdue: 91, lastReportedAt: null, committer: HCMC, counterparties: [DONG_NAI] }],
      matrix: { provinces: [HCMC, DONG_NAI], cells: [{ committer: '79', counterparty: '75', count: 4 }] },
    },
    transport: { upcomingDeadlines: [{ id: 'c-2', title: 'Thông xe kỹ thuật', deadline: '2024-07-15', daysLeft: 15, schedule: 'DUE_SOON', committer: HCMC }] },
    health: { upcomingDeadlines: [] },
    workforce: { upcomingDeadlines: [] },
  },
};

const lens = (asOf: string | null, view: ProvinceView = 'AS_THEY_ARE'): DashboardLens => ({ asOf, view, setAsOf: () => undefined, setView: () => undefined });

afterEach(cleanup);

describe('the region overview', () => {
  it('shows the key figures, the matrix and the lists in Vietnamese', async () => {
    render(
      <Harness api={fakeApi({ Overview: OVERVIEW })} me={COUNCIL}>
        <OverviewPage lens={lens(null)} />
      </Harness>,
    );
    expect((await screen.findByTestId('figure-total')).textContent).toBe('6');
    expect(screen.getByTestId('figure-overdue').textContent).toBe('1');
    expect(screen.getByTestId('figure-budget').textContent).toBe('7.500 tỷ đồng');
    expect(screen.getByText('Số liệu tại ngày 30/06/2024')).toBeTruthy();
    expect(screen.getByTestId('cell-79-75').textContent).toBe('4');
    expect(within(screen.getByRole('region', { name: 'Danh sách quá hạn' })).getByText('Chưa nhận báo cáo')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Hạn chót trong 30 ngày tới' })).getByText('15/07/2024')).toBeTruthy();
  });

  it('speaks English with English conventions', async () => {
    render(
      <Harness api={fakeApi({ Overview: OVERVIEW })} me={COUNCIL} locale="en">
        <OverviewPage lens={lens(null)} />
      </Harness>,
    );
    expect((await screen.findByTestId('figure-budget')).textContent).toBe('VND 7,500 billion');
    expect(screen.getByText('Figures as of 30 Jun 2024')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Commitments between provinces' })).toBeTruthy();
  });

  it('asks for the day the slider is on and the province view chosen, and offers the way back to now', async () => {
    const api = fakeApi({ Overview: OVERVIEW });
    render(
      <Harness api={api} me={COUNCIL}>
        <OverviewPage lens={lens('2024-06-30T23:59:59+07:00', 'AS_THEY_WERE')} />
      </Harness>,
    );
    await screen.findByTestId('figure-total');
    expect(api.sent[0]).toEqual({ operationName: 'Overview', variables: { asOf: '2024-06-30T23:59:59+07:00', provinces: 'AS_THEY_WERE' } });
    expect((screen.getByLabelText('Tính theo tỉnh, thành') as HTMLSelectElement).value).toBe('AS_THEY_WERE');
    expect(screen.getByTestId('as-of-day').textContent).toBe('30/06/2024');
    expect(screen.getByRole('slider', { name: 'Xem số liệu tại ngày' }).getAttribute('aria-valuetext')).toBe('30/06/2024');
    expect(screen.getByRole('button', { name: 'Về hiện tại' })).toBeTruthy();
  });
});
