import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeDataDir, removeDataDir, type RunningServer, runToExit, startServer } from './support/server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('council-api on the embedded SQLite event store', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('logs where it listens and which event store it uses', () => {
    const started = server.logs().find((line) => line.url === server.url);
    expect(started).toMatchObject({ level: 'info', eventStore: 'sqlite' });
    expect(started?.msg).toContain(join(dataDir, 'events.sqlite'));
  });

  it('reports the event store up, with the adapter, and the read models following the log, on /health', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up', adapter: 'sqlite' }, readModels: { status: 'up', rebuilding: false, position: expect.stringMatching(/^\d+$/) } },
    });
  });

  it('serves Prometheus text with the council metrics and process metrics on /metrics', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'council_commands_total',
      'council_append_conflicts_total',
      'council_append_duration_seconds',
      'council_projection_lag_seconds',
      'council_projection_lag_events',
      'process_cpu_seconds_total',
    ])
      expect(text).toContain(`# TYPE ${name} `);
  });

  it('echoes the caller’s x-correlation-id and logs it on the line of that request, without the bearer token', async () => {
    const response = await fetch(`${server.url}/no-such-page`, {
      headers: { 'x-correlation-id': 'e2e-correlation-42', authorization: 'Bearer top-secret-token' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-correlation-id')).toBe('e2e-correlation-42');

    const line = await eventually(() => server.logs().find((l) => l.correlationId === 'e2e-correlation-42'));
    expect(line).toMatchObject({ level: 'warn', msg: 'request completed', req: { url: '/no-such-page' } });
    expect(JSON.stringify(server.logs())).not.toContain('top-secret-token');
  });

  it('gives a request without x-correlation-id a new UUID', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.headers.get('x-correlation-id')).toMatch(UUID);
  });
});

describe('council-api receiving SIGTERM', () => {
  it('exits 0 with the SQLite log checkpointed, and starts again on the same files', async () => {
    const dataDir = await makeDataDir();
    try {
      const first = await startServer(dataDir);
      const exit = await first.stop();
      expect(exit).toMatchObject({ code: 0, signal: null });
      const wal = await stat(join(dataDir, 'events.sqlite-wal')).catch(() => null);
      expect(wal?.size ?? 0).toBe(0);

      const second = await startServer(dataDir);
      expect((await fetch(`${second.url}/health`)).status).toBe(200);
      expect((await second.stop()).code).toBe(0);
    } finally {
      await removeDataDir(dataDir);
    }
  }, 60_000);
});

describe('council-api started with a bad configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['SQLITE_SYNCHRONOUS', 'SOMETIMES'],
  ])('stops with exit code 1 and a message naming %s=%s', async (name, value) => {
    const dataDir = await makeDataDir();
    try {
      const exit = await runToExit({ DATA_DIR: dataDir, [name]: value });
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`${name}: `);
      expect(exit.stderr).toContain(JSON.stringify(value));
      expect(exit.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await removeDataDir(dataDir);
    }
  });

  it('refuses to start in production without AUTH_JWT_SECRET or AUTH_JWKS_URL', async () => {
    const exit = await runToExit({ NODE_ENV: 'production' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('AUTH_JWT_SECRET: or AUTH_JWKS_URL is required when NODE_ENV=production');
  });
});

async function eventually<T>(probe: () => T | undefined, timeoutMs = 2000): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error('the expected log line did not appear');
}
