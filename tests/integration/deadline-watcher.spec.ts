import { afterEach, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { CommitmentsModule, CommitmentWriter, DeadlineWatcher } from '@council/commitments/feature';
import { proposal, province } from '@council/commitments/domain/testing';
import { commitmentStream, type AcceptCommitment, type DecideDeadlineExtension, type ProposeCommitment, type RequestDeadlineExtension } from '@council/commitments/domain';
import {
  type Actor,
  type AppendOptions,
  type AppendResult,
  EventStore,
  FixedClock,
  handleCommand,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreHealth,
  StoreUnavailableError,
  type SubscribeOptions,
} from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { EventSourcingModule, MetricsModule, ReadModelsModule } from '@council/platform/nest';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { REGION_STREAM, regionDecider, SOUTHEAST_REGION } from '@council/region/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const council: Actor = { subject: 'seed', roles: ['council'] };
const path = () => join(mkdtempSync(join(tmpdir(), 'council-watcher-')), 'events.sqlite');

/**
 * The log with faults a network adapter meets: its first live subscription breaks on the
 * first event it would deliver, and `headPosition` fails while `headDown` is above zero.
 */
class FlakyStore extends EventStore {
  subscriptions = 0;
  headDown = 0;

  constructor(readonly inner: EventStore) {
    super();
  }

  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  async *subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const first = ++this.subscriptions === 1;
    for await (const event of this.inner.subscribeToAll(options)) {
      if (first) throw new StoreUnavailableError('injected: the connection to the log was reset');
      yield event;
    }
  }

  async headPosition(): Promise<bigint> {
    if (this.headDown > 0) {
      this.headDown -= 1;
      throw new StoreUnavailableError('injected: the log did not answer');
    }
    return this.inner.headPosition();
  }

  health(): Promise<StoreHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The log at `file` with the region recorded, as the seed leaves it. */
async function seededLog(clock: FixedClock): Promise<string> {
  const file = path();
  const seed = new SqliteEventStore({ path: file, clock });
  for (const { command } of SOUTHEAST_REGION)
    await handleCommand(seed, regionDecider, REGION_STREAM, { ...command, metadata: { now: clock.now(), actor: council } } as never);
  await seed.close();
  return file;
}

async function missedDeadlines(file: string, id: string): Promise<unknown[][]> {
  const store = new SqliteEventStore({ path: file });
  try {
    return (await store.readStream(commitmentStream(id))).filter((e) => e.type === 'DeadlineMissed').map((e) => [e.data, e.metadata.actor?.subject]);
  } finally {
    await store.close();
  }
}

/** A council-api node's write side on the log at `file`, with its own clock. */
async function node(file: string, clock: FixedClock, options: { intervalMs?: number; wrap?: (store: EventStore) => EventStore } = {}) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      MetricsModule,
      EventSourcingModule.forRoot({
        useFactory: () => {
          const store = new SqliteEventStore({ path: file, clock, pollIntervalMs: 10 });
          return options.wrap ? options.wrap(store) : store;
        },
        clock,
      }),
      ReadModelsModule.forRoot({
        useFactory: (store: EventStore) => SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] }),
        inject: [EventStore],
      }),
      CommitmentsModule.forRoot({ deadlineWatcher: { intervalMs: options.intervalMs ?? 0 } }),
    ],
  }).compile();
  const app = await moduleRef.init();
  return { app, watcher: app.get(DeadlineWatcher), writer: app.get(CommitmentWriter) };
}

