import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { seedDemoData } from '@council/commitments/demo-data';
import { commitmentSchemas } from '@council/commitments/domain';
import { CommitmentPresenter, CommitmentViews, DashboardsAnswerVersion, DashboardsResolver } from '@council/commitments/feature';
import {
  type CommitmentView,
  type DashboardOptions,
  evolveCommitmentView,
  provinceScorecard,
  regionOverview,
  trackDashboard,
} from '@council/commitments/read-models';
import { Clock, EventStore, FixedClock, type RecordedEvent, vietnamDate } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { AuthModule, GraphqlPlatformModule, type PolicyTable } from '@council/platform/nest';
import type { Region } from '@council/region/domain';
import { RegionReader } from '@council/region/feature';

const NOW = '2026-11-23T09:00:00+07:00';
const TODAY = '2026-11-23';
const SECRET = 'dashboards-spec-secret-0123456789abcdef';
const ARE: DashboardOptions = { provinces: 'as-they-are' };
const WERE: DashboardOptions = { provinces: 'as-they-were' };
const DASHBOARDS_POLICY: PolicyTable = {
  'Query.trackDashboard': 'authenticated',
  'Query.provinceScorecard': 'authenticated',
  'Query.regionOverview': 'authenticated',
};

const clock = new FixedClock(NOW);
let store: SqliteEventStore;
let region: Region;

/** Folds every commitment stream of the log, cut at a moment: what the projector will serve. */
class FoldedCommitmentViews extends CommitmentViews {
  constructor(private readonly events: EventStore) {
    super();
  }

  current(): Promise<readonly CommitmentView[]> {
    return this.fold(() => true);
  }

  asOf(moment: Date): Promise<readonly CommitmentView[]> {
    return this.fold((e) => Date.parse(e.metadata.recordedAt) <= moment.getTime());
  }

  effectiveOn(day: string, recordedBy = clock.now()): Promise<readonly CommitmentView[]> {
    return this.fold((e) => vietnamDate(new Date(e.metadata.effectiveAt)) <= day && Date.parse(e.metadata.recordedAt) <= recordedBy.getTime());
  }

  private async fold(keep: (e: RecordedEvent) => boolean): Promise<readonly CommitmentView[]> {
    const views = new Map<string, CommitmentView | null>();
    for (const event of await this.events.readAll({ maxCount: 100_000 })) {
      if (!event.streamId.startsWith('commitment-') || !keep(event)) continue;
      views.set(event.streamId, evolveCommitmentView(views.get(event.streamId) ?? null, commitmentSchemas.upcast(event)));
    }
    return [...views.values()].filter((v): v is CommitmentView => v !== null);
  }
}

let views: FoldedCommitmentViews;
const health = async (moment?: string) => (await (moment ? views.asOf(new Date(moment)) : views.current())).filter((v) => v.track === 'health');

beforeAll(async () => {
  store = new SqliteEventStore({ path: ':memory:', clock });
  await seedDemoData(store, clock);
  views = new FoldedCommitmentViews(store);
  region = await new RegionReader(store).current();
});
afterAll(() => store.close());

const zeros = { IN_TERM: 0, DUE_SOON: 0, AT_RISK: 0, OVERDUE: 0, DONE_ON_TIME: 0, DONE_LATE: 0, CLOSED: 0 };

/*
 * The demo's 13 health commitments on 2026-11-23, checked by hand against health.ts:
 * at risk in the last quarter of their time: the 1,500-bed hospital (82 % of the time
 * gone, 700 of 1,500 beds) and Bình Phước's 1,000 beds (86 % gone, 820 of 700→1,000);
 * in term: Tây Ninh training, specialists for the hospital (74 % gone), Bến Tre doctors,
 * lab results, and the radiotherapy claim made by its deadline; fulfilled on time: the
 * referral agreements, 115 emergency, Bà Rịa techniques, Tây Ninh health records (after
 * an approved extension); late: Đồng Nai tele-consultation (46 days); cancelled: Long An
 * stroke centre.
 */
