import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { COMMITMENTS_POLICY, CommitmentsModule } from '@council/commitments/feature';
import { EventStore, SystemClock } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { AuthModule, EventSourcingModule, GraphqlPlatformModule, HealthModule, ReadModelsModule } from '@council/platform/nest';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { REGION_POLICY, seedRegionReferenceData } from '@council/region/feature';
import { codes, COMMITTER, freePort, gql, makeDataDir, proposal, PROPOSE, removeDataDir, startApi, TEST_SECRET, tokenFor } from '@council/tests/support';
import { FaultyEventStore } from './support/faulty-event-store.js';
import { APP_PROJECTIONS, logProblems, readLog, readModelDifference } from './support/log-check.js';

/**
 * Faults: council-api's modules (as apps/council-api wires them) on a store wrapper that
 * injects faults, and on a SQLite file that runs out of space. /health says the store is
 * down, commands get INTERNAL_SERVER_ERROR with `retryable: true` (docs/api.md), nothing
 * is lost or half-written, and service resumes by itself when the store comes back.
 */
async function startApp(dataDir: string, store: EventStore, models?: SqliteReadModels): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      EventSourcingModule.forRoot({ useFactory: () => store }),
      ReadModelsModule.forRoot({
        useFactory: (events: EventStore) => models ?? SqliteReadModels.open({ path: join(dataDir, 'read-models.sqlite'), store: events, projections: APP_PROJECTIONS }),
        inject: [EventStore],
      }),
      HealthModule,
      AuthModule.forRoot({ secret: TEST_SECRET }),
      GraphqlPlatformModule.forRoot({ mode: 'test', policies: [COMMITMENTS_POLICY, REGION_POLICY] }),
      CommitmentsModule.forRoot({ deadlineWatcher: { intervalMs: 3_600_000 } }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

const health = async (url: string) => {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as { status: string; details?: Record<string, { status: string }>; error?: Record<string, { status: string; reason?: string }> } };
};

describe('council-api when its event store fails', () => {
  let dataDir: string;
  let sqlite: SqliteEventStore;
  let faulty: FaultyEventStore;
  let app: INestApplication;
  let url: string;
  let token: string;
  const acknowledged: { commandId: string; streamId: string; revision: number }[] = [];

  const propose = async (commandId: string) => {
    const answer = await gql(url, token, PROPOSE, { input: proposal(commandId), commandId });
    const field = answer.body.data?.['proposeCommitment'] as { id: string; revision: number } | undefined;
    if (field) acknowledged.push({ commandId, streamId: `commitment-${field.id}`, revision: field.revision });
    return answer;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir('council-faults-');
    sqlite = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    await seedRegionReferenceData(sqlite, new SystemClock());
    faulty = new FaultyEventStore(sqlite);
    ({ app, url } = await startApp(dataDir, faulty));
    token = await tokenFor(COMMITTER);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await sqlite?.close().catch(() => undefined);
    if (dataDir) await removeDataDir(dataDir);
  });

  it('says so on /health, refuses commands as retryable, records nothing, and resumes by itself', async () => {
    expect((await propose('fault-before')).body.errors).toBeUndefined();
    const head = await sqlite.headPosition();

    faulty.down = 'injected: the disk went away';
    const down = await health(url);
    expect({ status: down.status, eventStore: down.body.error?.['eventStore']?.status }).toEqual({ status: 503, eventStore: 'down' });
    const refused = await propose('fault-during');
    expect(refused.status).toBe(200);
    expect(refused.body.errors?.map((e) => ({ code: e.extensions?.code, retryable: e.extensions?.['retryable'], message: e.message }))).toEqual([
      { code: 'INTERNAL_SERVER_ERROR', retryable: true, message: 'The service is temporarily unavailable; retry later' },
    ]);
    expect(await sqlite.headPosition()).toBe(head);

    faulty.down = undefined;
    expect((await health(url)).status).toBe(200);
    // The caller retries with the same commandId: recorded once.
    expect((await propose('fault-during')).body.errors).toBeUndefined();
    expect((await propose('fault-during')).body.errors).toBeUndefined();
    const events = await sqlite.readAll();
    expect(events.filter((e) => e.metadata.commandId === 'fault-during')).toHaveLength(1);
  });

  it('answers a full disk with a retryable error, stays uncorrupted, and writes again once space returns', async () => {
    // A test adapter's view of the file: PRAGMA max_page_count is how a full disk looks to SQLite.
    const db = (sqlite as unknown as { db: DatabaseSync }).db;
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    db.exec(`PRAGMA max_page_count = ${pages}`);
    let full: Awaited<ReturnType<typeof propose>> | undefined;
    for (let i = 0; i < 200 && !full; i++) {
      const answer = await propose(`fill-${i}`);
      if (answer.body.errors) full = answer;
    }
    expect(full && codes(full)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(full?.body.errors?.[0]?.extensions?.['retryable']).toBe(true);
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');

    db.exec('PRAGMA max_page_count = 1073741823');
    expect((await propose('after-space-returns')).body.errors).toBeUndefined();
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
  });

  it('starts while the store is down, says so, and serves once it is back', async () => {
    const dir = await makeDataDir('council-faults-start-');
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    await seedRegionReferenceData(store, new SystemClock());
    const late = new FaultyEventStore(store, 'injected: not reachable yet');
    const started = startApp(dir, late);
    const outcome = await Promise.race([started.then(() => 'started', (e: Error) => `failed: ${e.message}`), new Promise((r) => setTimeout(() => r('still starting'), 10_000))]);
    const second = await started.catch(() => undefined);
    try {
      expect(outcome).toBe('started');
      const lateUrl = second!.url;
      expect((await health(lateUrl)).status).toBe(503);
      expect(codes(await gql(lateUrl, token, PROPOSE, { input: proposal('late-down'), commandId: 'late-down' }))).toEqual(['INTERNAL_SERVER_ERROR']);
      late.down = undefined;
      expect((await health(lateUrl)).status).toBe(200);
      const answer = await gql(lateUrl, token, PROPOSE, { input: proposal('late-up'), commandId: 'late-up' });
      expect(answer.body.errors).toBeUndefined();
      // Read your own write: the read models caught up with the log once it answered.
      const id = (answer.body.data?.['proposeCommitment'] as { id: string }).id;
      const listed = await gql(lateUrl, token, 'query { commitments(filter: { province: "79", role: COMMITTER }, first: 5) { edges { node { id } } } }');
      expect(JSON.stringify(listed.body)).toContain(id);
    } finally {
      await second?.app.close();
      await store.close().catch(() => undefined);
      await removeDataDir(dir);
    }
  }, 30_000);

  it('leaves a log with every acknowledged command and intact chains', async () => {
    await app.close();
    app = undefined as unknown as INestApplication;
    expect(logProblems(await readLog(dataDir), acknowledged)).toEqual([]);
  });
});

