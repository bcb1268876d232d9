import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoData } from '@council/commitments/demo-data';
import { EventStore, FixedClock, type Projection, StoreUnavailableError, type ReadAllOptions, type RecordedEvent, type SubscribeOptions } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { APP_PROJECTIONS, readModelDifference } from './support/log-check.js';
import { makeDataDir, removeDataDir, repoRoot } from '@council/tests/support';

/**
 * Redelivery: the projector sees every event twice (a store that redelivers each page
 * and each live event), and dies between applying a batch and committing it, or while it
 * builds a new file. Either way the read models end equal to a fresh rebuild from the log.
 */

/** Delivers everything twice: each page of readAll doubled, each live event followed by itself. */
class RedeliveringStore extends EventStore {
  constructor(private readonly inner: EventStore) {
    super();
  }
  appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    return this.inner.appendToStream(...args);
  }
  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.inner.readStream(...args);
  }
  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const page = await this.inner.readAll(options);
    return page.flatMap((e) => [e, e]);
  }
  async *subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    for await (const e of this.inner.subscribeToAll(options)) {
      yield e;
      yield e;
    }
  }
  headPosition() {
    return this.inner.headPosition();
  }
  health() {
    return this.inner.health();
  }
  close() {
    return this.inner.close();
  }
}

/** A live subscription that breaks (StoreUnavailableError) after every `every` events, as a dropped connection does. */
class BreakingSubscriptionStore extends RedeliveringStore {
  breaks = 0;
  constructor(private readonly source: EventStore, private readonly every: number) {
    super(source);
  }
  override readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.source.readAll(options);
  }
  override async *subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    let delivered = 0;
    for await (const e of this.source.subscribeToAll(options)) {
      yield e;
      if (++delivered % this.every === 0) {
        this.breaks++;
        throw new StoreUnavailableError('injected: the subscription dropped');
      }
    }
  }
}

/** Digests of a rebuild from the plain log up to `upTo`. */
async function rebuilt(store: EventStore, upTo: bigint): Promise<Record<string, string>> {
  const fresh = await SqliteReadModels.open({ path: ':memory:', store, projections: APP_PROJECTIONS, upTo });
  try {
    return fresh.digests();
  } finally {
    await fresh.close();
  }
}

