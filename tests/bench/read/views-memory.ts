/**
 * `node --expose-gc dist/tests/bench/read/views-memory.js <events.sqlite> <read-models.sqlite>`
 * (after `npm run build`; e.g. on the files `BENCH_KEEP=1 npm run bench:read:cpu` leaves
 * under BENCH_DIR): the dashboards' views (ProjectedCommitmentViews) on persisted read
 * models, without a rebuild. Prints the CPU their background read takes, the process's
 * resident memory and V8 heap once it is done (after a full GC), and the CPU of `asOf` at
 * BENCH_AS_OF_QUERIES moments (default 36) spread over the log, as bench:read:cpu asks them.
 * Write access is needed (SQLite's WAL): use copies.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { getHeapStatistics } from 'node:v8';
import { ProjectedCommitmentViews } from '@council/commitments/feature';
import { commitmentViewProjection, regionOverview } from '@council/commitments/read-models';
import { regionFrom, SOUTHEAST_REGION } from '@council/region/domain';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { ownCpuMs } from '../support/cpu.js';
import { percentile } from '../support/stats.js';

const [logPath, modelsPath] = process.argv.slice(2);
if (!logPath || !modelsPath) throw new Error('usage: views-memory.js <events.sqlite> <read-models.sqlite>');
const AS_OF_QUERIES = Number(process.env['BENCH_AS_OF_QUERIES']) || 36;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const memory = () => {
  global.gc?.();
  const m = process.memoryUsage();
  const v = getHeapStatistics();
  // Linux: the anonymous part of the resident memory (what the heaps and buffers take, not the mapped binary).
  const anonymous = /RssAnon:\s+(\d+)/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '')?.[1];
  return (
    `rss ${mb(m.rss)}${anonymous ? ` (anonymous ${mb(Number(anonymous) * 1024)})` : ''}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} ` +
    `(physical ${mb(v.total_physical_size)}, V8 malloc ${mb(v.malloced_memory)}, peak ${mb(v.peak_malloced_memory)}), external ${mb(m.external)}`
  );
};

const store = new SqliteEventStore({ path: logPath, synchronous: 'NORMAL' });
const head = await store.headPosition();
const models = await SqliteReadModels.open({ path: modelsPath, store, projections: [commitmentViewProjection], upTo: head });
process.stdout.write(`opened:                  ${memory()}\n`);
const start = ownCpuMs();
const views = new ProjectedCommitmentViews(models, store);
for (let calm = 0; calm < 2; ) {
  const before = ownCpuMs();
  await new Promise((resolve) => setTimeout(resolve, 250));
  calm = ownCpuMs() - before < 25 ? calm + 1 : 0;
}
process.stdout.write(`background read:         ${Math.round(ownCpuMs() - start)} ms CPU\n`);
await views.current();
process.stdout.write(`views and versions read: ${memory()}\n`);
const first = await store.readAll({ after: 0n, maxCount: 1 });
const last = await store.readAll({ after: head - 1n, maxCount: 1 });
const from = Date.parse(first[0]!.metadata.recordedAt);
const to = Date.parse(last[0]!.metadata.recordedAt);
// BENCH_PROFILE=<file>: a V8 CPU profile of the as-of answers alone (open it in Chrome's DevTools).
const profiler = process.env['BENCH_PROFILE'] ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => profiler!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
if (profiler) {
  profiler.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const cpu: number[] = [];
// And the region overview computed on each answer (the seed region: the dashboards' own share of an as-of question).
const region = regionFrom(SOUTHEAST_REGION, { subject: 'bench', roles: ['council'] }).region;
const overview: number[] = [];
for (let i = 0; i < AS_OF_QUERIES; i++) {
  const moment = new Date(from + (((i * 0.618_034) % 1) * (to - from)));
  const c = ownCpuMs();
  const answer = await views.asOf(moment);
  cpu.push(ownCpuMs() - c);
  const o = ownCpuMs();
  regionOverview(answer, moment.toISOString().slice(0, 10), region, { provinces: 'as-they-are' });
  overview.push(ownCpuMs() - o);
}
if (profiler) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(process.env['BENCH_PROFILE']!, JSON.stringify(profile));
  profiler.disconnect();
}
process.stdout.write(`asOf CPU ms in order:    ${cpu.map((c) => Math.round(c)).join(' ')}\n`);
process.stdout.write(`asOf (${AS_OF_QUERIES} moments):     p50 ${percentile(cpu, 50).toFixed(0)} / p95 ${percentile(cpu, 95).toFixed(0)} ms CPU\n`);
process.stdout.write(`regionOverview on them:  p50 ${percentile(overview, 50).toFixed(0)} / p95 ${percentile(overview, 95).toFixed(0)} ms CPU\n`);
process.stdout.write(`after the as-of answers: ${memory()}\n`);

if (process.env['BENCH_BREAKDOWN']) {
  // What each part the views keep costs: dropped one after another, the heap after a full GC.
  const own = views as unknown as Record<string, { clear(): void } | unknown>;
  const heap = () => {
    global.gc?.();
    global.gc?.();
    return process.memoryUsage().heapUsed;
  };
  let before = heap();
  const drop = (label: string, clear: () => void) => {
    clear();
    const after = heap();
    process.stdout.write(`  ${label}: ${mb(before - after)}\n`);
    before = after;
  };
  drop('decoded states', () => (own['states'] as Map<unknown, unknown>).clear());
  drop('shared strings and objects', () => {
    (own['strings'] as Map<unknown, unknown>).clear();
    (own['objects'] as Map<unknown, unknown>).clear();
  });
  // The versions' columns are outside the JS heap (see `external` above); their maps by commitment and day are not.
  drop('versions', () => (own['versions'] = undefined));
  drop('views', () => {
    (own['byId'] as Map<unknown, unknown>).clear();
    own['sorted'] = undefined;
  });
  process.stdout.write(`  left: ${mb(before)}\n`);
}
views.onModuleDestroy();
await models.close();
await store.close();