describe('the deadline watcher', () => {
  const apps: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  it('records a missed deadline once, the day after it passes, even with two nodes watching', async () => {
    const clock = new FixedClock('2024-01-10T05:00:00Z');
    const file = await seededLog(clock);
    const [a, b] = [await node(file, clock), await node(file, clock)];
    apps.push(a.app, b.app);
    await a.writer.execute<ProposeCommitment>('ProposeCommitment', 'w-1', proposal({ commitmentId: 'w-1', counterparties: ['79'], deadline: '2024-06-30' }), { actor: province('74') });
    await a.writer.execute<AcceptCommitment>('AcceptCommitment', 'w-1', {}, { actor: province('79') });

    clock.set('2024-06-30T16:59:00Z'); // 23:59 on the deadline day in Việt Nam
    await Promise.all([a.watcher.check(), b.watcher.check()]);
    const store = new SqliteEventStore({ path: file });
    expect((await store.readStream(commitmentStream('w-1'))).map((e) => e.type)).not.toContain('DeadlineMissed');

    clock.set('2024-06-30T17:00:00Z'); // midnight: the day has ended
    await Promise.all([a.watcher.check(), b.watcher.check()]);
    await Promise.all([a.watcher.check(), b.watcher.check()]);
    const missed = (await store.readStream(commitmentStream('w-1'))).filter((e) => e.type === 'DeadlineMissed');
    expect(missed.map((e) => [e.data, e.metadata.actor?.subject])).toEqual([[{ commitmentId: 'w-1', deadline: '2024-06-30' }, 'deadline-watcher']]);
    await store.close();
  });

  it('still records a missed deadline after the log broke its subscription', async () => {
    const clock = new FixedClock('2024-01-10T05:00:00Z');
    const file = await seededLog(clock);
    let flaky: FlakyStore | undefined;
    const a = await node(file, clock, { wrap: (store) => (flaky = new FlakyStore(store)) });
    apps.push(a.app);
    // The first event delivered live breaks the subscription; what follows comes through the next one.
    await a.writer.execute<ProposeCommitment>('ProposeCommitment', 'w-2', proposal({ commitmentId: 'w-2', counterparties: ['79'], deadline: '2024-06-30' }), { actor: province('74') });
    await a.writer.execute<AcceptCommitment>('AcceptCommitment', 'w-2', {}, { actor: province('79') });
    expect(flaky!.subscriptions).toBeGreaterThanOrEqual(2);

    clock.set('2024-07-01T01:00:00Z');
    await a.watcher.check();
    expect(await missedDeadlines(file, 'w-2')).toEqual([[{ commitmentId: 'w-2', deadline: '2024-06-30' }, 'deadline-watcher']]);
  });

  it('retries at the next tick when a check fails, and sees what another node recorded', async () => {
    const clock = new FixedClock('2024-01-10T05:00:00Z');
    const file = await seededLog(clock);
    let flaky: FlakyStore | undefined;
    const a = await node(file, clock, { intervalMs: 50, wrap: (store) => (flaky = new FlakyStore(store)) });
    apps.push(a.app);
    await a.writer.execute<ProposeCommitment>('ProposeCommitment', 'w-3', proposal({ commitmentId: 'w-3', counterparties: ['79'], deadline: '2024-06-30' }), { actor: province('74') });
    // Accepted on another node: this one learns of it only through its read models.
    const b = await node(file, clock);
    apps.push(b.app);
    await b.writer.execute<AcceptCommitment>('AcceptCommitment', 'w-3', {}, { actor: province('79') });

    // Every check fails from now on; once none can still be running, the deadline passes
    // and the log answers again after three more failures.
    flaky!.headDown = Number.MAX_SAFE_INTEGER;
    await new Promise((r) => setTimeout(r, 300));
    clock.set('2024-07-01T01:00:00Z');
    flaky!.headDown = 3;
    const deadline = Date.now() + 10_000;
    let missed: unknown[][] = [];
    while (missed.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      missed = await missedDeadlines(file, 'w-3');
    }
    expect(flaky!.headDown).toBe(0);
    expect(missed).toEqual([[{ commitmentId: 'w-3', deadline: '2024-06-30' }, 'deadline-watcher']]);
  });

  it('records each deadline once: the extended one when it passes in turn', async () => {
    const clock = new FixedClock('2024-01-10T05:00:00Z');
    const file = await seededLog(clock);
    const a = await node(file, clock);
    apps.push(a.app);
    await a.writer.execute<ProposeCommitment>('ProposeCommitment', 'w-4', proposal({ commitmentId: 'w-4', counterparties: ['79'], deadline: '2024-06-30' }), { actor: province('74') });
    await a.writer.execute<AcceptCommitment>('AcceptCommitment', 'w-4', {}, { actor: province('79') });
    clock.set('2024-07-01T01:00:00Z');
    await a.watcher.check();
    await a.writer.execute<RequestDeadlineExtension>('RequestDeadlineExtension', 'w-4', { newDeadline: '2024-09-30', reason: 'Vướng giải phóng mặt bằng.' }, { actor: province('74') });
    await a.writer.execute<DecideDeadlineExtension>('DecideDeadlineExtension', 'w-4', { approve: true, note: 'Đồng ý.' }, { actor: council });
    await a.watcher.check();
    clock.set('2024-09-30T16:59:00Z');
    await a.watcher.check();
    expect(await missedDeadlines(file, 'w-4')).toEqual([[{ commitmentId: 'w-4', deadline: '2024-06-30' }, 'deadline-watcher']]);
    clock.set('2024-09-30T17:00:00Z');
    await a.watcher.check();
    await a.watcher.check();
    expect((await missedDeadlines(file, 'w-4')).map(([data]) => data)).toEqual([
      { commitmentId: 'w-4', deadline: '2024-06-30' },
      { commitmentId: 'w-4', deadline: '2024-09-30' },
    ]);
  });
});
