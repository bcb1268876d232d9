import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from '../support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from '../support/server.js';

const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

describe('council-api serving the dashboard (development, demo tokens on)', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { DEMO_DATA: 'false' });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('answers / and every page path with the dashboard, and its assets with long caching', async () => {
    for (const path of ['/', '/commitments/c-123', '/tracks/transport']) {
      const answer = await page(`${server.url}${path}`);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(await answer.text()).toContain('<div id="root"></div>');
    }
    const html = await (await page(server.url)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${server.url}${script}`);
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
  });

  it('sends a first download under 400 KB gzipped: the page, its scripts and styles', async () => {
    const html = await (await page(server.url)).text();
    const files = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    let total = gzipSync(html).length;
    for (const file of files) total += gzipSync(Buffer.from(await (await fetch(`${server.url}${file}`)).arrayBuffer())).length;
    expect(total).toBeLessThan(400 * 1024);
  });

  it('leaves /graphql, /health, /metrics and unknown files to the API', async () => {
    expect((await graphql(server.url, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    expect((await page(`${server.url}/health`)).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await page(`${server.url}/metrics`)).headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await page(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await page(`${server.url}/auth/unknown`)).status).toBe(404);
  });

  it('tells the page it may offer demo identities and no identity provider (none configured)', async () => {
    const answer = await fetch(`${server.url}/auth/config`);
    expect([answer.status, answer.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(await answer.json()).toEqual({ demoTokens: true, oidc: null });
  });

  it('lists the demo identities with tokens the API accepts', async () => {
    const answer = await fetch(`${server.url}/auth/demo-tokens`);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { identities } = (await answer.json()) as { identities: { subject: string; label: string; token: string }[] };
    expect(identities.map((i) => i.subject)).toEqual(['demo-council', 'demo-auditor', 'demo-province-79', 'demo-province-75', 'demo-province-80', 'demo-province-86']);
    const me = await graphql(server.url, '{ me { subject roles provinceCode } }', { token: identities[2]!.token });
    expect(me.body.data).toEqual({ me: { subject: 'demo-province-79', roles: ['PROVINCE'], provinceCode: '79' } });
  });
});

describe('council-api in production', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { NODE_ENV: 'production', AUTH_JWT_SECRET: 'production-secret-for-the-web-e2e-0123456789' });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('has no demo identities to give: /auth/demo-tokens does not exist', async () => {
    for (const accept of ['application/json', 'text/html']) {
      const answer = await fetch(`${server.url}/auth/demo-tokens`, { headers: { accept } });
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain('eyJ');
    }
  });

  it('tells the page there are no demo identities', async () => {
    expect(await (await fetch(`${server.url}/auth/config`)).json()).toEqual({ demoTokens: false, oidc: null });
  });

  it('still serves the dashboard, whose sign-in then asks for a pasted token', async () => {
    const answer = await page(`${server.url}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<div id="root"></div>');
  });
});
