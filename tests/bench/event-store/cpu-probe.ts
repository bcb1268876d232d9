/**
 * CPU per append, not wall time: what each kind of append costs the process on this
 * machine whatever else runs (`node dist/tests/bench/event-store/cpu-probe.js`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpectedRevision, NewEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { commitmentEvent } from '../support/payloads.js';
import { RawEventTable } from './raw-sqlite.js';

const POOL = Array.from({ length: 4_096 }, (_, i) => commitmentEvent(i));
const pooled = (i: number): NewEvent => POOL[i % POOL.length]!;
const sync = (process.env['PROBE_SYNC'] ?? 'NORMAL') as 'FULL' | 'NORMAL';
const dir = mkdtempSync(join(tmpdir(), 'cpu-probe-'));

function cpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const only = process.env['PROBE_ONLY'];

async function measure(label: string, units: number, run: () => Promise<void>): Promise<void> {
  if (only && !label.startsWith(only)) return;
  await run(); // warm-up on the same store
  const best: number[] = [];
  for (let r = 0; r < 5; r++) {
    const before = cpuUs();
    await run();
    best.push((cpuUs() - before) / units);
  }
  best.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(34)} ${best[0]!.toFixed(1).padStart(7)} µs CPU/unit (min), median ${best[2]!.toFixed(1)}\n`);
}

let n = 0;
const store = (name: string) => new SqliteEventStore({ path: join(dir, `${name}.db`), synchronous: sync });

try {
  const single = store('single');
  let rev: ExpectedRevision = 'no_stream';
  await measure('single-event append', 2_000, async () => {
    for (let i = 0; i < 2_000; i++) rev = (await single.appendToStream('s', [pooled(n++)], { expectedRevision: rev })).nextExpectedRevision;
  });
  const batch = store('batch');
  let brev: ExpectedRevision = 'no_stream';
  await measure('100-event append (per event)', 100 * 100, async () => {
    for (let i = 0; i < 100; i++) {
      const events = Array.from({ length: 100 }, () => pooled(n++));
      brev = (await batch.appendToStream('b', events, { expectedRevision: brev })).nextExpectedRevision;
    }
  });
  const concurrent = store('concurrent');
  const revs: ExpectedRevision[] = Array.from({ length: 32 }, () => 'no_stream');
  await measure('32 concurrent writers (per append)', 32 * 100, async () => {
    await Promise.all(
      revs.map(async (_, w) => {
        for (let i = 0; i < 100; i++)
          revs[w] = (await concurrent.appendToStream(`w-${w}`, [pooled(n++)], { expectedRevision: revs[w]! })).nextExpectedRevision;
      }),
    );
  });
  const raw = new RawEventTable(join(dir, 'raw.db'), sync);
  let rawRevision = 0;
  await measure('100-row raw transaction (per row)', 100 * 100, async () => {
    for (let i = 0; i < 100; i++) {
      raw.insertBatch('b', rawRevision, Array.from({ length: 100 }, () => pooled(n++)), new Date().toISOString());
      rawRevision += 100;
    }
  });
  raw.close();
  for (const s of [single, batch, concurrent]) await s.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