describe('read models whose file cannot be written', () => {
  it('wait with /health down and the reason, keep the events, and catch up by themselves once the disk takes writes again', async () => {
    const dir = await makeDataDir('council-faults-models-');
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    await seedRegionReferenceData(store, new SystemClock());
    const models = await SqliteReadModels.open({ path: join(dir, 'read-models.sqlite'), store, projections: APP_PROJECTIONS });
    try {
      // The read-model file may not grow: how a full disk looks to SQLite (SQLITE_FULL), while the log still takes writes.
      const db = (models as unknown as { db: DatabaseSync }).db;
      const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
      db.exec(`PRAGMA max_page_count = ${pages}`);
      const app = await startApp(dir, store, models);
      try {
        const token = await tokenFor(COMMITTER);
        let recorded = 0;
        for (let i = 0; i < 60 && (await health(app.url)).status === 200; i++) {
          const answer = await gql(app.url, token, PROPOSE, { input: { ...proposal(`models-${i}`), description: 'đ'.repeat(3_000) }, commandId: `models-${i}` });
          // Recorded in the log; a caller that waits to read its own write gets the retryable error instead.
          if (answer.body.errors) expect(answer.body.errors.map((e) => [e.extensions?.code, e.extensions?.['retryable']])).toEqual([['INTERNAL_SERVER_ERROR', true]]);
          else recorded++;
        }
        expect(recorded).toBeGreaterThan(0);
        const down = await health(app.url);
        expect({ status: down.status, readModels: down.body.error?.['readModels']?.status }).toEqual({ status: 503, readModels: 'down' });
        expect(JSON.stringify(down.body.error?.['readModels'])).toContain('full');

        db.exec('PRAGMA max_page_count = 1073741823');
        const until = Date.now() + 20_000;
        while ((await health(app.url)).status !== 200 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        expect((await health(app.url)).status).toBe(200);
        expect(models.position()).toBe(await store.headPosition());
      } finally {
        await app.app.close();
      }
      expect(await readModelDifference(dir)).toBeNull();
    } finally {
      await models.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      await removeDataDir(dir);
    }
  }, 60_000);
});

describe('the built council-api whose EventStoreDB does not answer at start (EVENTSTORE_URL to a closed port)', () => {
  it('starts anyway, says so on /health, refuses commands as retryable, stays up, and keeps trying', async () => {
    const dir = await makeDataDir('council-faults-esdb-');
    const server = await startApi(dir, { EVENTSTORE_URL: `kurrentdb://127.0.0.1:${await freePort()}?tls=false` }, 60_000, [], false);
    try {
      expect(server.output()).toContain('the event log does not answer at start');
      const down = await health(server.url);
      expect({ status: down.status, eventStore: down.body.error?.['eventStore']?.status }).toEqual({ status: 503, eventStore: 'down' });
      const token = await tokenFor(COMMITTER);
      const refused = await gql(server.url, token, PROPOSE, { input: proposal('esdb-down'), commandId: 'esdb-down' });
      expect(refused.body.errors?.map((e) => ({ code: e.extensions?.code, retryable: e.extensions?.['retryable'] }))).toEqual([{ code: 'INTERNAL_SERVER_ERROR', retryable: true }]);
      // Still up a while later, the first-start check retried in the background.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await health(server.url)).status).toBe(503);
    } finally {
      await server.stop();
      await removeDataDir(dir);
    }
  }, 90_000);
});
