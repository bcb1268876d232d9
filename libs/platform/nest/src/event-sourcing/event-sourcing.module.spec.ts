import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  type AppendResult,
  ConcurrencyError,
  EventStore,
  type RecordedEvent,
  type StoreHealth,
} from '@council/platform/event-sourcing';
import { HealthModule } from '../health/health.module.js';
import { ConnectionDrainModule } from '../http/connection-drain.js';
import { EventSourcingModule } from './event-sourcing.module.js';

/** Just enough of a store to watch what the module does with it. */
class RecordingStore extends EventStore {
  readonly calls: string[] = [];
  up = true;
  closed = false;

  async appendToStream(streamId: string): Promise<AppendResult> {
    if (this.closed) throw new Error('append after close');
    if (streamId === 'stale') throw new ConcurrencyError(streamId, 'revision 3', 4n);
    this.calls.push(`append ${streamId}`);
    return { nextExpectedRevision: 0n, position: 1n };
  }
  async readStream(): Promise<RecordedEvent[]> {
    return [];
  }
  async readAll(): Promise<RecordedEvent[]> {
    return [];
  }
  async *subscribeToAll(): AsyncIterable<RecordedEvent> {}
  async headPosition(): Promise<bigint> {
    return 0n;
  }
  async health(): Promise<StoreHealth> {
    return { up: this.up, adapter: 'recording' };
  }
  async close(): Promise<void> {
    this.closed = true;
    this.calls.push('close');
  }
}

let release: () => void = () => undefined;
let arrived: () => void = () => undefined;

@Controller()
class SlowController {
  constructor(private readonly events: EventStore) {}

  @Get('slow')
  async slow(): Promise<{ appended: string }> {
    arrived();
    await new Promise<void>((resolve) => (release = resolve));
    const result = await this.events.appendToStream('slow-1', [{ type: 'Slow', data: {} }]);
    return { appended: String(result.position) };
  }

  @Get('append')
  async append(): Promise<string> {
    await this.events.appendToStream('fast-1', [{ type: 'Fast', data: {} }]);
    await this.events.appendToStream('stale', [{ type: 'Fast', data: {} }]).catch(() => undefined);
    return 'ok';
  }
}

async function start(store: RecordingStore): Promise<{ app: INestApplication; url: string }> {
  @Module({
    imports: [EventSourcingModule.forRoot({ useFactory: async () => store }), HealthModule, ConnectionDrainModule],
    controllers: [SlowController],
  })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

let running: INestApplication | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('an application shutting down while a request is in flight', () => {
  it('answers the request with the store still open, then closes the store without waiting for keep-alive', async () => {
    const store = new RecordingStore();
    const { app, url } = await start(store);
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const response = fetch(`${url}/slow`);
    await reached;

    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.closed).toBe(false);
    release();

    expect(await (await response).json()).toEqual({ appended: '1' });
    const answeredAt = performance.now();
    await closing;
    expect(performance.now() - answeredAt).toBeLessThan(1000);
    expect(store.calls).toEqual(['append slow-1', 'close']);
  });
});

describe('the instrumented event store', () => {
  it('counts conflicts and times every append in /metrics', async () => {
    const store = new RecordingStore();
    const { app, url } = await start(store);
    running = app;
    await fetch(`${url}/append`);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('council_append_conflicts_total 1');
    expect(metrics).toContain('council_append_duration_seconds_count{outcome="ok"} 1');
    expect(metrics).toContain('council_append_duration_seconds_count{outcome="conflict"} 1');
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});

describe('the health check', () => {
  it('reports the store up with its adapter name, and 503 when the store is down', async () => {
    const store = new RecordingStore();
    const { app, url } = await start(store);
    running = app;

    const up = await fetch(`${url}/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up', adapter: 'recording' } } });

    store.up = false;
    const down = await fetch(`${url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'error', error: { eventStore: { status: 'down', adapter: 'recording' } } });
  });
});
