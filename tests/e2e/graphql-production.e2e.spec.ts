import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, demoTokensIn, graphql } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256, provinceClaims } from './support/tokens.js';

const SECRET = 'production-secret-for-e2e-at-least-32-chars';

describe('council-api /graphql in production', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('prints no demo token', () => {
    expect(demoTokensIn(server.logs())).toEqual([]);
    expect(JSON.stringify(server.logs())).not.toMatch(/demo token|Bearer ey/);
  });

  it('serves a caller whose token the configured secret signed', async () => {
    const token = await hs256(SECRET, { claims: provinceClaims('75') });
    const answer = await graphql(server.url, '{ me { roles provinceCode } }', { token });
    expect(answer.body).toEqual({ data: { me: { roles: ['PROVINCE'], provinceCode: '75' } } });
  });

  it('refuses introspection', async () => {
    const answer = await graphql(server.url, '{ __schema { queryType { name } } }');
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('answers errors without stack traces or schema hints', async () => {
    const answers = [
      await graphql(server.url, '{ me { subject } }'),
      await graphql(server.url, '{ me { subject } }', { token: 'not.a.jwt' }),
      await graphql(server.url, '{ mee { subject } }'),
      await graphql(server.url, '{ me { subjec } }', { token: await hs256(SECRET, { claims: provinceClaims() }) }),
    ];
    expect(answers.map(codesOf)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['GRAPHQL_VALIDATION_FAILED'], ['GRAPHQL_VALIDATION_FAILED']]);
    for (const answer of answers) {
      expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
      expect(JSON.stringify(answer.body)).not.toContain('Did you mean');
    }
  });

  it('serves no GraphiQL page', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
