import { afterEach, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { CommitmentsModule, CommitmentWriter, DeadlineWatcher } from '@council/commitments/feature';
import { proposal, province } from '@council/commitments/domain/testing';
import { commitmentStream, type ProposeCommitment, type AcceptCommitment } from '@council/commitments/domain';
import { type Actor, EventStore, FixedClock, handleCommand } from '@council/platform/event-sourcing';
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

/** A council-api node's write side on the log at `file`, with its own clock. */
async function node(file: string, clock: FixedClock) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      MetricsModule,
      EventSourcingModule.forRoot({ useFactory: () => new SqliteEventStore({ path: file, clock, pollIntervalMs: 10 }), clock }),
      ReadModelsModule.forRoot({
        useFactory: (store: EventStore) => SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] }),
        inject: [EventStore],
      }),
      CommitmentsModule.forRoot({ deadlineWatcher: { intervalMs: 0 } }),
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
    const file = path();
    const clock = new FixedClock('2024-01-10T05:00:00Z');
    const seed = new SqliteEventStore({ path: file, clock });
    for (const { command } of SOUTHEAST_REGION)
      await handleCommand(seed, regionDecider, REGION_STREAM, { ...command, metadata: { now: clock.now(), actor: council } } as never);
    await seed.close();
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
});