describe('the projector when events are delivered twice, or it dies mid-batch', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let head: bigint;
  /** Where the commitment projection applies something: where a kill lands inside its transaction. */
  let commitmentPositions: bigint[];

  beforeAll(async () => {
    dataDir = await makeDataDir('council-redelivery-');
    store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite'), synchronous: 'NORMAL' });
    await seedDemoData(store, new FixedClock('2023-01-02T01:00:00Z'));
    head = await store.headPosition();
    commitmentPositions = (await store.readAll({ filter: { streamPrefixes: ['commitment-'] } })).map((e) => e.position);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('catches up from pages that hold every event twice and equals a rebuild', async () => {
    const models = await SqliteReadModels.open({ path: join(dataDir, 'twice-catch-up.sqlite'), store: new RedeliveringStore(store), projections: APP_PROJECTIONS, batchSize: 50, upTo: head });
    try {
      expect(models.position()).toBe(head);
      expect(models.digests()).toEqual(await rebuilt(store, head));
    } finally {
      await models.close();
    }
  });

  it('applies a redelivered event once, even to a projection that counts what it sees', async () => {
    const counting: Projection = {
      name: 'seen',
      version: 1,
      schema: ['CREATE TABLE seen (position INTEGER NOT NULL, type TEXT NOT NULL) STRICT'],
      apply: (db, event) => db.run('INSERT INTO seen (position, type) VALUES (?, ?)', event.position, event.type),
    };
    const twice = await SqliteReadModels.open({ path: ':memory:', store: new RedeliveringStore(store), projections: [counting], upTo: head });
    const once = await SqliteReadModels.open({ path: ':memory:', store, projections: [counting], upTo: head });
    try {
      expect(twice.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM seen'))).toEqual({ n: Number(head) });
      expect(twice.digests()).toEqual(once.digests());
    } finally {
      await twice.close();
      await once.close();
    }
  });

  it('follows a live subscription that delivers every event twice and equals a rebuild', async () => {
    const source = await makeDataDir('council-redelivery-live-');
    const live = new SqliteEventStore({ path: join(source, 'events.sqlite'), synchronous: 'NORMAL' });
    const models = await SqliteReadModels.open({ path: join(source, 'read-models.sqlite'), store: new RedeliveringStore(live), projections: APP_PROJECTIONS });
    try {
      // The demo region written while the projector follows live: every event arrives twice.
      await seedDemoData(live, new FixedClock('2023-01-02T01:00:00Z'));
      const liveHead = await live.headPosition();
      await models.waitFor(liveHead, 30_000);
      expect(models.digests()).toEqual(await rebuilt(live, liveHead));
    } finally {
      await models.close();
      await live.close();
      await removeDataDir(source);
    }
  }, 60_000);

  it('resubscribes by itself when its live subscription keeps dropping, and equals a rebuild', async () => {
    const source = await makeDataDir('council-redelivery-drops-');
    const live = new SqliteEventStore({ path: join(source, 'events.sqlite'), synchronous: 'NORMAL' });
    const breaking = new BreakingSubscriptionStore(live, 97);
    const models = await SqliteReadModels.open({ path: join(source, 'read-models.sqlite'), store: breaking, projections: APP_PROJECTIONS });
    try {
      await seedDemoData(live, new FixedClock('2023-01-02T01:00:00Z'));
      const liveHead = await live.headPosition();
      await models.waitFor(liveHead, 30_000);
      expect(breaking.breaks).toBeGreaterThan(2);
      expect(models.digests()).toEqual(await rebuilt(live, liveHead));
    } finally {
      await models.close();
      await live.close();
      await removeDataDir(source);
    }
  }, 60_000);

  it('dies with SIGKILL while it builds a new file from the log, leaving no read models, then builds them again on its next start', async () => {
    const killAt = commitmentPositions[300]!;
    const dir = await makeDataDir('council-projector-kill-');
    const readModels = join(dir, 'read-models.sqlite');
    try {
      expect(await killProjector(readModels, killAt, 100)).toBe('SIGKILL');
      // What the crash left: only the unfinished file beside, never opened as read models.
      expect({ readModels: existsSync(readModels), beside: existsSync(`${readModels}.rebuild`) }).toEqual({ readModels: false, beside: true });
      const models = await SqliteReadModels.open({ path: readModels, store, projections: APP_PROJECTIONS, upTo: head });
      try {
        expect(models.position()).toBe(head);
        expect(models.digests()).toEqual(await rebuilt(store, head));
        expect(existsSync(`${readModels}.rebuild`)).toBe(false);
      } finally {
        await models.close();
      }
    } finally {
      await removeDataDir(dir);
    }
  }, 60_000);

  it.each([
    ['in its first batch', (p: bigint[]) => p[2]!, 1_000],
    ['in a later batch, after checkpoints were committed', (p: bigint[]) => p[300]!, 100],
    ['on the last event of a batch', (p: bigint[]) => p.find((x) => x > p[1]! && (x - p[1]!) % 50n === 0n)!, 50],
  ])('dies with SIGKILL between applying and committing while it catches a file up, %s, then recovers to equal a rebuild', async (_title, pick, batchSize) => {
    const killAt = pick(commitmentPositions);
    // The file answers up to the second commitment event, then catches up in batches of `batchSize`.
    const from = commitmentPositions[1]!;
    const dir = await makeDataDir('council-projector-kill-');
    const readModels = join(dir, 'read-models.sqlite');
    try {
      expect(killAt).toBeLessThan(head);
      expect(await killProjector(readModels, killAt, batchSize, from)).toBe('SIGKILL');
      // What the crash left: the checkpoint stops before the batch it died in, and matches its contents.
      const { checkpoint, difference } = await inspect(dir, readModels);
      expect(checkpoint).toBeGreaterThanOrEqual(from);
      expect(checkpoint).toBeLessThan(killAt);
      expect(difference).toBeNull();
      // The next start carries on from the checkpoint: everything once.
      const models = await SqliteReadModels.open({ path: readModels, store, projections: APP_PROJECTIONS, upTo: head });
      try {
        expect(models.digests()).toEqual(await rebuilt(store, head));
      } finally {
        await models.close();
      }
    } finally {
      await removeDataDir(dir);
    }
  }, 60_000);

  /** Runs the projector worker until it kills itself at `killAt`; answers how it ended. */
  function killProjector(readModels: string, killAt: bigint, batchSize: number, from?: bigint): Promise<NodeJS.Signals | number | null> {
    return new Promise((resolve) => {
      const args = [join(dataDir, 'events.sqlite'), readModels, String(killAt), String(batchSize), ...(from === undefined ? [] : [String(from)])];
      const child = fork(join(repoRoot, 'dist/tests/reliability/support/projector-worker.js'), args, { stdio: 'ignore' });
      child.on('exit', (code, signal) => resolve(signal ?? code));
    });
  }

  async function inspect(dir: string, readModels: string): Promise<{ checkpoint: bigint; difference: unknown }> {
    // readModelDifference expects the app's file names: events.sqlite and read-models.sqlite side by side.
    const { copyFile } = await import('node:fs/promises');
    await copyFile(join(dataDir, 'events.sqlite'), join(dir, 'events.sqlite'));
    for (const suffix of ['-wal', '-shm']) await copyFile(join(dataDir, `events.sqlite${suffix}`), join(dir, `events.sqlite${suffix}`)).catch(() => undefined);
    const difference = await readModelDifference(dir);
    const probe = await SqliteReadModels.open({ path: readModels, store, projections: APP_PROJECTIONS, upTo: 0n });
    const checkpoint = probe.position();
    await probe.close();
    return { checkpoint, difference };
  }
});
