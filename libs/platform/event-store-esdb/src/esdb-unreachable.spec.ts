import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError, type RecordedEvent } from '@council/platform/event-sourcing';
import { createServer } from 'node:net';
import { EsdbEventStore } from './esdb-event-store.js';

/** A local port nobody listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('an EventStoreDB store whose server cannot be reached', () => {
  let store: EsdbEventStore;
  beforeAll(async () => {
    store = new EsdbEventStore({ connectionString: `kurrentdb://127.0.0.1:${await closedPort()}?tls=false&defaultDeadline=2000` });
  });
  afterAll(() => store.close());

  it('answers appends and reads with a retryable StoreUnavailableError', async () => {
    await expect(store.appendToStream('commitment-1', [{ type: 'Proposed', data: {} }])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readStream('commitment-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readAll({ maxCount: 1 })).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('reports itself down, naming the node but no credentials', async () => {
    const health = await store.health();
    expect(health).toMatchObject({ up: false, adapter: 'eventstoredb' });
    expect(health.details?.['nodes']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('keeps trying to subscribe until its signal aborts, then ends without error', async () => {
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    setTimeout(() => controller.abort(), 400);
    for await (const e of store.subscribeToAll({ signal: controller.signal })) seen.push(e);
    expect(seen).toEqual([]);
  });
});

describe('a subscription whose signal was aborted before it was asked for', () => {
  it('ends at once without touching the server', async () => {
    const store = new EsdbEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
    const seen: RecordedEvent[] = [];
    for await (const e of store.subscribeToAll({ signal: AbortSignal.abort() })) seen.push(e);
    expect(seen).toEqual([]);
    await store.close();
  });
});

describe('a closed EventStoreDB store', () => {
  it('refuses further work as unavailable and reports itself down', async () => {
    const store = new EsdbEventStore({ connectionString: 'esdb://admin:changeit@127.0.0.1:1?tls=false' });
    await store.close();
    await store.close();
    await expect(store.appendToStream('s', [{ type: 'A', data: {} }])).rejects.toThrow('the event store is closed');
    await expect(store.health()).resolves.toMatchObject({ up: false, details: { nodes: '127.0.0.1:1', reason: 'closed' } });
  });
});
