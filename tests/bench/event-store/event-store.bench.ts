/**
 * `npm run bench:event-store`: the SQLite event-store adapter against raw node:sqlite,
 * measured in one run on fresh databases in a temp dir, both at synchronous=FULL.
 * Prints the machine, one Markdown table of ratios with targets, and `targets met: N/M`;
 * writes the same to reports/bench-event-store.json. Always exits 0 when it finishes:
 * a missed target is a ✗ in the table, not a failure.
 *
 * Knobs: BENCH_ROUNDS (default 7), BENCH_ROUND_MS (default 400), BENCH_DIR (where the
 * temp dir goes; default the OS temp dir), BENCH_KEEP=1 (keep the databases).
 */
import type { ExpectedRevision, NewEvent, RecordedEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { createBenchDir, writeReport } from '../support/files.js';
import { describeMachine } from '../support/machine.js';
import { commitmentEvent } from '../support/payloads.js';
import type { BenchRow } from '../support/results.js';
import { buildReport, formatReport } from '../support/results.js';
import type { Workload } from '../support/rounds.js';
import { concurrentLoops, interleave, timeLoop } from '../support/rounds.js';
import { RawEventTable } from './raw-sqlite.js';

const SYNCHRONOUS = 'FULL' as const;
const ROUNDS = envInt('BENCH_ROUNDS', 7);
const ROUND_MS = envInt('BENCH_ROUND_MS', 400);
const BATCH = 100;
const WRITERS = 32;
const STREAM_LENGTH = 1_000;
const LOG_STREAMS = 10; // the read database: 10 streams × 1,000 events = 10,000 events
const PAGE = 1_000;

/** Keeps results reachable so that no read can be optimised away. */
let sink: unknown;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

// Payloads are made before timing starts, so neither side pays for the harness's own work.
const POOL = Array.from({ length: 4_096 }, (_, i) => commitmentEvent(i));
const pooled = (i: number): NewEvent => POOL[i % POOL.length]!;

function events(first: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, k) => pooled(first + k));
}

function recordedAt(): string {
  return new Date().toISOString();
}

const dir = createBenchDir('bench-event-store');
const openStores: SqliteEventStore[] = [];
const openTables: RawEventTable[] = [];

function store(name: string): SqliteEventStore {
  const s = new SqliteEventStore({ path: dir.file(`${name}.db`), synchronous: SYNCHRONOUS });
  openStores.push(s);
  return s;
}

function table(name: string): RawEventTable {
  const t = new RawEventTable(dir.file(`${name}.db`), SYNCHRONOUS);
  openTables.push(t);
  return t;
}

