/**
 * `npm run bench:read`: the read side at the scale of a whole region. A deterministic
 * synthetic region (synthetic-region.ts: 1,000,000 events, about 50,000 commitments,
 * cached under the temp dir) is
 *   1. rebuilt into fresh read models (SqliteReadModels + commitmentViewProjection),
 *      against a raw `SELECT` of the events' columns in position order + `JSON.parse` of their data of the
 *      same events, interleaved rounds;
 *   2. served by the built council-api (NODE_ENV=production, seals off; its own copies of
 *      the log and of the rebuilt read models, so it starts on persisted read models): each
 *      question asked once (the first answers after a start), then trackDashboard,
 *      provinceScorecard and regionOverview at 16 concurrent clients (16 council members,
 *      a token each) against `{ __typename }` on the same server, interleaved rounds,
 *      p50 / p99 of each;
 *   3. asked the same dashboards `asOf` a different moment each time (one client), p95,
 *      against the same questions without asOf;
 *   4. start-up time and resident memory of that server, against a server on an empty log;
 *   5. after the server stops, written to in this process at half the maximum command
 *      rate (reportProgress through handleCommand with the server's stream cache, then
 *      waitFor, as the server does) while the read models follow the log: projection lag
 *      (append committed → applied) p99, against the append's own p99.
 * Prints the machine, one Markdown table and `targets met: N/M`; writes
 * reports/bench-read.json.
 *
 * Knobs: BENCH_EVENTS (default 1000000), BENCH_SEED (default 7), BENCH_ROUNDS (dashboard
 * rounds, default 5), BENCH_ROUND_MS (default 1500), BENCH_REBUILD_ROUNDS (default 3, the median counts: a round is about 20 s),
 * BENCH_AS_OF_QUERIES (default 36), BENCH_CACHE_DIR (where the generated log is kept),
 * BENCH_DIR, BENCH_KEEP=1.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { commitmentDecider, commitmentSchemas, commitmentStream, type ReportProgress } from '@council/commitments/domain';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { handleCommand, StreamCache, vietnamDate } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { regionFrom, SOUTHEAST_REGION, successorOn } from '@council/region/domain';
import { processCpuMs } from '../support/cpu.js';
import { createBenchDir, writeReport } from '../support/files.js';
import { type LoadClient, type LoadRound, runLoad } from '../support/http-load.js';
import { describeMachine, formatMachine } from '../support/machine.js';
import { concurrentLoops, interleave, type RoundResult } from '../support/rounds.js';
import { type BenchServer, startBenchServer } from '../support/server.js';
import { median, percentile } from '../support/stats.js';
import { formatNumber, markdownTable } from '../support/table.js';
import { readRawEvents } from './raw-read.js';
import { signHs256 } from '../support/tokens.js';
import { dashboardBody } from './queries.js';
import { syntheticRegion } from './synthetic-region.js';

const SECRET = 'bench-read-secret-not-for-production-0123456789';
const EVENTS = envInt('BENCH_EVENTS', 1_000_000);
const SEED = envInt('BENCH_SEED', 7);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const ROUND_MS = envInt('BENCH_ROUND_MS', 1500);
const REBUILD_ROUNDS = envInt('BENCH_REBUILD_ROUNDS', 3);
const AS_OF_QUERIES = envInt('BENCH_AS_OF_QUERIES', 36);
const CLIENTS = 16;
const WRITERS = 16;
const TRIVIAL = JSON.stringify({ query: '{ __typename }' });
/** The distinct questions of `dashboardBody`'s rotation (three tracks, eight provinces, the overview). */
const QUESTIONS = 12;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

interface Row {
  readonly benchmark: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: number | undefined;
  readonly target: string;
  readonly ok: boolean;
  readonly detail: Record<string, unknown>;
}

const ms = (value: number): string => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

/** 1. Full rebuild of the read models vs raw SELECT + JSON.parse of the same events. */
async function rebuildRow(logPath: string, events: number, file: (name: string) => string): Promise<{ row: Row; readModels: string }> {
  const store = new SqliteEventStore({ path: logPath, synchronous: 'NORMAL' });
  const head = await store.headPosition();
  let round = 0;
  let last = '';
  const rebuild = async (): Promise<RoundResult> => {
    if (last) for (const suffix of ['', '-wal', '-shm']) rmSync(`${last}${suffix}`, { force: true });
    last = file(`read-models-${round++}.sqlite`);
    const started = performance.now();
    const models = await SqliteReadModels.open({ path: last, store, projections: [commitmentViewProjection], upTo: head });
    await models.close();
    return { units: events, ms: performance.now() - started };
  };
  const raw = async (): Promise<RoundResult> => {
    const started = performance.now();
    const units = readRawEvents(logPath);
    return { units, ms: performance.now() - started };
  };
  const comparison = await interleave(rebuild, raw, {
    rounds: REBUILD_ROUNDS,
    roundMs: 0,
    warmupRounds: 0,
    onRound: (side, r) => progress(`      rebuild round ${r + 1}: ${side}`),
  });
  await store.close();
  const ok = comparison.ratio >= 0.3 && comparison.adapter >= 50_000;
  return {
    readModels: last,
    row: {
      benchmark: 'full rebuild of the read models vs raw SELECT + JSON.parse',
      measured: `${formatNumber(comparison.adapter)} events/s`,
      baseline: `${formatNumber(comparison.baseline)} events/s`,
      ratio: comparison.ratio,
      target: '≥ 0.30× and ≥ 50 000 events/s',
      ok,
      detail: { adapterRates: comparison.adapterRates, baselineRates: comparison.baselineRates },
    },
  };
}

