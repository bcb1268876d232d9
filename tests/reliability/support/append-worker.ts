/**
 * One process of the concurrency test: its own SqliteEventStore on the shared file,
 * appending to the shared streams with exact expected revisions read just before.
 * Started by concurrency.spec.ts with `fork` (dist build); reports every attempt over IPC.
 */
import { ConcurrencyError } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';

export interface Attempt {
  readonly stream: string;
  /** -1: no_stream */
  readonly expected: number;
  readonly eventId: string;
  readonly outcome: 'won' | 'conflict' | string;
  /** How long an attempt that neither won nor lost took (ms): a lock wait longer than the busy timeout, or not. */
  readonly ms?: number;
  /** SQLite's extended result code behind it, if any. */
  readonly errcode?: number;
}

const [path, worker, attempts, streams, busyTimeoutMs] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6])];
const store = new SqliteEventStore({ path, busyTimeoutMs, pollIntervalMs: 60_000 });
const results: Attempt[] = [];

for (let i = 0; i < attempts; i++) {
  const stream = `race-${(i * 7 + worker) % streams}`;
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const expected = last ? Number(last.revision) : -1;
  const eventId = `0190a000-0000-7000-8000-${String(worker).padStart(4, '0')}${String(i).padStart(8, '0')}`;
  const started = performance.now();
  try {
    await store.appendToStream(stream, [{ id: eventId, type: 'Raced', data: { worker, i } }], {
      expectedRevision: expected < 0 ? 'no_stream' : BigInt(expected),
    });
    results.push({ stream, expected, eventId, outcome: 'won' });
  } catch (error) {
    if (error instanceof ConcurrencyError) results.push({ stream, expected, eventId, outcome: 'conflict' });
    else results.push({ stream, expected, eventId, outcome: `${(error as Error).name}: ${(error as Error).message}`, errcode: ((error as Error).cause as { errcode?: number } | undefined)?.errcode, ms: Math.round(performance.now() - started) });
  }
}
await store.close();
process.send!(results, () => process.exit(0));