describe('the health dashboard of the demo region on 2026-11-23', () => {
  it('counts by lifecycle and schedule, with four of five fulfilments on time', async () => {
    const d = trackDashboard(await health(), 'health', TODAY, region, ARE);
    expect(d.total).toBe(13);
    expect(d.byStatus).toEqual({ proposed: 0, active: 6, declined: 0, withdrawn: 0, fulfillment_claimed: 1, fulfilled: 5, cancelled: 1 });
    expect(d.bySchedule).toEqual({ ...zeros, IN_TERM: 5, AT_RISK: 2, DONE_ON_TIME: 4, DONE_LATE: 1, CLOSED: 1 });
    expect(d.onTimeRate).toBe(0.8);
    expect(d.upcomingDeadlines).toEqual([]);
  });

  it('sums indicators per unit from the latest reports, amended targets beside the original ones', async () => {
    const d = trackDashboard(await health(), 'health', TODAY, region, ARE);
    expect(d.indicators.map(({ unit, commitments, noReport, baseline, originalTarget, target, actual }) => [unit, commitments, noReport, baseline, originalTarget, target, actual])).toEqual([
      ['bệnh viện', 1, 0, 0, 24, 24, 9],
      ['cơ sở', 2, 0, 0, 122, 122, 106],
      ['giường', 2, 0, 700, 2500, 2500, 1520],
      ['kỹ thuật', 2, 0, 0, 23, 23, 20],
      ['người', 3, 0, 0, 920, 950, 494],
      ['thỏa thuận', 1, 0, 0, 6, 6, 4],
      ['trạm', 1, 0, 0, 10, 10, 8],
    ]);
  });

  it('sums seven budgets to the đồng, leaving out the cancelled stroke centre', async () => {
    expect(trackDashboard(await health(), 'health', TODAY, region, ARE).budget).toEqual({
      commitments: 7, budgetVnd: '6203900000000', disbursedVnd: '4223800000000', noDisbursementReport: 0, disbursementRate: 0.680829,
    });
  });

  it('breaks down by province as they are: what Bình Dương, Bà Rịa – Vũng Tàu, Bình Phước and Tây Ninh promised is answered for by their successors', async () => {
    expect(trackDashboard(await health(), 'health', TODAY, region, ARE).byProvince).toEqual([
      { province: '75', made: 3, received: 3, active: 2, overdue: 0, fulfilled: 1 },
      { province: '79', made: 8, received: 9, active: 5, overdue: 0, fulfilled: 3 },
      { province: '80', made: 2, received: 2, active: 0, overdue: 0, fulfilled: 1 },
      { province: '86', made: 0, received: 1, active: 0, overdue: 0, fulfilled: 0 },
    ]);
  });

  it('lists the radiotherapy transfer as due in 16 days on 2025-10-15, before its claim', async () => {
    const d = trackDashboard(await health('2025-10-15T23:59:59+07:00'), 'health', '2025-10-15', region, ARE);
    expect(d.upcomingDeadlines).toEqual([{ id: 'xa-tri-ung-buou-dong-nai', title: expect.any(String), committer: '79', deadline: '2025-10-31', daysLeft: 16, schedule: 'DUE_SOON' }]);
  });
});

describe('Hồ Chí Minh City’s health scorecard on 2026-11-23', () => {
  it('as the provinces are: eight made, four of them internal since the merger, all fulfilments on time', async () => {
    expect(provinceScorecard(await health(), '79', TODAY, region, ARE)).toEqual({
      province: '79', today: TODAY, provinces: 'as-they-are',
      made: 8, received: 9, internal: 4,
      fulfilledOnTime: 3, fulfilledLate: 0, inTerm: 5, dueSoon: 0, atRisk: 1, overdue: 0, cancelled: 0,
      fulfilmentRate: 1, averageDelayDays: null,
      budget: { commitments: 4, budgetVnd: '4922800000000', disbursedVnd: '3768300000000', noDisbursementReport: 0, disbursementRate: 0.765478 },
      noReportSince: { since: '2025-09-30', days: 419, commitment: { id: 'bac-si-ben-tre', title: expect.any(String), track: 'health', deadline: '2027-12-31' } },
      neverReported: [],
    });
  });

  it('as the provinces were: only what the city itself promised', async () => {
    expect(provinceScorecard(await health(), '79', TODAY, region, WERE)).toMatchObject({
      made: 5, received: 7, internal: 0, fulfilledOnTime: 1, inTerm: 4, atRisk: 0, fulfilmentRate: 1,
      budget: { commitments: 2, budgetVnd: '63000000000', disbursedVnd: '40200000000' },
    });
  });

  it('shows Đồng Nai’s late tele-consultation as a 46-day delay', async () => {
    expect(provinceScorecard(await health(), '75', TODAY, region, WERE)).toMatchObject({ made: 2, fulfilledLate: 1, averageDelayDays: 46, fulfilmentRate: 1 });
  });
});