/** Waits until the server uses less than a fifth of a core (whatever it still does after answering /health). */
async function untilIdle(server: BenchServer, maxMs = 120_000): Promise<number> {
  const started = performance.now();
  let calm = 0;
  while (performance.now() - started < maxMs && calm < 2) {
    const before = processCpuMs(server.pid) ?? 0;
    await new Promise((r) => setTimeout(r, 1000));
    calm = (processCpuMs(server.pid) ?? 0) - before < 200 ? calm + 1 : 0;
  }
  return performance.now() - started;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

interface Tally {
  good: number;
  errors: number;
  sample?: string;
}

function client(tally: Tally, next: (i: number) => { body: string; field: string }, offset: number, token: string): LoadClient {
  let i = offset;
  let field = '';
  return {
    headers: { authorization: `Bearer ${token}` },
    next: () => {
      const request = next(i++);
      field = request.field;
      return request.body;
    },
    answer: (status, text) => {
      // A success starts with the field's data (graphql-js puts `errors` first when there are
      // any): checked without parsing, so the load generator, on the same two cores, does not
      // spend a JSON.parse of every answer (a region overview is 270 KB at a million events).
      if (status === 200 && text.startsWith(`{"data":{"${field}":`) && !text.startsWith('null', field.length + 12)) return tally.good++, 1;
      try {
        const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
        if (status === 200 && !body.errors && body.data?.[field]) return tally.good++, 1;
      } catch {
        // counted below
      }
      tally.errors++;
      tally.sample ??= `${status} ${text.slice(0, 300)}`;
      return 0;
    },
  };
}

/**
 * 2. Dashboards at 16 clients vs `{ __typename }` on the same server. Each client is a
 * council member of their own (the rate limit is per identity: one identity asking for
 * dashboards as fast as sixteen can would be refused within seconds, as it should be).
 * Before the rounds, each question is asked once: what the first caller after a start
 * waits for (the views decoded from the read models, each answer computed), reported
 * apart from the steady state the rounds measure.
 */
async function dashboardsRow(server: BenchServer, tokens: readonly string[]): Promise<Row> {
  const tally: Tally = { good: 0, errors: 0 };
  const trivial: Tally = { good: 0, errors: 0 };
  const headers = { 'content-type': 'application/json' };
  const firstAnswersMs: number[] = [];
  for (let i = 0; i < QUESTIONS; i++) {
    const started = performance.now();
    const question = dashboardBody(i);
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${tokens[0]}` }, body: question.body });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (answer.errors || !answer.data?.[question.field]) throw new Error(`dashboard failed: ${JSON.stringify(answer).slice(0, 400)}`);
    firstAnswersMs.push(performance.now() - started);
  }
  progress(`      first answers after the start: ${firstAnswersMs.map((m) => ms(m)).join(', ')}`);
  const round = (tallyOf: Tally, body: (i: number) => { body: string; field: string }) => (roundMs: number) =>
    runLoad({ url: server.url, path: '/graphql', headers, connections: CLIENTS, ms: roundMs, client: (c) => client(tallyOf, body, c * 5, tokens[c]!) });
  const comparison = await interleave<LoadRound, LoadRound>(round(tally, (i) => dashboardBody(i)), round(trivial, () => ({ body: TRIVIAL, field: '__typename' })), {
    rounds: ROUNDS,
    roundMs: ROUND_MS,
    onRound: (side, r, warmup) => progress(`      dashboards round ${warmup ? 'warm-up' : r + 1}: ${side}`),
  });
  const p = (results: readonly LoadRound[], q: number) => median(results.map((r) => percentile(r.latencies, q)));
  const p99 = p(comparison.adapterResults, 99);
  const ok = comparison.ratio >= 0.5 && p99 < 25 && tally.errors === 0 && trivial.errors === 0;
  return {
    benchmark: `dashboards, ${CLIENTS} clients, vs \`{ __typename }\` (p50 / p99)`,
    measured: `${formatNumber(comparison.adapter)} req/s (${ms(p(comparison.adapterResults, 50))} / ${ms(p99)})`,
    baseline: `${formatNumber(comparison.baseline)} req/s (${ms(p(comparison.baselineResults, 50))} / ${ms(p(comparison.baselineResults, 99))})`,
    ratio: comparison.ratio,
    target: '≥ 0.50×, p99 < 25 ms',
    ok,
    detail: { adapterRates: comparison.adapterRates, baselineRates: comparison.baselineRates, errors: tally.errors + trivial.errors, sample: tally.sample ?? trivial.sample, firstAnswersMs },
  };
}

/** 3. As-of dashboards, a different moment each time, one client: p95 vs the same questions now. */
async function asOfRow(server: BenchServer, token: string): Promise<Row> {
  const from = Date.parse('2023-09-01T00:00:00+07:00');
  const to = Date.parse('2025-06-28T00:00:00+07:00');
  const time = async (body: string, field: string): Promise<number> => {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (answer.errors || !answer.data?.[field]) throw new Error(`as-of dashboard failed: ${JSON.stringify(answer).slice(0, 400)}`);
    return performance.now() - started;
  };
  const asOf: number[] = [];
  const now: number[] = [];
  for (let i = 0; i < AS_OF_QUERIES; i++) {
    // A different moment each time, spread over the log's two years (golden-ratio steps).
    const moment = new Date(from + (((i * 0.618_034) % 1) * (to - from))).toISOString();
    const question = dashboardBody(i, moment);
    asOf.push(await time(question.body, question.field));
    const current = dashboardBody(i);
    now.push(await time(current.body, current.field));
  }
  const p95 = percentile(asOf, 95);
  const base = percentile(now, 95);
  return {
    benchmark: '`asOf` dashboards, a new moment each, 1 client: p95 vs the same without asOf',
    measured: ms(p95),
    baseline: ms(base),
    ratio: base / p95,
    target: 'p95 < 300 ms',
    ok: p95 < 300,
    detail: { asOfMs: asOf, nowMs: now },
  };
}

/** 5. Projection lag while commands run at half their maximum rate (in this process, on the server's files). */
async function lagRow(eventsPath: string, readModelsPath: string): Promise<Row> {
  const store = new SqliteEventStore({ path: eventsPath });
  const models = await SqliteReadModels.open({ path: readModelsPath, store, projections: [commitmentViewProjection] });
  const region = regionFrom(SOUTHEAST_REGION, { subject: 'bench', roles: ['council'] }).region;
  const open = models.read((db) =>
    db.all<{ id: string; committer: string }>("SELECT id, committer FROM commitment_views WHERE status = 'active' AND deadline > '2027' ORDER BY id LIMIT 4000"),
  );
  const cache = new StreamCache<unknown>(1_000);
  let next = 0;
  const write = async (): Promise<{ commitMs: number; lagMs: number }> => {
    const target = open[next++ % open.length]!;
    const now = new Date();
    const today = vietnamDate(now);
    const province = successorOn(region, target.committer, today);
    const command: ReportProgress = {
      type: 'ReportProgress',
      data: { value: next % 100, reportedFor: today },
      metadata: { now, actor: { subject: `officer-${province}`, roles: ['province'], province } },
      context: { region },
    };
    const started = performance.now();
    const result = await handleCommand(store, commitmentDecider, commitmentStream(target.id), command, { schemas: commitmentSchemas, cache });
    const committed = performance.now();
    await models.waitFor(result.position);
    return { commitMs: committed - started, lagMs: performance.now() - committed };
  };
  const max = await concurrentLoops(ROUND_MS * 2, WRITERS, async () => (await write(), 1));
  const maxRate = (max.units / max.ms) * 1000;
  const rate = maxRate / 2;
  progress(`      commands: at most ${formatNumber(maxRate)}/s with ${WRITERS} writers; now at ${formatNumber(rate)}/s`);
  const samples: { commitMs: number; lagMs: number }[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < ROUND_MS * 4; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(write().then((s) => void samples.push(s)));
  }
  await Promise.all(inFlight);
  await models.close();
  await store.close();
  const lag = percentile(samples.map((s) => s.lagMs), 99);
  const commit = percentile(samples.map((s) => s.commitMs), 99);
  return {
    benchmark: `projection lag p99 at half the maximum command rate (${formatNumber(rate)} of ${formatNumber(maxRate)} reportProgress/s) vs the append's own p99`,
    measured: ms(lag),
    baseline: ms(commit),
    ratio: commit / lag,
    target: 'p99 < 50 ms',
    ok: lag < 50,
    detail: { maxRate, rate, samples: samples.length, lagP50: percentile(samples.map((s) => s.lagMs), 50), commitP50: percentile(samples.map((s) => s.commitMs), 50) },
  };
}

async function main(): Promise<void> {
  const begun = performance.now();
  const dir = createBenchDir('bench-read');
  const machine = describeMachine(dir.path);
  try {
    progress(`[0/5] synthetic region (${EVENTS} events, seed ${SEED}) …`);
    const region = await syntheticRegion(EVENTS, SEED, (m) => progress(`      ${m}`));
    progress('[1/5] full rebuild of the read models vs raw SELECT + JSON.parse …');
    const rebuilt = await rebuildRow(region.path, region.events, dir.file);

    progress('[2/5] start-up: an empty platform, then the region on persisted read models …');
    // As the image runs it (NODE_ENV=production), except for seals: the synthetic log has
    // none, so a node would seal all of it a minute after start, in the middle of the
    // dashboards (bench:audit measures that work); a real log is sealed every hour.
    const env = (dataDir: string) => ({ NODE_ENV: 'production', DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: SECRET, SEAL_INTERVAL_MS: '0' });
    let started = performance.now();
    const empty = await startBenchServer(env(dir.file('empty')));
    const emptyStartMs = performance.now() - started;
    await untilIdle(empty, 10_000);
    const emptyRss = residentMb(empty.pid);
    await empty.stop();
    const data = dir.file('region');
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    copyFileSync(region.path, join(data, 'events.sqlite'));
    copyFileSync(rebuilt.readModels, join(data, 'read-models.sqlite'));
    started = performance.now();
    const server = await startBenchServer(env(data));
    const startMs = performance.now() - started;
    const settledMs = await untilIdle(server);
    progress(`      up in ${ms(startMs)} (empty: ${ms(emptyStartMs)}); busy for ${ms(settledMs)} more`);
    const council = await signHs256(SECRET, { sub: 'bench-council', name: 'Ban thư ký', roles: ['council'] });
    const members = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => signHs256(SECRET, { sub: `bench-council-${c}`, name: 'Ban thư ký', roles: ['council'] })));
    let dashboards: Row;
    let asOf: Row;
    let rss: number;
    try {
      progress(`[3/5] dashboards at ${CLIENTS} clients vs { __typename } …`);
      dashboards = await dashboardsRow(server, members);
      progress(`[4/5] asOf dashboards, ${AS_OF_QUERIES} moments …`);
      asOf = await asOfRow(server, council);
      rss = residentMb(server.pid);
    } finally {
      await server.stop();
    }
    progress('[5/5] projection lag at half the maximum command rate …');
    const lag = await lagRow(join(data, 'events.sqlite'), join(data, 'read-models.sqlite'));

    const rows: Row[] = [
      rebuilt.row,
      dashboards,
      asOf,
      lag,
      {
        benchmark: 'start-up on persisted read models vs on an empty log (until /health answers)',
        measured: ms(startMs),
        baseline: ms(emptyStartMs),
        ratio: emptyStartMs / startMs,
        target: '< 3 s',
        ok: startMs < 3000,
        detail: { busyAfterStartMs: settledMs },
      },
      {
        benchmark: 'resident memory after the dashboards vs an empty platform',
        measured: `${Math.round(rss)} MB`,
        baseline: `${Math.round(emptyRss)} MB`,
        ratio: emptyRss / rss,
        target: '< 600 MB',
        ok: rss < 600,
        detail: {},
      },
    ];
    const table = markdownTable(
      [
        { title: 'benchmark' },
        { title: 'measured', align: 'right' },
        { title: 'baseline', align: 'right' },
        { title: 'ratio', align: 'right' },
        { title: 'target', align: 'right' },
        { title: 'ok', align: 'center' },
      ],
      rows.map((r) => [r.benchmark, r.measured, r.baseline, r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`, r.target, r.ok ? '✓' : '✗']),
    );
    const met = rows.filter((r) => r.ok).length;
    const seconds = (performance.now() - begun) / 1000;
    const text = [
      '## council read side at region scale',
      '',
      formatMachine(machine),
      `settings: events=${region.events}, commitments=${region.commitments}, seed=${SEED}, clients=${CLIENTS}, rounds=${ROUNDS}, roundMs=${ROUND_MS}, rebuildRounds=${REBUILD_ROUNDS}, asOfQueries=${AS_OF_QUERIES}, synchronous=FULL (server), seconds=${seconds.toFixed(0)}`,
      '',
      table,
      '',
      `ratios for absolute targets are baseline / measured (time or memory): information only`,
      `targets met: ${met}/${rows.length}`,
    ].join('\n');
    process.stdout.write(`${text}\n`);
    const path = await writeReport('bench-read.json', { generatedAt: new Date().toISOString(), machine, region, rows, targetsMet: met, targetsTotal: rows.length, markdown: table });
    progress(`report written to ${path}`);
  } finally {
    dir.remove();
  }
}

await main();