async function compare(
  index: number,
  spec: Omit<BenchRow, 'comparison'>,
  adapter: Workload,
  baseline: Workload,
): Promise<BenchRow> {
  const started = performance.now();
  progress(`[${index}/5] ${spec.benchmark} …`);
  const comparison = await interleave(adapter, baseline, { rounds: ROUNDS, roundMs: ROUND_MS, warmupRounds: 1 });
  progress(
    `      adapter ${comparison.adapter.toFixed(0)} ${spec.unit}/s, baseline ${comparison.baseline.toFixed(0)} ${spec.unit}/s,` +
      ` ratio ${comparison.ratio.toFixed(2)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { ...spec, comparison };
}

/** 1. One event per append, exact expected revision, one after the other. */
async function singleAppend(): Promise<BenchRow> {
  const adapterStore = store('single-adapter');
  const raw = table('single-raw');
  const streamId = 'commitment-single';
  let expectedRevision: ExpectedRevision = 'no_stream';
  let a = 0;
  let rawRevision = 0;
  let b = 0;
  return compare(
    1,
    {
      benchmark: 'durable single-event append',
      unit: 'appends',
      target: 0.6,
      baselineDescription: 'autocommit INSERT of one row (JSON.stringify of data and metadata)',
    },
    (ms) =>
      timeLoop(ms, async () => {
        const result = await adapterStore.appendToStream(streamId, [pooled(a++)], { expectedRevision });
        expectedRevision = result.nextExpectedRevision;
        return 1;
      }),
    (ms) =>
      timeLoop(ms, () => {
        raw.insertOne(streamId, rawRevision++, pooled(b++), recordedAt());
        return 1;
      }),
  );
}

/** 2. 100 events in one append against 100 rows in one raw transaction. */
async function batchAppend(): Promise<BenchRow> {
  const adapterStore = store('batch-adapter');
  const raw = table('batch-raw');
  const streamId = 'commitment-batch';
  let expectedRevision: ExpectedRevision = 'no_stream';
  let a = 0;
  let rawRevision = 0;
  let b = 0;
  return compare(
    2,
    {
      benchmark: `${BATCH}-event append`,
      unit: 'events',
      target: 0.7,
      baselineDescription: `BEGIN IMMEDIATE, ${BATCH} INSERTs, COMMIT`,
    },
    (ms) =>
      timeLoop(ms, async () => {
        const result = await adapterStore.appendToStream(streamId, events(a, BATCH), { expectedRevision });
        a += BATCH;
        expectedRevision = result.nextExpectedRevision;
        return BATCH;
      }),
    (ms) =>
      timeLoop(ms, () => {
        raw.insertBatch(streamId, rawRevision, events(b, BATCH), recordedAt());
        b += BATCH;
        rawRevision += BATCH;
        return BATCH;
      }),
  );
}

/** 3. 32 writers, each on its own stream and awaiting its previous append, against one writer. */
async function concurrentAppend(): Promise<BenchRow> {
  const concurrent = store('concurrent-adapter');
  const single = store('concurrent-single');
  const revisions: ExpectedRevision[] = Array.from({ length: WRITERS }, () => 'no_stream');
  let singleRevision: ExpectedRevision = 'no_stream';
  let a = 0;
  let b = 0;
  return compare(
    3,
    {
      benchmark: `${WRITERS} concurrent writers vs 1 writer`,
      unit: 'appends',
      target: 5,
      baselineDescription: 'the adapter with one sequential writer (single-event appends)',
    },
    (ms) =>
      concurrentLoops(ms, WRITERS, async (writer) => {
        const result = await concurrent.appendToStream(`commitment-writer-${writer}`, [pooled(a++)], {
          expectedRevision: revisions[writer]!,
        });
        revisions[writer] = result.nextExpectedRevision;
        return 1;
      }),
    (ms) =>
      timeLoop(ms, async () => {
        const result = await single.appendToStream('commitment-writer-single', [pooled(b++)], {
          expectedRevision: singleRevision,
        });
        singleRevision = result.nextExpectedRevision;
        return 1;
      }),
  );
}

/** The read database: LOG_STREAMS streams of STREAM_LENGTH events, appended round-robin in batches. */
async function populateReadDatabases(): Promise<{ adapterStore: SqliteEventStore; raw: RawEventTable }> {
  const started = performance.now();
  const adapterStore = store('read-adapter');
  const raw = table('read-raw');
  let i = 0;
  for (let batch = 0; batch < STREAM_LENGTH / BATCH; batch++) {
    for (let s = 0; s < LOG_STREAMS; s++) {
      const streamId = `commitment-read-${s}`;
      const batchEvents = events(i, BATCH);
      i += BATCH;
      await adapterStore.appendToStream(streamId, batchEvents, {
        expectedRevision: batch === 0 ? 'no_stream' : BigInt(batch * BATCH - 1),
      });
      raw.insertBatch(streamId, batch * BATCH, batchEvents, recordedAt());
    }
  }
  progress(`      wrote ${i} events into each read database (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { adapterStore, raw };
}

/**
 * 4. Load one 1,000-event stream, against a raw select that parses the JSON as any loader
 * must; then, for information only, against a select that leaves the JSON as text.
 */
async function loadStream(adapterStore: SqliteEventStore, raw: RawEventTable): Promise<BenchRow[]> {
  const streamId = 'commitment-read-3';
  const loaded = await adapterStore.readStream(streamId, { maxCount: STREAM_LENGTH });
  const rows = raw.selectStream(streamId, STREAM_LENGTH);
  if (loaded.length !== STREAM_LENGTH || rows.length !== STREAM_LENGTH)
    throw new Error(`expected ${STREAM_LENGTH} events, read ${loaded.length} (adapter) and ${rows.length} (raw)`);
  const adapterLoad = (ms: number) =>
    timeLoop(ms, async () => {
      sink = await adapterStore.readStream(streamId, { maxCount: STREAM_LENGTH });
      return 1;
    });
  const name = `load a ${STREAM_LENGTH.toLocaleString('en-US')}-event stream`;
  return [
    await compare(
      4,
      {
        benchmark: name,
        unit: 'loads',
        target: 0.7,
        baselineDescription: 'prepared SELECT … WHERE stream_id = ? ORDER BY revision, .all(), JSON.parse of data and metadata',
      },
      adapterLoad,
      (ms) =>
        timeLoop(ms, () => {
          sink = raw.loadStream(streamId, STREAM_LENGTH);
          return 1;
        }),
    ),
    await compare(
      4,
      {
        benchmark: `${name} (vs rows with JSON as text)`,
        unit: 'loads',
        baselineDescription: 'prepared SELECT … WHERE stream_id = ? ORDER BY revision, .all() (JSON left as text)',
      },
      adapterLoad,
      (ms) =>
        timeLoop(ms, () => {
          sink = raw.selectStream(streamId, STREAM_LENGTH);
          return 1;
        }),
    ),
  ];
}

/** 5. Page through the whole 10,000-event log, 1,000 at a time, data and metadata parsed. */
async function readAllPages(adapterStore: SqliteEventStore, raw: RawEventTable): Promise<BenchRow> {
  const total = STREAM_LENGTH * LOG_STREAMS;
  const adapterPass = async (): Promise<number> => {
    let after: bigint | undefined;
    let count = 0;
    for (;;) {
      const page: RecordedEvent[] = await adapterStore.readAll({ after, maxCount: PAGE });
      count += page.length;
      sink = page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return count;
      after = last.position;
    }
  };
  const rawPass = (): number => {
    let after = 0;
    let count = 0;
    for (;;) {
      const page = raw.selectPage(after, PAGE);
      for (const row of page) {
        (row as { data: unknown }).data = JSON.parse(row.data);
        (row as { metadata: unknown }).metadata = JSON.parse(row.metadata);
      }
      count += page.length;
      sink = page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return count;
      after = last.position;
    }
  };
  const [a, b] = [await adapterPass(), rawPass()];
  if (a !== total || b !== total) throw new Error(`expected ${total} events, read ${a} (adapter) and ${b} (raw)`);
  return compare(
    5,
    {
      benchmark: `readAll ${total.toLocaleString('en-US')} events in pages of ${PAGE.toLocaleString('en-US')}`,
      unit: 'events',
      target: 0.7,
      baselineDescription: 'prepared SELECT … WHERE position > ? ORDER BY position LIMIT ?, .all(), JSON.parse of data and metadata',
    },
    (ms) => timeLoop(ms, adapterPass),
    (ms) => timeLoop(ms, rawPass),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = describeMachine(dir.path);
  const rows: BenchRow[] = [];
  try {
    rows.push(await singleAppend());
    rows.push(await batchAppend());
    rows.push(await concurrentAppend());
    const read = await populateReadDatabases();
    rows.push(...(await loadStream(read.adapterStore, read.raw)));
    rows.push(await readAllPages(read.adapterStore, read.raw));
  } finally {
    for (const s of openStores) await s.close();
    for (const t of openTables) t.close();
    dir.remove();
  }
  void sink;
  const report = buildReport(
    'SQLite event store vs raw node:sqlite',
    machine,
    {
      synchronous: SYNCHRONOUS,
      journal: 'WAL',
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      warmupRounds: 1,
      statistic: 'median of interleaved rounds',
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    rows,
    new Date(),
  );
  const path = await writeReport('bench-event-store.json', report);
  console.log(formatReport(report));
  progress(`report written to ${path}`);
}

await main();
