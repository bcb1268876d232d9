import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { type RecordedEvent, verifyStreamChain } from '@council/platform/event-sourcing';
import type { Attempt } from './support/append-worker.js';
import { readLog } from './support/log-check.js';
import { makeDataDir, removeDataDir, repoRoot } from '@council/tests/support';

/**
 * Concurrency: separate processes, each with its own SqliteEventStore on one file,
 * race to append to the same few streams with exact expected revisions. Exactly one
 * winner per revision, no duplicate, no SQLITE_BUSY or other error leaking out: every
 * loser gets ConcurrencyError. CI: 4 processes × 400 attempts; RELIABILITY_LONG=1: 8 × 1,250 (10,000).
 */
const LONG = process.env['RELIABILITY_LONG'] === '1';
const PROCESSES = LONG ? 8 : 4;
const ATTEMPTS = LONG ? 1_250 : 400;
const STREAMS = 3;

describe(`${PROCESSES} processes appending to ${STREAMS} streams with exact revisions (${PROCESSES * ATTEMPTS} attempts)`, () => {
  let dataDir: string;
  let attempts: Attempt[];
  let log: RecordedEvent[];

  beforeAll(async () => {
    dataDir = await makeDataDir('council-race-');
    const path = join(dataDir, 'events.sqlite');
    const worker = join(repoRoot, 'dist/tests/reliability/support/append-worker.js');
    const runs = Array.from({ length: PROCESSES }, (_, index) =>
      new Promise<Attempt[]>((resolve, reject) => {
        const child = fork(worker, [path, String(index), String(ATTEMPTS), String(STREAMS)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        let stderr = '';
        let results: Attempt[] | undefined;
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('message', (message) => (results = message as Attempt[]));
        child.on('exit', (code) => (results ? resolve(results) : reject(new Error(`worker ${index} exited ${code} without results:\n${stderr}`))));
      }),
    );
    attempts = (await Promise.all(runs)).flat();
    log = await readLog(dataDir);
  }, LONG ? 1_800_000 : 120_000);

  afterAll(async () => {
    if (dataDir) await removeDataDir(dataDir);
  });

  it('answers every attempt with a win or a ConcurrencyError, nothing else (no SQLITE_BUSY)', () => {
    const other = attempts.filter((a) => a.outcome !== 'won' && a.outcome !== 'conflict');
    expect(other.slice(0, 5)).toEqual([]);
    expect(attempts).toHaveLength(PROCESSES * ATTEMPTS);
    // The race is real: losers exist.
    expect(attempts.filter((a) => a.outcome === 'conflict').length).toBeGreaterThan(0);
  });

  it('has exactly one winner per stream revision, and the log holds exactly the winners', () => {
    const winners = attempts.filter((a) => a.outcome === 'won');
    const byRevision = new Map<string, number>();
    for (const a of winners) byRevision.set(`${a.stream}@${a.expected + 1}`, (byRevision.get(`${a.stream}@${a.expected + 1}`) ?? 0) + 1);
    expect([...byRevision].filter(([, n]) => n !== 1)).toEqual([]);
    const logged = log.map((e) => `${e.streamId}@${e.revision}:${e.id}`).sort();
    const won = winners.map((a) => `${a.stream}@${a.expected + 1}:${a.eventId}`).sort();
    expect(logged).toEqual(won);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
  });

  it('leaves every stream gapless with an intact hash chain, and positions 1…head', () => {
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of log) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    expect([...streams.values()].map((events) => verifyStreamChain(events))).toEqual([...streams.keys()].map(() => null));
    expect(log.map((e) => Number(e.position))).toEqual(log.map((_, i) => i + 1));
  });
});
