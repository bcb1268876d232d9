import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import { graphql } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256 } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-subscription-0123456789abcdef';

describe('the dashboardsChanged subscription over graphql-ws', () => {
  let dataDir: string;
  let server: RunningServer;
  let council: string;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET, DEMO_DATA: 'false' });
    council = await hs256(SECRET, { claims: { sub: 'secretariat', name: 'Văn phòng Hội đồng', roles: ['council'] } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  const client = (authorization?: string) =>
    createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: globalThis.WebSocket, retryAttempts: 0, ...(authorization && { connectionParams: { authorization } }) });

  it('tells a signed-in dashboard when a mutation changed the numbers', async () => {
    const ws = client(`Bearer ${council}`);
    const changed = new Promise<{ position: string }>((resolve, reject) => {
      ws.subscribe<{ dashboardsChanged: { position: string } }>(
        { query: 'subscription { dashboardsChanged { position } }' },
        { next: (m) => resolve(m.data!.dashboardsChanged), error: reject, complete: () => undefined },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = ((await (await fetch(`${server.url}/health`)).json()) as { details: { eventStore: { head: number } } }).details.eventStore.head;
    const registered = await graphql(server.url, 'mutation { registerProject(input: { id: "cau-moi", name: "Cầu mới", track: "transport", provinces: ["79"] }) { id } }', { token: council });
    expect(registered.body.errors).toBeUndefined();
    expect(Number((await changed).position)).toBeGreaterThan(before);
    await ws.dispose();
  });

  it('closes a socket whose token does not verify, before anything is subscribed', async () => {
    const ws = client('Bearer not-a-token');
    const outcome = await new Promise<string>((resolve) => {
      ws.subscribe({ query: 'subscription { dashboardsChanged { position } }' }, { next: () => resolve('next'), error: () => resolve('refused'), complete: () => resolve('complete') });
    });
    expect(outcome).toBe('refused');
    await ws.dispose();
  });

  it('refuses the subscription sent as a plain HTTP request, with where to send it, instead of answering once', async () => {
    const answer = await graphql(server.url, 'subscription { dashboardsChanged { position } }', { token: council });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0]?.message).toContain('graphql-ws');
  });
});
