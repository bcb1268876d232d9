import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256, provinceClaims } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-dashboards-0123456789abcdef';
/** After the whole demo history (its last fact is of October 2025): the numbers below were counted by hand from the demo stories. */
const AS_OF = '2026-11-23T09:00:00+07:00';

type Counts = { status?: string; schedule?: string; count: number }[];
const byKey = (counts: Counts) => Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.status ?? c.schedule, c.count]));

/**
 * The three dashboard queries against the real server on the demo region, served from its
 * projected read models. tests/integration/dashboards.spec.ts checks the health track in
 * depth; this checks what the projector serves for every track, as of a fixed moment so
 * the answer does not depend on the day the test runs.
 */
describe('dashboards over HTTP, on the demo region', () => {
  let dataDir: string;
  let server: RunningServer;
  let council: string;
  const ask = async <T>(query: string, token = council): Promise<T> => {
    const answer = await graphql(server.url, query, { token });
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return answer.body.data as T;
  };
  const track = (name: string, asOf = AS_OF) =>
    ask<{ trackDashboard: TrackAnswer }>(
      `{ trackDashboard(track: ${name}${asOf ? `, asOf: "${asOf}"` : ''}) {
          total onTimeRate asOfDay byStatus { status count } bySchedule { schedule count }
          budget { commitments budgetVnd disbursementRate }
          upcomingDeadlines { id daysLeft schedule committer { code } } } }`,
    ).then((d) => d.trackDashboard);

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET });
    council = await hs256(SECRET, { claims: { sub: 'secretariat', name: 'Văn phòng Hội đồng', roles: ['council'] } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('transport: 18 commitments, four of six fulfilments on time, the amended Bình Dương budget counted at 14 300 billion', async () => {
    const d = await track('TRANSPORT');
    expect(d.asOfDay).toBe('2026-11-23');
    expect(d.total).toBe(18);
    expect(byKey(d.byStatus)).toEqual({ PROPOSED: 1, ACTIVE: 7, DECLINED: 1, WITHDRAWN: 1, FULFILLMENT_CLAIMED: 1, FULFILLED: 6, CANCELLED: 1 });
    expect(byKey(d.bySchedule)).toMatchObject({ DONE_ON_TIME: 4, DONE_LATE: 2, OVERDUE: 1 });
    expect(d.onTimeRate).toBeCloseTo(4 / 6, 5);
    // 14 promises in force or kept carry a budget: 3 100 + 41 340 + 1 980 + 1 150 + 24 + 14 300 + 6 500 + 870 + 7 410 + 62 + 4 100 + 2 800 + 2 690 + 2 700 billion.
    expect(d.budget).toMatchObject({ commitments: 14, budgetVnd: '89026000000000' });
    // Đường 25C (Đồng Nai, 5 Dec) and Ring Road 3 in the city (extended to 20 Dec) fall due within 30 days.
    expect(d.upcomingDeadlines).toEqual([
      { id: 'long-thanh-duong-25c', daysLeft: 12, schedule: 'DUE_SOON', committer: { code: '75' } },
      { id: 'vd3-hcm-thong-xe', daysLeft: 27, schedule: expect.stringMatching(/DUE_SOON|AT_RISK/), committer: { code: '79' } },
    ]);
  });

  it('health: 13 commitments, four of five fulfilments on time (the depth is in the integration spec)', async () => {
    const d = await track('HEALTH');
    expect(d.total).toBe(13);
    expect(byKey(d.byStatus)).toEqual({ ACTIVE: 6, FULFILLMENT_CLAIMED: 1, FULFILLED: 5, CANCELLED: 1 });
    expect(byKey(d.bySchedule)).toEqual({ IN_TERM: 5, AT_RISK: 2, DONE_ON_TIME: 4, DONE_LATE: 1, CLOSED: 1 });
    expect(d.onTimeRate).toBe(0.8);
    expect(d.budget).toMatchObject({ commitments: 7, budgetVnd: '6203900000000', disbursementRate: 0.680829 });
  });

  it('workforce: 14 commitments, three of five fulfilments on time, Bình Phước’s labour supply due in 25 days', async () => {
    const d = await track('WORKFORCE');
    expect(d.total).toBe(14);
    expect(byKey(d.byStatus)).toEqual({ PROPOSED: 1, ACTIVE: 6, DECLINED: 1, FULFILLED: 5, CANCELLED: 1 });
    expect(byKey(d.bySchedule)).toMatchObject({ DONE_ON_TIME: 3, DONE_LATE: 2, OVERDUE: 1 });
    expect(d.onTimeRate).toBe(0.6);
    // Bình Phước merged into Đồng Nai on 1 July 2025: Đồng Nai answers for it now.
    expect(d.upcomingDeadlines).toEqual([{ id: 'cung-ung-lao-dong-binh-phuoc', daysLeft: 25, schedule: expect.any(String), committer: { code: '75' } }]);
  });

  it('region overview: 45 commitments over the three tracks, the two overdue ones longest first', async () => {
    const { regionOverview: o } = await ask<{ regionOverview: OverviewAnswer }>(
      `{ regionOverview(asOf: "${AS_OF}") { asOfDay tracks { track total } overdue { id daysOverdue committer { code answeredForBy } } } }`,
    );
    expect(o.asOfDay).toBe('2026-11-23');
    expect(Object.fromEntries(o.tracks.map((t) => [t.track, t.total]))).toEqual({ TRANSPORT: 18, HEALTH: 13, WORKFORCE: 14 });
    // Bình Phước’s Thủ Dầu Một – Chơn Thành section, due 31 Mar 2025; Đồng Nai’s social housing, due 30 Jun 2025.
    expect(o.overdue.map((c) => [c.id, c.daysOverdue])).toEqual([
      ['cao-toc-tdm-ct-binh-phuoc', 602],
      ['nha-o-xa-hoi-dong-nai', 511],
    ]);
    // As the provinces are (the default), Bình Phước’s promise is Đồng Nai’s.
    expect(o.overdue[0]!.committer).toEqual({ code: '75', answeredForBy: null });
  });

  it('province scorecard: Bến Tre and Trà Vinh, merged into Vĩnh Long, received one promise and made none', async () => {
    const { provinceScorecard: s } = await ask<{ provinceScorecard: { province: { code: string }; made: number; received: number; fulfilmentRate: number | null } }>(
      `{ provinceScorecard(province: "86", asOf: "${AS_OF}") { province { code } made received fulfilmentRate } }`,
    );
    expect(s).toEqual({ province: { code: '86' }, made: 0, received: 1, fulfilmentRate: null });
  });

  it('project: Ring Road 3, four promises, three kept (Đồng Nai’s site late), 47 570 billion budgeted', async () => {
    const { projectDashboard: p } = await ask<{ projectDashboard: TrackAnswer & { project: { id: string; name: string }; commitments: { id: string; status: string; deadline: string; originalDeadline: string }[] } }>(
      `{ projectDashboard(id: "vanh-dai-3", asOf: "${AS_OF}") { project { id name } total onTimeRate byStatus { status count } budget { commitments budgetVnd }
          commitments { id status deadline originalDeadline } } }`,
    );
    expect(p.project.id).toBe('vanh-dai-3');
    expect(p.total).toBe(4);
    expect(byKey(p.byStatus)).toEqual({ ACTIVE: 1, FULFILLED: 3 });
    expect(p.onTimeRate).toBeCloseTo(2 / 3, 5);
    expect(p.budget).toEqual({ commitments: 4, budgetVnd: '47570000000000' });
    expect(p.commitments).toEqual([
      { id: 'vd3-dong-nai-mat-bang', status: 'FULFILLED', deadline: '2024-03-31', originalDeadline: '2024-03-31' },
      { id: 'vd3-binh-duong-mat-bang', status: 'FULFILLED', deadline: '2024-06-30', originalDeadline: '2024-06-30' },
      { id: 'vd3-long-an-mat-bang', status: 'FULFILLED', deadline: '2024-09-30', originalDeadline: '2024-09-30' },
      { id: 'vd3-hcm-thong-xe', status: 'ACTIVE', deadline: '2026-12-20', originalDeadline: '2025-06-30' },
    ]);
    const unknown = await graphql(server.url, '{ projectDashboard(id: "cau-khong-co") { total } }', { token: council });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('effectiveAsOf counts a report from the day it reports for; asOf only from the day it was filed', async () => {
    // The 30 September reports were filed on 5 October: on the ground on 30 September, the
    // two overdue promises had reported that day; as the platform knew it that evening, in June.
    const overdue = async (args: string) => {
      const { regionOverview: o } = await ask<{ regionOverview: OverviewAnswer & { asOfDay: string } }>(`{ regionOverview(${args}) { asOfDay overdue { id daysOverdue lastReportedAt } } }`);
      const wanted = ['cao-toc-tdm-ct-binh-phuoc', 'nha-o-xa-hoi-dong-nai'];
      return { day: o.asOfDay, overdue: o.overdue.filter((c) => wanted.includes(c.id)) };
    };
    expect(await overdue('effectiveAsOf: "2025-09-30"')).toEqual({
      day: '2025-09-30',
      overdue: [
        { id: 'cao-toc-tdm-ct-binh-phuoc', daysOverdue: 183, lastReportedAt: '2025-09-30' },
        { id: 'nha-o-xa-hoi-dong-nai', daysOverdue: 92, lastReportedAt: '2025-09-30' },
      ],
    });
    expect(await overdue('asOf: "2025-09-30T23:59:59+07:00"')).toEqual({
      day: '2025-09-30',
      overdue: [
        { id: 'cao-toc-tdm-ct-binh-phuoc', daysOverdue: 183, lastReportedAt: '2025-06-30' },
        { id: 'nha-o-xa-hoi-dong-nai', daysOverdue: 92, lastReportedAt: '2025-06-30' },
      ],
    });
    // Both: known by the evening of 30 September and effective by then.
    expect(await overdue('asOf: "2025-09-30T23:59:59+07:00", effectiveAsOf: "2025-09-30"')).toEqual(await overdue('asOf: "2025-09-30T23:59:59+07:00"'));
  });

  it('as of the day before the region’s first commitment, every dashboard is empty', async () => {
    const d = await track('TRANSPORT', '2023-08-01T00:00:00+07:00');
    expect(d.total).toBe(0);
    expect(d.budget).toMatchObject({ commitments: 0, budgetVnd: '0' });
  });

  it('counts a commitment the moment its counterparty accepts it, for the caller’s next query', async () => {
    const before = await track('WORKFORCE', '');
    const dongNai = await hs256(SECRET, { claims: provinceClaims('75') });
    const hcmc = await hs256(SECRET, { claims: provinceClaims('79') });
    const proposed = await ask<{ proposeCommitment: { id: string } }>(
      `mutation { proposeCommitment(input: {
          track: WORKFORCE, title: "Đào tạo 200 điều dưỡng cho TP. Hồ Chí Minh", counterpartyProvinces: ["79"],
          responsible: { agency: "Sở Y tế Đồng Nai", person: "Phó Giám đốc Lê Văn Minh" },
          indicator: { name: "Điều dưỡng được đào tạo", unit: "người", baseline: 0, target: 200 },
          deadline: "2030-12-31" }) { id } }`,
      dongNai,
    );
    await ask(`mutation { acceptCommitment(id: "${proposed.proposeCommitment.id}") { id } }`, hcmc);
    const after = await track('WORKFORCE', '');
    expect(after.total).toBe(before.total + 1);
    expect(byKey(after.byStatus)['ACTIVE']).toBe((byKey(before.byStatus)['ACTIVE'] ?? 0) + 1);
  });

  it('refuses an anonymous caller', async () => {
    const answer = await graphql(server.url, '{ regionOverview { asOfDay } }');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

interface TrackAnswer {
  total: number;
  onTimeRate: number | null;
  asOfDay: string;
  byStatus: Counts;
  bySchedule: Counts;
  budget: { commitments: number; budgetVnd: string; disbursementRate: number | null };
  upcomingDeadlines: { id: string; daysLeft: number; schedule: string; committer: { code: string } }[];
}

interface OverviewAnswer {
  asOfDay: string;
  tracks: { track: string; total: number }[];
  overdue: { id: string; daysOverdue: number; lastReportedAt?: string | null; committer: { code: string; answeredForBy?: string | null } }[];
}
