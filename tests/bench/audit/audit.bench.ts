/**
 * `npm run bench:audit`: what the audit costs on a synthetic log. For each size (default
 * 100,000 and 1,000,000 events, BENCH_SIZES=100000,300000 to change), it writes a log of
 * realistic commitment events, then runs the built CLI as an auditor would: `verify`,
 * `export` and `import` (into an empty store), each timed and with its peak memory (max
 * RSS); `verify` checks the log only (--skip-read-models). Verify is also timed in
 * process (no start-up), against the target of 100,000 events/s. Export must run in flat
 * memory: its peak RSS at the largest size is compared with the smallest. Prints a Markdown table; writes reports/bench-audit.json. Exits 0.
 *
 * The generator here is deliberately simple (N streams of 100 events, one append each);
 * the realistic region generator lives under tests/bench/read.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifyLog } from '@council/audit/feature';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { createBenchDir, writeReport } from '../support/files.js';
import { describeMachine, formatMachine } from '../support/machine.js';
import { commitmentEvent } from '../support/payloads.js';
import { formatNumber, markdownTable } from '../support/table.js';

const SIZES = (process.env['BENCH_SIZES'] ?? '100000,1000000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const STREAM_LENGTH = 100;
const VERIFY_TARGET = 100_000;
const cli = resolve(process.cwd(), 'dist/apps/council-cli/src/main.js');
const dir = createBenchDir('bench-audit');

const say = (message: string) => process.stderr.write(`${message}\n`);

async function writeLog(path: string, events: number): Promise<void> {
  const store = new SqliteEventStore({ path, synchronous: 'NORMAL' });
  const pool = Array.from({ length: STREAM_LENGTH }, (_, i) => commitmentEvent(i));
  try {
    const pending: Promise<unknown>[] = [];
    for (let s = 0; s * STREAM_LENGTH < events; s++) {
      const count = Math.min(STREAM_LENGTH, events - s * STREAM_LENGTH);
      pending.push(store.appendToStream(`commitment-bench-${s}`, pool.slice(0, count), { expectedRevision: 'no_stream' }));
      if (pending.length >= 64) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
  } finally {
    await store.close();
  }
}

interface Run {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly code: number | null;
}

/** Runs the CLI and reports its wall time and peak memory (max RSS, read by the process itself at exit). */
function runCli(args: readonly string[]): Promise<Run> {
  const started = performance.now();
  const probe = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;
  const child = spawn(process.execPath, ['--import', probe, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? NaN);
      if (code !== 0) say(`council ${args.join(' ')} exited ${code}:\n${stderr}`);
      done({ seconds: (performance.now() - started) / 1000, maxRssMb: kb / 1024, code });
    });
  });
}

interface SizeResult {
  readonly events: number;
  readonly verifyInProcessPerSecond: number;
  /** Events per second of CPU the verifying process got: what one idle core would do, whatever else runs. */
  readonly verifyPerCpuSecond: number;
  readonly verify: Run;
  readonly export: Run;
  readonly import: Run;
  readonly exportFileMb: number;
}

async function measure(events: number): Promise<SizeResult> {
  const data = join(dir.path, `log-${events}`);
  say(`[${events}] writing the log …`);
  await writeLog(join(data, 'events.sqlite'), events);
  say(`[${events}] verify in process …`);
  const store = new SqliteEventStore({ path: join(data, 'events.sqlite') });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await verifyLog(store, { contiguousPositions: true });
  const verifySeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const verifyCpuSeconds = (used.user + used.system) / 1e6;
  await store.close();
  if (!report.ok || report.events !== BigInt(events)) throw new Error(`the synthetic log does not verify: ${JSON.stringify(report.problems[0])}`);
  say(`[${events}] council verify, export, import …`);
  const verify = await runCli(['verify', '-d', data, '--skip-read-models', '--json']);
  const file = join(dir.path, `log-${events}.jsonl`);
  const exported = await runCli(['export', '-d', data, '-o', file, '--json']);
  const imported = await runCli(['import', file, '-d', join(dir.path, `restored-${events}`), '--json']);
  return { events, verifyInProcessPerSecond: events / verifySeconds, verifyPerCpuSecond: events / verifyCpuSeconds, verify, export: exported, import: imported, exportFileMb: statSync(file).size / 2 ** 20 };
}

async function main(): Promise<void> {
  const results: SizeResult[] = [];
  try {
    for (const size of SIZES) {
      mkdirSync(join(dir.path, `log-${size}`), { recursive: true });
      results.push(await measure(size));
    }
  } finally {
    dir.remove();
  }
  const rate = (events: number, run: Run) => `${formatNumber(events / run.seconds)} events/s`;
  const rows = results.map((r) => [
    formatNumber(r.events),
    `${formatNumber(r.verifyInProcessPerSecond)} events/s`,
    `${formatNumber(r.verifyPerCpuSecond)} events/s ${r.verifyPerCpuSecond >= VERIFY_TARGET ? '✓' : '✗'}`,
    rate(r.events, r.verify),
    rate(r.events, r.export),
    rate(r.events, r.import),
    `${formatNumber(r.export.maxRssMb)} MB`,
    `${formatNumber(r.verify.maxRssMb)} MB`,
    `${formatNumber(r.import.maxRssMb)} MB`,
    `${formatNumber(r.exportFileMb)} MB`,
  ]);
  const columns = ['events', 'verify (in process, wall)', 'verify per CPU-second', 'council verify', 'council export', 'council import', 'export peak RSS', 'verify peak RSS', 'import peak RSS', 'export file'].map((title, i) => ({ title, align: i === 0 ? ('left' as const) : ('right' as const) }));
  const smallest = results[0];
  const largest = results[results.length - 1];
  const flat = smallest && largest ? largest.export.maxRssMb / smallest.export.maxRssMb : NaN;
  const machine = describeMachine(dir.path);
  process.stdout.write(`${formatMachine(machine)}\n\n${markdownTable(columns, rows)}\n\n`);
  process.stdout.write(`CLI rates include the process start (about half a second). Export peak memory, largest ÷ smallest log: ${flat.toFixed(2)} (flat: below 1.5 ${flat < 1.5 ? '✓' : '✗'}).\n`);
  await writeReport('bench-audit.json', { title: 'audit: verify, export, import', generatedAt: new Date().toISOString(), machine, verifyTarget: VERIFY_TARGET, results, exportPeakRatio: flat });
}

await main();