describe('the health overview of the demo region', () => {
  it('keeps the Bình Dương → Hồ Chí Minh City hospital visible, on the city’s diagonal, and Bình Phước → 79, 74 counted once', async () => {
    const { matrix } = regionOverview(await health(), TODAY, region, ARE);
    expect(matrix.cells.map((c) => [`${c.committer}→${c.counterparty}`, c.count])).toEqual([
      ['75→75', 1], ['75→79', 3], ['75→80', 1], ['79→75', 2], ['79→79', 4], ['79→80', 1], ['79→86', 1], ['80→79', 2],
    ]);
    expect(matrix.cells.find((c) => c.committer === '79' && c.counterparty === '79')!.bySchedule).toEqual({ ...zeros, IN_TERM: 1, AT_RISK: 1, DONE_ON_TIME: 2 });
  });

  it('lists Tây Ninh’s health records as 15 days overdue on 2025-01-15, before its extension was approved', async () => {
    const { overdue } = regionOverview(await health('2025-01-15T23:59:59+07:00'), '2025-01-15', region, ARE);
    expect(overdue).toEqual([
      { id: 'ho-so-suc-khoe-tay-ninh', title: expect.any(String), track: 'health', committer: '72', counterparties: ['79'], deadline: '2024-12-31', daysOverdue: 15, lastReportedAt: '2024-12-31' },
    ]);
  });
});

/** The dashboards' resolver over GraphQL on `commitmentViews`, and a token to ask with. */
async function startDashboards(commitmentViews: CommitmentViews, options: { keepAnswers?: boolean } = {}): Promise<{ app: INestApplication; url: string; token: string }> {
  @Global()
  @Module({ providers: [{ provide: Clock, useValue: clock }, { provide: EventStore, useValue: store }], exports: [Clock, EventStore] })
  class PlatformModule {}
  @Module({
    providers: [RegionReader, CommitmentPresenter, DashboardsResolver, DashboardsAnswerVersion, { provide: CommitmentViews, useValue: commitmentViews }],
    exports: [DashboardsAnswerVersion],
  })
  class DashboardsModule {}
  const graphql = GraphqlPlatformModule.forRoot({ mode: 'test', policies: [DASHBOARDS_POLICY], ...(options.keepAnswers && { answerCache: DashboardsAnswerVersion }) });
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule, AuthModule.forRoot({ secret: SECRET }), graphql, DashboardsModule],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const now = Math.floor(clock.now().getTime() / 1000);
  const token = await new SignJWT({ roles: ['auditor'], name: 'Kiểm toán viên' }).setProtectedHeader({ alg: 'HS256' }).setSubject('auditor-1')
    .setIssuedAt(now).setExpirationTime(now + 600).sign(new TextEncoder().encode(SECRET));
  return { app, url, token };
}

