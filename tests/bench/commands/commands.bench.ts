/**
 * `npm run bench:commands`: writes through the real council-api over HTTP, against the
 * cheapest thing the same server answers. It starts the built server as a child process
 * (SQLite at synchronous=FULL, DEMO_DATA=false, its own temp DATA_DIR, LOG_LEVEL=warn),
 * makes active commitments (proposed by 79, accepted by 75; a set for each concurrency),
 * then runs interleaved rounds at 1 and at 32 concurrent clients of
 *   - mutations: 9 in 10 `reportProgress` on one of the client's own active commitments
 *     (with the revision it last saw and a command id), 1 in 10 `proposeCommitment`;
 *   - the baseline: `{ __typename }` with the same bearer token and headers;
 * and, for information, the same `{ __typename }` with and without the token (what
 * verifying it costs, since the baseline pays it too).
 * Every answer is checked: a mutation answering with errors is an error (CONFLICT counted
 * apart), and a row with errors is not ✓. Prints the machine, one Markdown table and
 * `targets met: N/M`; writes reports/bench-commands.json. Exits 0 when it finishes.
 *
 * Knobs: BENCH_ROUNDS (default 7), BENCH_ROUND_MS (default 1500), BENCH_COMMITMENTS
 * (active commitments for each concurrency, default 256), BENCH_DIR (where the temp
 * data dir goes), BENCH_KEEP=1 (keep it), BENCH_CPU_PROF=1 (run the server with
 * --cpu-prof into reports/cpu-prof/ and print where its main thread spends the measured
 * rounds, per answer).
 */
import { join } from 'node:path';
import { type Bucket, type ProfileWindow, breakdown, monotonicUs, newestProfile, topSelfTime } from '../support/cpu-profile.js';
import { ownCpuMs, processCpuMs } from '../support/cpu.js';
import { createBenchDir, writeReport } from '../support/files.js';
import type { LoadClient, LoadRound } from '../support/http-load.js';
import { runLoad } from '../support/http-load.js';
import { describeMachine } from '../support/machine.js';
import type { BenchRow, LatencySummary } from '../support/results.js';
import { buildReport, formatReport } from '../support/results.js';
import { interleave } from '../support/rounds.js';
import { type BenchServer, repoRoot, startBenchServer } from '../support/server.js';
import { median, percentile } from '../support/stats.js';
import { formatNumber } from '../support/table.js';
import { signHs256 } from '../support/tokens.js';
import { ACCEPT, type MixState, PROPOSE, Tally, mutationClient, proposal, trivialClient } from './mix.js';

const SECRET = 'bench-commands-secret-not-for-production-0123456789';
const ROUNDS = envInt('BENCH_ROUNDS', 7);
const ROUND_MS = envInt('BENCH_ROUND_MS', 1500);
const COMMITMENTS = envInt('BENCH_COMMITMENTS', 256);
const PROPOSE_EVERY = 10;
const MANY = 32;
const TARGET_AT_MANY = 0.3;
const SETUP_CONCURRENCY = 16;
const COMMITTER = '79';
const COUNTERPARTY = '75';
const PROFILE_DIR = process.env['BENCH_CPU_PROF'] ? join(repoRoot, 'reports', 'cpu-prof') : undefined;

/**
 * The parts of a request the profile breakdown names, first match wins (a sample whose
 * stack holds a frame of an earlier bucket goes there). Frames are `function@module`.
 */
