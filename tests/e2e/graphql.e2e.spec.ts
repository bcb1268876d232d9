import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, demoTokensIn, graphql, type GraphqlAnswer, type LoggedDemoToken, post } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256, provinceClaims, tampered, unsigned } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-graphql-platform-0123456789';
const ISSUER = 'https://sso.dongnambo.example';
const AUDIENCE = 'council-api';
const ME = '{ me { subject name roles provinceCode } }';
const now = () => Math.floor(new Date().getTime() / 1000);
const valid = (claims: Record<string, unknown> = provinceClaims()) => ({ iss: ISSUER, aud: AUDIENCE, ...claims });

describe('council-api /graphql with an HS256 secret, issuer and audience', () => {
  let dataDir: string;
  let server: RunningServer;
  let demo: LoggedDemoToken[];

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE });
    demo = demoTokensIn(server.logs());
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('answers { __typename } without a token', async () => {
    const answer = await graphql(server.url, '{ __typename }');
    expect(answer).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('prints a demo token at start for the council, an auditor and each province of the region since the 2025 mergers', () => {
    expect(demo.map((d) => d.province ?? d.roles[0])).toEqual(['council', 'auditor', '79', '75', '80', '86']);
    expect(demo.find((d) => d.province === '80')).toMatchObject({ label: 'Tây Ninh (80)', roles: ['province'] });
    const days = (Date.parse(demo[0]!.expiresAt) - new Date().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('tells each demo caller who they are through `me`, Vietnamese names intact', async () => {
    for (const { token, subject, name, roles, province } of demo) {
      const answer = await graphql(server.url, ME, { token });
      expect(answer.body).toEqual({
        data: { me: { subject, name, roles: roles.map((r) => r.toUpperCase()), provinceCode: province ?? null } },
      });
    }
    expect(demo.find((d) => d.province === '86')?.name).toBe('Phạm Thị Thu Hằng');
  });

  it('answers `me` without a token with UNAUTHENTICATED', async () => {
    const answer = await graphql(server.url, ME);
    expect(answer.body.data).toBeNull();
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.errors?.[0]?.message).toContain('Authorization: Bearer');
  });

  describe('refuses a bad token with 401 UNAUTHENTICATED, whatever the query', () => {
    const cases: [string, () => Promise<string> | string, RegExp][] = [
      ['alg: none', () => unsigned({ claims: valid() }), /algorithm/],
      ['signed with another secret', () => hs256('not-the-server-secret-but-just-as-long-0123', { claims: valid() }), /signature/],
      ['tampered after signing', async () => tampered(await hs256(SECRET, { claims: valid() }), { province: '79' }), /signature/],
      ['expired', () => hs256(SECRET, { claims: valid(), issuedAt: now() - 7200, expiresAt: now() - 3600 }), /expired/],
      ['without exp', () => hs256(SECRET, { claims: valid(), expiresAt: null }), /"exp"/],
      ['not yet valid', () => hs256(SECRET, { claims: valid(), notBefore: now() + 3600 }), /not valid yet/],
      ['from another issuer', () => hs256(SECRET, { claims: valid({ ...provinceClaims(), iss: 'https://evil.example' }) }), /issuer/],
      ['for another audience', () => hs256(SECRET, { claims: valid({ ...provinceClaims(), aud: 'another-api' }) }), /audience/],
      ['with the province role but no province', () => hs256(SECRET, { claims: valid({ sub: 'u', roles: ['province'] }) }), /province/],
      ['with an unknown role', () => hs256(SECRET, { claims: valid({ sub: 'u', roles: ['council', 'superuser'] }) }), /unknown role/],
      ['that is not a JWT', () => 'not.a.jwt', /malformed/],
    ];

    it.each(cases)('%s', async (_name, make, reason) => {
      const token = await make();
      for (const query of [ME, '{ __typename }']) {
        const answer = await graphql(server.url, query, { token });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
        expect(answer.body.errors?.[0]?.message).toMatch(reason);
        expect(answer.body).not.toHaveProperty('data');
        expect(JSON.stringify(answer.body)).not.toContain(SECRET);
      }
    });

    it('an Authorization header that is not Bearer', async () => {
      const answer = await graphql(server.url, ME, { authorization: 'Basic dXNlcjpwYXNz' });
      expect({ status: answer.status, codes: codesOf(answer) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    });
  });

  describe('refuses, before executing anything, a document over a limit', () => {
    const refusedForLimit = (answer: GraphqlAnswer, limit: string) => {
      expect(answer.status).toBe(400);
      expect(answer.body).not.toHaveProperty('data');
      expect(answer.body.errors?.find((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED')?.extensions).toMatchObject({ limit });
    };

    it('too many aliases', async () => {
      const aliases = Array.from({ length: 21 }, (_, i) => `me${i}: me { subject }`).join(' ');
      const answer = await graphql(server.url, `{ ${aliases} }`, { token: demo[0]!.token });
      refusedForLimit(answer, 'aliases');
      expect(answer.body.errors?.[0]).toMatchObject({ message: 'Query uses 21 aliases; the limit is 20', extensions: { maximum: 20, actual: 21 } });
    });

    it('too costly (a fragment bomb: 2^15 fields from a few hundred bytes)', async () => {
      const levels = Array.from({ length: 15 }, (_, i) => `fragment f${i} on Identity { ...f${i + 1} ...f${i + 1} }`).join('\n');
      const query = `{ me { ...f0 } }\n${levels}\nfragment f15 on Identity { subject }`;
      refusedForLimit(await graphql(server.url, query, { token: demo[0]!.token }), 'cost');
    });

    it('too deep', async () => {
      const deep = Array.from({ length: 13 }, (_, i) => `f${i} {`).join(' ');
      refusedForLimit(await graphql(server.url, `{ me { ${deep} x ${'} '.repeat(13)} } }`), 'depth');
    });

    it('too many tokens', async () => {
      const answer = await graphql(server.url, `{ me { ${'subject '.repeat(6000)} } }`);
      refusedForLimit(answer, 'tokens');
      expect(answer.body.errors?.[0]).toMatchObject({ message: 'The document has more than 5000 tokens', extensions: { maximum: 5000 } });
    });

    it('a batch (an array of operations)', async () => {
      const answer = await post(server.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
      expect({ status: answer.status, codes: codesOf(answer) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    it('a body over 256 KiB, with 413', async () => {
      const answer = await post(server.url, JSON.stringify({ query: `{ __typename } # ${'x'.repeat(300 * 1024)}` }));
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        errors: [{ message: 'The request body is larger than 262144 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: 262144 } }],
      });
    });

    it('a simple (CSRF-able) request: text/plain without a preflight header', async () => {
      const answer = await post(server.url, JSON.stringify({ query: '{ __typename }' }), { headers: { 'content-type': 'text/plain' } });
      expect({ status: answer.status, codes: codesOf(answer) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });
  });

  it('never logs a bearer token it received', async () => {
    const token = await hs256(SECRET, { claims: valid() });
    await graphql(server.url, ME, { token });
    await new Promise((wait) => setTimeout(wait, 100));
    const requestLines = server.logs().filter((line) => !line.demoToken);
    expect(JSON.stringify(requestLines)).not.toContain(token);
  });
});
