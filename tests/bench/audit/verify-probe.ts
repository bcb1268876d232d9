/**
 * CPU per verified event at a small size (`node dist/tests/bench/audit/verify-probe.js [events] [file]`):
 * writes a synthetic log once (kept in the file given; without one, a fresh file removed after),
 * then verifies it PROBE_ROUNDS times (default 3) in process and prints the best and the median
 * events per CPU-second. Judged by CPU time, so it means something on a shared machine.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLog } from '@council/audit/feature';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { commitmentEvent } from '../support/payloads.js';

const events = Number(process.argv[2] ?? 100_000);
// Without a file: a fresh log in the temp dir, written by this process first, as bench:audit does.
const fresh = process.argv[3] === undefined;
const path = process.argv[3] ?? join(tmpdir(), `verify-probe-${process.pid}.sqlite`);

if (!existsSync(path)) {
  const store = new SqliteEventStore({ path, synchronous: 'NORMAL' });
  const pool = Array.from({ length: 100 }, (_, i) => commitmentEvent(i));
  const pending: Promise<unknown>[] = [];
  for (let s = 0; s * 100 < events; s++) {
    pending.push(store.appendToStream(`commitment-bench-${s}`, pool.slice(0, Math.min(100, events - s * 100)), { expectedRevision: 'no_stream' }));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await store.close();
}

const rounds = Number(process.env['PROBE_ROUNDS'] ?? 3);
const rates: number[] = [];
for (let round = 0; round < rounds; round++) {
  const store = new SqliteEventStore({ path });
  const before = process.cpuUsage();
  const report = await verifyLog(store, { contiguousPositions: true });
  const used = process.cpuUsage(before);
  await store.close();
  if (!report.ok || report.events !== BigInt(events)) throw new Error(`the log does not verify: ${JSON.stringify(report.problems[0], (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  rates.push(events / ((used.user + used.system) / 1e6));
}
if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
rates.sort((a, b) => b - a);
process.stdout.write(`verify ${events} events: best ${Math.round(rates[0]!)} events per CPU-second, median ${Math.round(rates[Math.floor(rates.length / 2)]!)}\n`);