const BUCKETS: readonly Bucket[] = [
  { label: 'bearer token: HS256 verification (jose, WebCrypto)', frame: /@(jose|node:internal\/crypto)$/ },
  { label: 'event log: COMMIT incl. fsync (group commit)', frame: /^commit@libs\/platform\/event-store-sqlite$/ },
  { label: 'event log: read a stream (SELECT + JSON.parse)', frame: /^readStream@libs\/platform\/event-store-sqlite$/ },
  { label: 'event log: append (plan, hash chain, INSERT), live signal', frame: /@libs\/platform\/event-store-sqlite$/ },
  { label: 'read models: projecting new events (SQLite)', frame: /^flush@libs\/platform\/read-model-sqlite$/ },
  { label: 'read models: queries (viewById …)', frame: /@libs\/(platform\/read-model-sqlite|commitments\/read-models)$/ },
  { label: 'region: current members (RegionReader)', frame: /@libs\/region\// },
  { label: 'command: handleCommand, decide, evolve, upcast', frame: /@libs\/(platform\/event-sourcing|commitments\/domain)$/ },
  { label: 'commitments feature: writer, reader, presenter', frame: /@libs\/commitments\/feature$/ },
  { label: 'socket reads and writes', frame: /@(native writev|native writeUtf8String|native writeBuffer|node:net|node:internal\/stream_base_commons)$/ },
  { label: 'request logging: pino-http child logger, redaction', frame: /@(pino|pino-http|@pinojs\/.*)$/ },
  { label: 'GraphQL: Apollo, graphql-js, Nest resolvers, context', frame: /@(@apollo\/.*|graphql|@nestjs\/(graphql|apollo)|@as-integrations\/.*|libs\/platform\/nest)$/ },
  { label: 'NestJS core, CQRS bus, RxJS', frame: /@(@nestjs\/.*|rxjs)$/ },
  { label: 'HTTP: express, router, url parsing, headers', frame: /@(express|router|node:url|node:_http_.*|finalhandler|on-finished|parseurl|send|qs)$/ },
  { label: 'garbage collection', frame: /^\(garbage collector\)@/ },
];

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** One load round with what the server and the load generator spent on it. */
interface MeasuredRound extends LoadRound {
  /** CPU the server process used during the round (all its threads), when /proc tells. */
  readonly serverCpuMs?: number;
  /** CPU this process (the load generator) used during the round. */
  readonly benchCpuMs: number;
}

type Answer = { data?: Record<string, Record<string, unknown> | null> | null; errors?: { message?: string; extensions?: { code?: string } }[] };

/** One GraphQL request for set-up and counting (not timed); any error stops the run. */
async function ask(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: Answer;
  try {
    body = JSON.parse(text) as Answer;
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  if (body.errors?.length || !body.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data as Record<string, Record<string, unknown>>;
}

/** Runs `work(i)` for i in 0 … count - 1, `concurrency` at a time. */
async function pool<T>(count: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

/** Proposes `count` commitments by the committer and has the counterparty accept each: all ACTIVE at revision 2. */
async function createActiveCommitments(url: string, committerToken: string, counterpartyToken: string, count: number): Promise<string[]> {
  const started = performance.now();
  const ids = await pool(count, SETUP_CONCURRENCY, async (i) => {
    const proposed = (await ask(url, committerToken, PROPOSE, { input: proposal(i, COUNTERPARTY, 'cam kết'), commandId: `setup-${i}` }))['proposeCommitment']!;
    const id = proposed['id'] as string;
    const accepted = (await ask(url, counterpartyToken, ACCEPT, { id, expectedRevision: 0 }))['acceptCommitment']!;
    if (accepted['status'] !== 'ACTIVE' || accepted['revision'] !== 2) throw new Error(`commitment ${id} after acceptance: ${JSON.stringify(accepted)}`);
    return id;
  });
  progress(`      ${count} active commitments (${count * 3} events) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return ids;
}

/** The newest position of the server's log, from /health. */
async function logHead(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/health`)).json()) as { details?: { eventStore?: { head?: number } } };
  return health.details?.eventStore?.head ?? Number.NaN;
}

function latencyOf(rounds: readonly MeasuredRound[]): LatencySummary {
  return {
    p50: median(rounds.map((r) => percentile(r.latencies, 50))),
    p99: median(rounds.map((r) => percentile(r.latencies, 99))),
  };
}

interface Cost {
  /** The server's CPU per answer, ms. */
  readonly cpuMsPerAnswer: number;
  /** The server's CPU use, as a share of one core (above 1: its other threads worked too). */
  readonly busy: number;
  /** The load generator's (this process's) CPU use, as a share of one core. */
  readonly loadGeneratorBusy: number;
}

/** Medians over the rounds of what each process spent. */
function serverCost(rounds: readonly MeasuredRound[]): Cost | undefined {
  const measured = rounds.filter((r) => r.serverCpuMs !== undefined && r.answers > 0);
  if (measured.length === 0) return undefined;
  return {
    cpuMsPerAnswer: median(measured.map((r) => r.serverCpuMs! / r.answers)),
    busy: median(measured.map((r) => r.serverCpuMs! / r.ms)),
    loadGeneratorBusy: median(measured.map((r) => r.benchCpuMs / r.ms)),
  };
}

/** One side of a comparison: what its clients send and with which token (none: anonymous). */
interface Side {
  /** Short name, e.g. "mutations ×32": the profile breakdown's column. */
  readonly name: string;
  readonly token?: string;
  readonly tally: Tally;
  client(index: number): LoadClient;
}

interface Compared {
  readonly row: BenchRow;
  readonly sides: readonly [Side, Side];
  readonly rounds: readonly [readonly MeasuredRound[], readonly MeasuredRound[]];
}

class Bench {
  /** Measured rounds' time windows, for the profile breakdown. */
  readonly windows: ProfileWindow[] = [];
  private warmup = true;

  constructor(private readonly server: BenchServer) {}

  /** One round of `connections` clients for `ms`, with the CPU each process used. */
  async measure(side: Side, connections: number, ms: number): Promise<MeasuredRound> {
    const serverBefore = processCpuMs(this.server.pid);
    const benchBefore = ownCpuMs();
    const fromUs = monotonicUs();
    const round = await runLoad({
      url: this.server.url,
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(side.token && { authorization: `Bearer ${side.token}` }) },
      connections,
      ms,
      client: (index) => side.client(index),
    });
    if (!this.warmup) this.windows.push({ label: side.name, fromUs, toUs: monotonicUs(), answers: round.answers });
    const serverAfter = processCpuMs(this.server.pid);
    side.tally.transportErrors += round.transportErrors;
    return {
      ...round,
      benchCpuMs: ownCpuMs() - benchBefore,
      ...(serverBefore !== undefined && serverAfter !== undefined && { serverCpuMs: serverAfter - serverBefore }),
    };
  }

  async compare(
    index: string,
    spec: Omit<BenchRow, 'comparison' | 'latency' | 'errors' | 'unit'>,
    connections: number,
    sides: readonly [Side, Side],
  ): Promise<Compared> {
    const started = performance.now();
    progress(`${index} ${spec.benchmark} …`);
    const [a, b] = sides;
    const comparison = await interleave<MeasuredRound, MeasuredRound>(
      (ms) => this.measure(a, connections, ms),
      (ms) => this.measure(b, connections, ms),
      { rounds: ROUNDS, roundMs: ROUND_MS, warmupRounds: 1, onRound: (_side, _round, warmup) => (this.warmup = warmup) },
    );
    const errors = sides.reduce((n, side) => n + side.tally.errors + side.tally.transportErrors, 0);
    progress(
      `      ${a.name} ${formatNumber(comparison.adapter)}/s, ${b.name} ${formatNumber(comparison.baseline)}/s, ratio ${comparison.ratio.toFixed(2)};` +
        ` ${a.tally.conflicts + b.tally.conflicts} CONFLICT, ${errors} errors (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return {
      row: {
        ...spec,
        unit: 'req',
        comparison,
        latency: { adapter: latencyOf(comparison.adapterResults), baseline: latencyOf(comparison.baselineResults) },
        errors,
      },
      sides,
      rounds: [comparison.adapterResults, comparison.baselineResults],
    };
  }
}

function describeAnswers(results: readonly Compared[]): string[] {
  const lines: string[] = [];
  const described = new Set<Tally>();
  for (const { sides } of results)
    for (const side of sides) {
      if (described.has(side.tally)) continue;
      described.add(side.tally);
      const ok = [...side.tally.ok].map(([kind, n]) => `${n} ${kind}`).join(' + ') || 'none';
      lines.push(
        `answers checked, ${side.name} (all rounds, warm-up included): ${ok} ok, ${side.tally.conflicts} CONFLICT, ` +
          `${side.tally.errors + side.tally.transportErrors} errors`,
      );
      lines.push(...side.tally.describeErrors());
      if (side.tally.transportErrors > 0) lines.push(`  ${side.tally.transportErrors} × no answer (connection error or timeout)`);
    }
  return lines;
}

function describeCost(results: readonly Compared[]): string[] {
  return results.flatMap(({ sides, rounds }) => {
    const costs = rounds.map(serverCost);
    if (costs.some((c) => !c)) return [];
    const [a, b] = costs as [Cost, Cost];
    const pct = (busy: number) => `${Math.round(busy * 100)} %`;
    return [
      `server CPU per answer: ${sides[0].name} ${a.cpuMsPerAnswer.toFixed(3)} ms (server ${pct(a.busy)} of a core, load generator ${pct(a.loadGeneratorBusy)}), ` +
        `${sides[1].name} ${b.cpuMsPerAnswer.toFixed(3)} ms (${pct(b.busy)}, ${pct(b.loadGeneratorBusy)})`,
    ];
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = createBenchDir('bench-commands');
  const machine = describeMachine(dir.path);
  progress(`[0/3] starting council-api (SQLite, synchronous=FULL) in ${dir.path} …`);
  const server = await startBenchServer(
    { DATA_DIR: dir.path, DEMO_DATA: 'false', SQLITE_SYNCHRONOUS: 'FULL', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    PROFILE_DIR ? `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` : undefined,
  );
  const bench = new Bench(server);
  const results: Compared[] = [];
  const log: Record<string, number> = {};
  /** How long the active commitments' streams had grown by the end, per mutation workload. */
  const streams: { name: string; mean: number; max: number }[] = [];
  let exit: Awaited<ReturnType<BenchServer['stop']>> | undefined;
  try {
    const caller = (province: string) => ({ sub: `bench-${province}`, name: `Cán bộ tỉnh ${province}`, roles: ['province'] as const, province });
    const committer = await signHs256(SECRET, caller(COMMITTER));
    const counterparty = await signHs256(SECRET, caller(COUNTERPARTY));
    const auditor = await signHs256(SECRET, { sub: 'bench-auditor', name: 'Kiểm toán viên', roles: ['auditor'] });
    // Each concurrency writes to commitments of its own, so neither row depends on how long the other's streams grew.
    const levels = [1, MANY] as const;
    const all = await createActiveCommitments(server.url, committer, counterparty, COMMITMENTS * levels.length);
    const sets = levels.map((_, i) => all.slice(i * COMMITMENTS, (i + 1) * COMMITMENTS));
    log['headBefore'] = await logHead(server.url);
    for (const [i, clients] of levels.entries()) {
      const label = `${clients} ${clients === 1 ? 'client' : 'clients'}`;
      const commitments = sets[i]!;
      const state: MixState = {
        commitments,
        known: commitments.map(() => 2),
        cursors: new Map(),
        proposals: COMMITMENTS * levels.length,
        reports: 0,
        counterparty: COUNTERPARTY,
        run: `bench-${started.toFixed(0)}-${clients}`,
      };
      const mutations = new Tally();
      const trivial = new Tally();
      results.push(
        await bench.compare(
          `[${i + 1}/3]`,
          {
            benchmark: `${label}: mutations vs \`{ __typename }\``,
            ...(clients === MANY && { target: TARGET_AT_MANY }),
            baselineDescription: `POST /graphql { __typename } with the same bearer token and headers, ${label}`,
          },
          clients,
          [
            { name: `mutations ×${clients}`, token: committer, tally: mutations, client: (c) => mutationClient(state, mutations, clients, c, PROPOSE_EVERY) },
            { name: `{ __typename } ×${clients}`, token: committer, tally: trivial, client: () => trivialClient(trivial) },
          ],
        ),
      );
    }
    const withToken = new Tally();
    const anonymous = new Tally();
    results.push(
      await bench.compare(
        '[3/3]',
        {
          benchmark: `${MANY} clients: \`{ __typename }\` with the token vs without`,
          baselineDescription: `POST /graphql { __typename } without an Authorization header, ${MANY} clients`,
        },
        MANY,
        [
          { name: `{ __typename } ×${MANY} (token)`, token: committer, tally: withToken, client: () => trivialClient(withToken) },
          { name: `{ __typename } ×${MANY} (anonymous)`, tally: anonymous, client: () => trivialClient(anonymous) },
        ],
      ),
    );
    log['headAfter'] = await logHead(server.url);
    for (const [i, clients] of levels.entries()) {
      const commitments = sets[i]!;
      const revisions = await pool(commitments.length, SETUP_CONCURRENCY, async (c) => {
        const read = (await ask(server.url, auditor, `query ($id: ID!) { commitment(id: $id) { revision } }`, { id: commitments[c] }))['commitment']!;
        return read['revision'] as number;
      });
      streams.push({
        name: `mutations ×${clients}`,
        mean: Math.round((revisions.reduce((a, b) => a + b + 1, 0) / revisions.length) * 10) / 10,
        max: Math.max(...revisions) + 1,
      });
    }
  } catch (error) {
    progress(`the server's last output:\n${server.output()}`);
    throw error;
  } finally {
    exit = await server.stop();
    dir.remove();
  }
  if (exit.code !== 0) progress(`council-api exited with ${exit.code ?? exit.signal}; its last output:\n${server.output()}`);
  const notes = [
    ...describeAnswers(results),
    ...describeCost(results),
    `log: ${log['headBefore']} events after set-up, ${log['headAfter']} after the rounds`,
    ...streams.map((s) => {
      const rounds = results.flatMap((r) => (r.sides[0].name === s.name ? r.row.comparison.adapterRates : []));
      return (
        `${s.name}: its ${COMMITMENTS} active commitments' streams grew from 3 events to ${s.mean} on average (at most ${s.max});` +
        ` measured rounds in order: ${rounds.map((rate) => formatNumber(rate)).join(', ')} req/s`
      );
    }),
  ];
  const report = buildReport(
    'council-api commands over HTTP vs a trivial query',
    machine,
    {
      server: 'dist/apps/council-api, SQLite event store',
      synchronous: 'FULL',
      journal: 'WAL',
      logLevel: 'warn',
      activeCommitments: `${COMMITMENTS} per concurrency`,
      mix: `${PROPOSE_EVERY - 1} reportProgress : 1 proposeCommitment`,
      loadGenerator: 'autocannon in the bench process, same machine',
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      warmupRounds: 1,
      statistic: 'median of interleaved rounds',
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    results.map((r) => r.row),
    new Date(),
    { adapterLabel: 'workload', baselineLabel: 'baseline', notes },
  );
  let profile: Record<string, unknown> | undefined;
  let profileText: string | undefined;
  if (PROFILE_DIR) {
    const found = await newestProfile(PROFILE_DIR);
    if (found) {
      const split = breakdown(found.profile, bench.windows, BUCKETS);
      profile = { path: found.path, perAnswerUs: split.perAnswerUs };
      profileText = [`server CPU profile: ${found.path}`, split.table, '', topSelfTime(found.profile)].join('\n');
    } else profileText = `no CPU profile in ${PROFILE_DIR}${exit.code === 0 ? '' : ' (the server did not exit cleanly)'}`;
  }
  const json = {
    ...report,
    answers: Object.fromEntries(results.flatMap((r) => r.sides.map((side) => [side.name, side.tally.toJSON()]))),
    serverCpu: Object.fromEntries(results.flatMap((r) => r.sides.map((side, i) => [side.name, serverCost(r.rounds[i]!) ?? null]))),
    log,
    streams,
    ...(profile && { profile }),
  };
  const path = await writeReport('bench-commands.json', json);
  console.log(formatReport(report));
  progress(`report written to ${path}`);
  if (profileText) progress(profileText);
}

await main();