describe('the dashboards over GraphQL', () => {
  let app: INestApplication;
  let url: string;
  let token: string;

  beforeAll(async () => ({ app, url, token } = await startDashboards(views)));
  afterAll(() => app?.close());

  async function ask(query: string, withToken = true) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withToken && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] };
  }

  it('answers trackDashboard with enums, exact amounts as strings and named provinces, as they are by default', async () => {
    const { data, errors } = await ask(`{ trackDashboard(track: HEALTH) {
      track asOfDay provinces total onTimeRate byStatus { status count } budget { budgetVnd disbursedVnd disbursementRate }
      byProvince { province { code name } made received } indicators { unit actual } upcomingDeadlines { id } } }`);
    expect(errors).toBeUndefined();
    expect(data!.trackDashboard).toMatchObject({
      track: 'HEALTH', asOfDay: TODAY, provinces: 'AS_THEY_ARE', total: 13, onTimeRate: 0.8,
      budget: { budgetVnd: '6203900000000', disbursedVnd: '4223800000000', disbursementRate: 0.680829 },
      byProvince: [{ province: { code: '75', name: 'Tỉnh Đồng Nai' } }, { province: { code: '79', name: 'Thành phố Hồ Chí Minh' }, made: 8, received: 9 }, {}, { province: { code: '86' } }],
      upcomingDeadlines: [],
    });
    expect((data!.trackDashboard as { byStatus: unknown[] }).byStatus).toContainEqual({ status: 'FULFILLMENT_CLAIMED', count: 1 });
  });

  it('answers as of a moment, judging schedules on that day in Việt Nam and counting only what was recorded by then', async () => {
    const { data } = await ask('{ regionOverview(asOf: "2025-01-15T16:59:59Z", provinces: AS_THEY_WERE) { asOfDay provinces tracks { track total } } }');
    const overview = regionOverview(await views.asOf(new Date('2025-01-15T16:59:59Z')), '2025-01-15', region, WERE);
    expect(data!.regionOverview).toEqual({
      asOfDay: '2025-01-15', provinces: 'AS_THEY_WERE',
      tracks: overview.tracks.map((t) => ({ track: t.track.toUpperCase(), total: t.total })),
    });
  });

  it('names the merged provinces in the matrix and says who answers for them when asked as they were', async () => {
    const { data } = await ask('{ regionOverview(provinces: AS_THEY_WERE) { matrix { provinces { code answeredForBy } } } }');
    const { matrix } = data!.regionOverview as { matrix: { provinces: { code: string; answeredForBy: string | null }[] } };
    expect(matrix.provinces).toContainEqual({ code: '74', answeredForBy: '79' });
    expect(matrix.provinces).toContainEqual({ code: '70', answeredForBy: '75' });
  });

  it('answers a merged province’s scorecard with its successor’s, and says NOT_FOUND for an unknown code', async () => {
    const { data } = await ask(`{ a: provinceScorecard(province: "74") { province { code } made received internal noReportSince { since } neverReported { id } }
      b: provinceScorecard(province: "79", provinces: null) { province { code } made received internal noReportSince { since } neverReported { id } } }`);
    expect(data!.a).toMatchObject({ province: { code: '79' } });
    expect(data!.a).toEqual(data!.b);
    const unknown = await ask('{ provinceScorecard(province: "99") { made } }');
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('refuses an anonymous caller', async () => {
    const { errors } = await ask('{ regionOverview { asOfDay } }', false);
    expect(errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

/** The demo's views with a stamp the test moves, counting how often the current views are read. */
class StampedViews extends FoldedCommitmentViews {
  reads = 0;
  asOfReads = 0;
  position = 1;
  /** Leaves out the cancelled commitments: a change the test makes without moving the stamp. */
  hideCancelled = false;

  override async current(): Promise<readonly CommitmentView[]> {
    this.reads += 1;
    const views = await super.current();
    return this.hideCancelled ? views.filter((v) => v.status !== 'cancelled') : views;
  }

  override async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    this.asOfReads += 1;
    return super.asOf(moment);
  }

  override stamp(): string {
    return String(this.position);
  }
}

describe('the dashboards\' answers, reused', () => {
  let app: INestApplication;
  let url: string;
  let token: string;
  let stamped: StampedViews;

  beforeAll(async () => {
    stamped = new StampedViews(store);
    ({ app, url, token } = await startDashboards(stamped, { keepAnswers: true }));
  });
  afterAll(() => app?.close());

  const ask = async (query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
  };

  it('computes a dashboard once for sixteen callers asking at once, and again once the views moved', async () => {
    const query = '{ regionOverview { asOfDay tracks { track total } overdue { id } } }';
    const answers = await Promise.all(Array.from({ length: 16 }, () => ask(query)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.data!.regionOverview).toMatchObject({ asOfDay: TODAY });
    expect(stamped.reads).toBe(1);
    await ask(query);
    expect(stamped.reads).toBe(1);
    stamped.position += 1;
    await Promise.all([ask(query), ask(query)]);
    expect(stamped.reads).toBe(2);
  });

  it('reads the views as of a moment once for the dashboards one page asks about it together, each answered as if asked alone', async () => {
    const moment = '2025-10-15T23:59:59+07:00';
    const fields = {
      overview: `regionOverview(asOf: "${moment}") { asOfDay tracks { track total bySchedule { schedule count } } matrix { cells { committer counterparty count } } overdue { id daysOverdue } }`,
      transport: `trackDashboard(track: TRANSPORT, asOf: "${moment}") { total upcomingDeadlines { id daysLeft schedule } byProvince { province { code } made overdue } }`,
      health: `trackDashboard(track: HEALTH, asOf: "${moment}") { total upcomingDeadlines { id daysLeft schedule } byProvince { province { code } made overdue } }`,
      scorecard: `provinceScorecard(province: "79", asOf: "${moment}") { made received inTerm dueSoon overdue noReportSince { days } }`,
    };
    const reads = stamped.asOfReads;
    const together = await ask(`{ ${Object.entries(fields).map(([alias, field]) => `${alias}: ${field}`).join(' ')} }`);
    expect(stamped.asOfReads).toBe(reads + 1);
    expect(together.data!['health']).toMatchObject({ upcomingDeadlines: [{ daysLeft: 16, schedule: 'DUE_SOON' }] });
    stamped.position += 1;
    for (const [alias, field] of Object.entries(fields)) expect((await ask(`{ ${alias}: ${field} }`)).data![alias]).toEqual(together.data![alias]);
    expect(stamped.asOfReads).toBe(reads + 1 + 4);
  });

  it('does not keep a failure: an unknown province is looked up again each time', async () => {
    const before = stamped.reads;
    for (let i = 0; i < 2; i++) expect((await ask('{ provinceScorecard(province: "99") { made } }')).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(stamped.reads).toBe(before + 2);
  });

  it('sends a kept answer again while the views keep their stamp, and a new one once it moves', async () => {
    const query = '{ trackDashboard(track: HEALTH) { total byStatus { status count } } }';
    const before = (await ask(query)).data!.trackDashboard as { total: number };
    const reads = stamped.reads;
    stamped.hideCancelled = true;
    // Nothing told the node its views changed: the kept answer, no resolver run.
    expect((await ask(query)).data!.trackDashboard).toEqual(before);
    expect(stamped.reads).toBe(reads);
    stamped.position += 1;
    const after = (await ask(query)).data!.trackDashboard as { total: number };
    expect(after.total).toBe(before.total - 1);
    stamped.hideCancelled = false;
    stamped.position += 1;
    expect((await ask(query)).data!.trackDashboard).toEqual(before);
  });

  it('keeps an answer per question: other variables, another query, an anonymous caller are not served it', async () => {
    const byProvince = (province: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query ($p: String!) { provinceScorecard(province: $p) { province { code } made } }', variables: { p: province } }),
      }).then(async (r) => ((await r.json()) as { data: { provinceScorecard: { province: { code: string } } } }).data.provinceScorecard.province.code);
    expect([await byProvince('75'), await byProvince('79'), await byProvince('75')]).toEqual(['75', '79', '75']);
    const anonymous = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regionOverview { asOfDay } }' }) });
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('sends a kept answer as the very text a fresh one has', async () => {
    const body = JSON.stringify({ query: '{ regionOverview { asOfDay overdue { id daysOverdue committer { code name } } matrix { cells { committer counterparty count } } } }' });
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.text());
    stamped.position += 1;
    const fresh = await send();
    const reads = stamped.reads;
    const [kept, again] = [await send(), await send()];
    expect(stamped.reads).toBe(reads);
    expect(kept).toBe(fresh);
    expect(again).toBe(fresh);
    expect(fresh).toBe(`${JSON.stringify(JSON.parse(fresh))}\n`);
    expect((JSON.parse(fresh) as { data: { regionOverview: { overdue: unknown[] } } }).data.regionOverview.overdue.length).toBeGreaterThan(0);
  });
});
