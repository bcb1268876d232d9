/**
 * `node --expose-gc dist/tests/bench/read/dashboards-cpu.js <events.sqlite> <read-models.sqlite>`
 * (after `npm run build`; on copies of the files `BENCH_KEEP=1 npm run bench:read:cpu`
 * leaves under BENCH_DIR): the dashboards' own share of an as-of answer. The commitment
 * views are taken `asOf` BENCH_AS_OF_QUERIES moments (default 12) spread over the log, as
 * bench:read:cpu asks them; on each, the twelve dashboards bench:read asks (three tracks,
 * eight provinces, the region overview) are answered through the GraphQL resolver (the
 * read-model computation and the mapper, without HTTP), each on a fresh copy of the views
 * array so that nothing computed for one is reused by the next, as when every question
 * asks a new moment. Prints CPU per dashboard (p50 / p95 / total), the heap allocated and
 * the GC time. BENCH_REPEAT=<n>: each answer n times, its least CPU counted (allocation and
 * GC then count all n).
 * BENCH_DUMP=<file>: also writes every answer (both province views, and judged on a day
 * after the 2025 mergers too) as JSON lines, to compare two builds' answers.
 */
import { writeFileSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { type CommitmentView } from '@council/commitments/read-models';
import { CommitmentViews, DashboardsResolver, ProjectedCommitmentViews, ProvinceView, Track } from '@council/commitments/feature';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { RegionReader } from '@council/region/feature';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { ownCpuMs } from '../support/cpu.js';
import { percentile } from '../support/stats.js';

const [logPath, modelsPath] = process.argv.slice(2);
if (!logPath || !modelsPath) throw new Error('usage: dashboards-cpu.js <events.sqlite> <read-models.sqlite>');
const AS_OF_QUERIES = Number(process.env['BENCH_AS_OF_QUERIES']) || 12;
const DUMP = process.env['BENCH_DUMP'];
const REPEAT = Number(process.env['BENCH_REPEAT']) || 1;

/** Answers every question with the one views array it is given (a copy each time). */
class FixedViews extends CommitmentViews {
  views: readonly CommitmentView[] = [];
  async current(): Promise<readonly CommitmentView[]> {
    return [...this.views];
  }
  async asOf(): Promise<readonly CommitmentView[]> {
    return [...this.views];
  }
  async effectiveOn(): Promise<readonly CommitmentView[]> {
    return [...this.views];
  }
}

const store = new SqliteEventStore({ path: logPath, synchronous: 'NORMAL' });
const head = await store.headPosition();
const models = await SqliteReadModels.open({ path: modelsPath, store, projections: [commitmentViewProjection], upTo: head });
const projected = new ProjectedCommitmentViews(models, store);
await projected.current();
const fixed = new FixedViews();
const regionReader = new RegionReader(store);
const resolver = new DashboardsResolver(fixed, regionReader, { now: () => new Date() }, undefined as never);
const first = await store.readAll({ after: 0n, maxCount: 1 });
const last = await store.readAll({ after: head - 1n, maxCount: 1 });
const from = Date.parse(first[0]!.metadata.recordedAt);
const to = Date.parse(last[0]!.metadata.recordedAt);

/** The heap allocated and the GC time while `work` runs (V8's GC profiler: heap used before each GC minus after the one before). */
async function allocation(work: () => Promise<void>): Promise<{ bytes: number; gcMs: number }> {
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  await work();
  const end = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop() as unknown as { statistics: { cost: number; beforeGC: { heapStatistics: { usedHeapSize: number } }; afterGC: { heapStatistics: { usedHeapSize: number } } }[] };
  let bytes = 0;
  let after = start;
  let gcMs = 0;
  for (const gc of statistics) {
    bytes += gc.beforeGC.heapStatistics.usedHeapSize - after;
    after = gc.afterGC.heapStatistics.usedHeapSize;
    gcMs += gc.cost / 1000;
  }
  return { bytes: bytes + end - after, gcMs };
}

const TRACKS = [Track.TRANSPORT, Track.HEALTH, Track.WORKFORCE];
const PROVINCES = ['79', '74', '75', '77', '70', '72', '80', '83'];
const questions: { kind: string; ask: (asOf: Date | null, day: string | null, provinces: ProvinceView) => Promise<unknown> }[] = [
  ...TRACKS.map((track) => ({ kind: 'track', ask: (asOf: Date | null, day: string | null, p: ProvinceView) => resolver.trackDashboard(track, asOf, day, p) })),
  ...PROVINCES.map((code) => ({ kind: 'province', ask: (asOf: Date | null, day: string | null, p: ProvinceView) => resolver.provinceScorecard(code, asOf, day, p) })),
  { kind: 'overview', ask: (asOf: Date | null, day: string | null, p: ProvinceView) => resolver.regionOverview(asOf, day, p) },
];
const cpu = new Map<string, number[]>(['track', 'province', 'overview'].map((k) => [k, []]));
const dump: string[] = [];
const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
let views = 0;
let measuredMs = 0;
let allocated = 0;
let gcMs = 0;
for (let i = 0; i < AS_OF_QUERIES; i++) {
  const moment = new Date(from + (((i * 0.618_034) % 1) * (to - from)));
  fixed.views = await projected.asOf(moment);
  views += fixed.views.length;
  if (!process.env['BENCH_NO_GC']) global.gc?.();
  const spent = await allocation(async () => {
    for (const q of questions) {
      // The least of REPEAT answers (each on a fresh copy of the views): the machine's noise only ever adds.
      let cpuMs = Infinity;
      for (let r = 0; r < REPEAT; r++) {
        const c = ownCpuMs();
        await q.ask(moment, null, ProvinceView.AS_THEY_ARE);
        cpuMs = Math.min(cpuMs, ownCpuMs() - c);
      }
      cpu.get(q.kind)!.push(cpuMs);
      measuredMs += cpuMs;
    }
  });
  allocated += spent.bytes;
  gcMs += spent.gcMs;
  process.stderr.write(`  ${moment.toISOString()}: ${fixed.views.length} views, ${Math.round(spent.bytes / 1e6)} MB allocated, GC ${Math.round(spent.gcMs)} ms\n`);
  if (DUMP) {
    for (const [asOf, day] of [[moment, null], [moment, '2026-03-01'], [moment, '2025-07-01']] as const)
      for (const p of [ProvinceView.AS_THEY_ARE, ProvinceView.AS_THEY_WERE])
        for (const q of questions) dump.push(json({ moment, day, p, kind: q.kind, answer: await q.ask(asOf, day, p) }));
  }
}
const line = (kind: string) => {
  const c = cpu.get(kind)!;
  if (process.env['BENCH_VERBOSE']) process.stderr.write(`  ${kind}: ${c.map((x) => Math.round(x)).join(' ')}\n`);
  return `${kind.padEnd(9)} p50 ${percentile(c, 50).toFixed(1)} / p95 ${percentile(c, 95).toFixed(1)} ms CPU, total ${Math.round(c.reduce((a, b) => a + b, 0))} ms (${c.length} answers)`;
};
process.stdout.write(
  [
    `${AS_OF_QUERIES} moments, ${Math.round(views / AS_OF_QUERIES)} views on average`,
    line('track'),
    line('province'),
    line('overview'),
    `all dashboards: ${Math.round(measuredMs)} ms CPU, ${Math.round(allocated / 1e6)} MB allocated, GC ${Math.round(gcMs)} ms`,
  ].join('\n') + '\n',
);
if (DUMP) writeFileSync(DUMP, `${dump.join('\n')}\n`);
projected.onModuleDestroy();
await models.close();
await store.close();
