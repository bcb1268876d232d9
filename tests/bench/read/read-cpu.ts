/**
 * `npm run bench:read:cpu`: the rebuild and as-of parts of bench:read in this one process,
 * measured in CPU time as well as wall time, so that a figure taken on a busy machine
 * still says something. On a copy of the cached synthetic log (BENCH_EVENTS, default
 * 1,000,000; generated first if it is not cached):
 *   1. a raw `SELECT` of the events' columns + `JSON.parse` of their data (the baseline);
 *   2. the same events through the EventStore port (`readAll` pages), nothing else;
 *   3. a full rebuild of the read models (SqliteReadModels + commitmentViewProjection);
 *   4. the dashboards' views `asOf` BENCH_AS_OF_QUERIES moments (default 36) spread over
 *      the log (ProjectedCommitmentViews, as the server answers them, without GraphQL),
 *      once the process is idle (the views read the views and versions in the background
 *      first, as a server does after its start).
 * Prints one line per part: events per CPU-second and per wall second, or ms per answer.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ProjectedCommitmentViews } from '@council/commitments/feature';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { ownCpuMs } from '../support/cpu.js';
import { percentile } from '../support/stats.js';
import { readRawEvents } from './raw-read.js';
import { syntheticRegion } from './synthetic-region.js';

const EVENTS = envInt('BENCH_EVENTS', 1_000_000);
const SEED = envInt('BENCH_SEED', 7);
const AS_OF_QUERIES = envInt('BENCH_AS_OF_QUERIES', 36);

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function measure<T>(label: string, work: () => Promise<T> | T): Promise<{ result: T; cpuMs: number; wallMs: number }> {
  global.gc?.();
  const cpu = ownCpuMs();
  const wall = performance.now();
  const result = await work();
  const out = { result, cpuMs: ownCpuMs() - cpu, wallMs: performance.now() - wall };
  process.stderr.write(`  ${label}: ${Math.round(out.cpuMs)} ms CPU, ${Math.round(out.wallMs)} ms wall\n`);
  return out;
}

const rate = (events: number, ms: number) => Math.round((events * 1000) / ms).toLocaleString('en-US');

async function main(): Promise<void> {
  const region = await syntheticRegion(EVENTS, SEED, (m) => process.stderr.write(`  ${m}\n`));
  const dir = join(process.env['BENCH_DIR'] ?? tmpdir(), `council-read-cpu-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const logPath = join(dir, 'events.sqlite');
  copyFileSync(region.path, logPath);
  const modelsPath = join(dir, 'read-models.sqlite');
  try {
    const raw = await measure('raw SELECT + JSON.parse', () => readRawEvents(logPath));
    const store = new SqliteEventStore({ path: logPath, synchronous: 'NORMAL' });
    const head = await store.headPosition();
    const read = await measure('readAll pages', async () => {
      let n = 0;
      for (let after = 0n; ; ) {
        const page = await store.readAll({ after, maxCount: 5_000 });
        if (page.length === 0) return n;
        n += page.length;
        after = page[page.length - 1]!.position;
      }
    });
    const rebuild = await measure('rebuild', async () => {
      const models = await SqliteReadModels.open({ path: modelsPath, store, projections: [commitmentViewProjection], upTo: head });
      await models.close();
    });
    const models = await SqliteReadModels.open({ path: modelsPath, store, projections: [commitmentViewProjection], upTo: head });
    const views = new ProjectedCommitmentViews(models, store);
    // As the server bench does before it asks: until the process is idle (the views read views and versions in the background).
    const warm = await measure('background read of the views and versions', async () => {
      for (let calm = 0; calm < 2; ) {
        const before = ownCpuMs();
        await new Promise((resolve) => setTimeout(resolve, 250));
        calm = ownCpuMs() - before < 25 ? calm + 1 : 0;
      }
    });
    const first = await measure('first current()', () => views.current());
    const all = await store.readAll({ after: 0n, maxCount: 1 });
    const from = Date.parse(all[0]!.metadata.recordedAt);
    const last = await store.readAll({ after: head - 1n, maxCount: 1 });
    const to = Date.parse(last[0]!.metadata.recordedAt);
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < AS_OF_QUERIES; i++) {
      const moment = new Date(from + (((i * 0.618_034) % 1) * (to - from)));
      const c = ownCpuMs();
      const w = performance.now();
      await views.asOf(moment);
      cpu.push(ownCpuMs() - c);
      wall.push(performance.now() - w);
    }
    views.onModuleDestroy();
    await models.close();
    await store.close();
    const events = raw.result;
    const lines = [
      `events ${events}, commitments ${region.commitments}, read models ${(fileSize(modelsPath) / 1e6).toFixed(0)} MB`,
      `raw SELECT + JSON.parse: ${rate(events, raw.cpuMs)} events/CPU-s, ${rate(events, raw.wallMs)} events/s wall`,
      `readAll pages:           ${rate(events, read.cpuMs)} events/CPU-s, ${rate(events, read.wallMs)} events/s wall`,
      `rebuild:                 ${rate(events, rebuild.cpuMs)} events/CPU-s, ${rate(events, rebuild.wallMs)} events/s wall, ratio to raw ${(raw.cpuMs / rebuild.cpuMs).toFixed(2)}× (CPU) ${(raw.wallMs / rebuild.wallMs).toFixed(2)}× (wall)`,
      `read behind at start:    ${Math.round(warm.cpuMs)} ms CPU, ${Math.round(warm.wallMs)} ms wall (views and versions, until idle)`,
      `first current() after:   ${Math.round(first.cpuMs)} ms CPU, ${Math.round(first.wallMs)} ms wall`,
      `asOf CPU ms in order:    ${cpu.map((c) => Math.round(c)).join(' ')}`,
      `asOf (${AS_OF_QUERIES} moments):     p50 ${percentile(cpu, 50).toFixed(0)} / p95 ${percentile(cpu, 95).toFixed(0)} ms CPU, p50 ${percentile(wall, 50).toFixed(0)} / p95 ${percentile(wall, 95).toFixed(0)} ms wall`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (!process.env['BENCH_KEEP']) rmSync(dir, { recursive: true, force: true });
  }
}

function fileSize(path: string): number {
  try {
    return new DatabaseSync(path, { readOnly: true }).prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get()!['n'] as number;
  } catch {
    return 0;
  }
}

await main();
