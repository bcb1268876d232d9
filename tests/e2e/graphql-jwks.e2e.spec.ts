import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, demoTokensIn, graphql } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256, type JwksServer, provinceClaims, serveJwks, type SigningKey, signingKey, unsigned } from './support/tokens.js';

const ME = '{ me { subject roles provinceCode } }';
const DEVELOPMENT_SECRET = 'council-development-secret-not-for-production';

describe('council-api /graphql with keys from an identity provider (AUTH_JWKS_URL)', () => {
  let dataDir: string;
  let server: RunningServer;
  let jwks: JwksServer;
  let rsa: SigningKey;
  let ec: SigningKey;

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([signingKey('RS256', 'rsa-2026'), signingKey('ES256', 'ec-2026')]);
    jwks = await serveJwks([rsa.publicJwk, ec.publicJwk]);
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWKS_URL: jwks.url });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await jwks?.close();
    await removeDataDir(dataDir);
  });

  it('accepts RS256 and ES256 tokens signed with the provider\'s keys', async () => {
    for (const key of [rsa, ec]) {
      const answer = await graphql(server.url, ME, { token: await key.sign({ claims: provinceClaims('72') }) });
      expect(answer.body).toEqual({ data: { me: { subject: 'official-72', roles: ['PROVINCE'], provinceCode: '72' } } });
    }
    expect(jwks.requests()).toBeGreaterThan(0);
  });

  it('prints no demo token: they would be HS256, which a JWK set never allows', () => {
    expect(demoTokensIn(server.logs())).toEqual([]);
  });

  it.each([
    ['an HS256 token, even one signed with the development secret', () => hs256(DEVELOPMENT_SECRET, { claims: { ...provinceClaims(), roles: ['council'] } }), /algorithm/],
    ['an unsigned token (alg: none)', async () => unsigned(), /algorithm/],
    ['a token whose kid the provider does not publish', async () => rsa.sign({ kid: 'rsa-unknown' }), /no key/],
    ['a token signed with another key under a published kid', async () => (await signingKey('RS256', 'rsa-2026')).sign(), /signature/],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, make, reason) => {
    const answer = await graphql(server.url, ME, { token: await make() });
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.errors?.[0]?.message).toMatch(reason);
  });
});

describe('council-api when the identity provider cannot be reached', () => {
  it('answers 503 INTERNAL_SERVER_ERROR, retryable, rather than blaming the caller', async () => {
    const down = await serveJwks([]);
    await down.close(); // its port now refuses connections
    const dataDir = await makeDataDir();
    const server = await startServer(dataDir, { AUTH_JWKS_URL: down.url });
    try {
      const key = await signingKey('RS256', 'any');
      const answer = await graphql(server.url, ME, { token: await key.sign() });
      expect(answer.status).toBe(503);
      expect(answer.body.errors?.[0]).toMatchObject({
        message: 'The service is temporarily unavailable; retry later',
        extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
      });
    } finally {
      await server.stop();
      await removeDataDir(dataDir);
    }
  }, 60_000);
});
