import { describe, expect, it } from '@jest/globals';
import { seedDemoData } from '@council/commitments/demo-data';
import { type AppendOptions, type AppendResult, type EventStore, FixedClock, type NewEvent, type RecordedEvent, verifyStreamChain } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { seedRegionReferenceData } from '@council/region/feature';

/**
 * First-start seeding is crash-safe: a run cut short after any append (a SIGKILL lands
 * between two appends, each of which is atomic) is finished by the next run, which records
 * every missing step once and none twice. The resumed log equals one seeded in one go.
 */
const NOW = '2026-11-23T09:00:00+07:00';

/** A store that dies after `budget` appends, as a process killed at that moment would. */
function dyingAfter(store: EventStore, budget: number): EventStore {
  let left = budget;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStream')
        return (streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> =>
          left-- > 0 ? target.appendToStream(streamId, events, options) : Promise.reject(new Error('killed'));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** What a log says, without what differs from run to run (event ids, hashes chained on them). */
const facts = (log: readonly RecordedEvent[]) =>
  log.map((e) => ({ position: e.position, stream: e.streamId, revision: e.revision, type: e.type, data: e.data, commandId: e.metadata.commandId, actor: e.metadata.actor?.subject }));

async function logOf(seed: (store: EventStore, clock: FixedClock) => Promise<unknown>, killAfter?: number): Promise<RecordedEvent[]> {
  const clock = new FixedClock(NOW);
  const store = new SqliteEventStore({ path: ':memory:', clock });
  try {
    if (killAfter !== undefined) await expect(seed(dyingAfter(store, killAfter), clock)).rejects.toThrow();
    await seed(store, clock);
    // A third start finds the seeding complete and records nothing.
    const head = await store.headPosition();
    await seed(store, clock);
    expect(await store.headPosition()).toBe(head);
    const log = await store.readAll();
    for (const stream of new Set(log.map((e) => e.streamId))) expect(verifyStreamChain(await store.readStream(stream))).toBeNull();
    return log;
  } finally {
    await store.close();
  }
}

describe.each([
  ['the region reference data', (store: EventStore, clock: FixedClock) => seedRegionReferenceData(store, clock)],
  ['the demo region', (store: EventStore, clock: FixedClock) => seedDemoData(store, clock)],
])('first-start seeding of %s killed part-way', (_, seed) => {
  it('is finished by the next start: every step once, the log as if seeded in one go', async () => {
    const whole = facts(await logOf(seed));
    const appends = new Set(whole.map((e) => e.commandId)).size;
    expect(appends).toBeGreaterThan(3);
    // Killed after the first append, in the middle, and just before the last one.
    for (const killAfter of [1, Math.floor(appends / 2), appends - 1]) expect({ killAfter, log: facts(await logOf(seed, killAfter)) }).toEqual({ killAfter, log: whole });
  });
});

describe('a resumed first start', () => {
  it('finishes what began, whichever seeding DEMO_DATA would pick today: the demo is not finished as reference data, nor the reverse', async () => {
    const clock = new FixedClock(NOW);
    const store = new SqliteEventStore({ path: ':memory:', clock });
    await expect(seedDemoData(dyingAfter(store, 5), clock)).rejects.toThrow();
    const cut = Number(await store.headPosition());
    expect(await seedRegionReferenceData(store, clock)).toBe(0);
    const resumed = await seedDemoData(store, clock);
    expect(resumed).toMatchObject({ seeded: true, resumed: true });
    expect(resumed.events).toBe(Number(await store.headPosition()) - cut);
    await store.close();

    const other = new SqliteEventStore({ path: ':memory:', clock });
    await expect(seedRegionReferenceData(dyingAfter(other, 5), clock)).rejects.toThrow();
    expect(await seedDemoData(other, clock)).toMatchObject({ seeded: false, events: 0 });
    expect(await seedRegionReferenceData(other, clock)).toBeGreaterThan(0);
    await other.close();
  });
});
