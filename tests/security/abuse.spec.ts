import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { type Answer, type ApiProcess, codes, COUNCIL, gql, headOf, makeDataDir, removeDataDir, startApi, TEST_SECRET, tokenFor } from '@council/tests/support';

/**
 * Abuse: hostile documents refused before anything runs; rate limiting by operation
 * cost per identity (aliases counted, batches refused); the body limit; security
 * headers; the CORS allow-list; tokens the other e2e specs do not try (other HMAC
 * algorithms with the right secret, claims of the wrong shape).
 */
const ALLOWED_ORIGIN = 'https://bando.dongnai.gov.vn';
const POINTS = 20_000;
const COSTLY = 'commitments(first: 100) { edges { node { id history { type } } } }'; // 1 401 points (docs/api.md)

describe('council-api under abuse', () => {
  let dataDir: string;
  let server: ApiProcess;
  let council: string;

  beforeAll(async () => {
    dataDir = await makeDataDir('council-abuse-');
    server = await startApi(dataDir, { RATE_LIMIT_POINTS: String(POINTS), RATE_LIMIT_WINDOW_SECONDS: '60', CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173` });
    council = await tokenFor(COUNCIL);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  const post = async (body: string, token = council, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  };

  describe('a hostile document is refused with 400 and nothing runs', () => {
    const fragmentCycle = 'query { ...A } fragment A on Query { me { subject } ...B } fragment B on Query { ...A }';
    const bomb = ['fragment F0 on Query { me { subject } }', ...Array.from({ length: 16 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)].join(' ');
    const cases: [string, string, string, string?][] = [
      ['deep nested lists', `{ commitments(first: 1) { edges { node { id ${'counterparties { code '.repeat(1)} } } } ${'}'.repeat(0)} }`.replace('counterparties { code ', 'counterparties { code } ') + ` { x ${'{ y '.repeat(20)}${'} '.repeat(20)} }`, 'GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|QUERY_LIMIT_EXCEEDED'],
      ['wide (2 000 fields)', `{ ${Array.from({ length: 2_000 }, () => 'me { subject }').join(' ')} }`, 'QUERY_LIMIT_EXCEEDED'],
      ['aliased (21 aliases)', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 'QUERY_LIMIT_EXCEEDED'],
      ['aliased costly fields (25 × 1 401 points)', `{ ${Array.from({ length: 18 }, (_, i) => `c${i}: ${COSTLY}`).join(' ')} }`, 'QUERY_LIMIT_EXCEEDED'],
      ['a cycle of fragments', fragmentCycle, 'GRAPHQL_VALIDATION_FAILED'],
      ['a fragment bomb (2^16 fields)', `query { ...F16 } ${bomb}`, 'QUERY_LIMIT_EXCEEDED'],
      ['directives flood', `{ me @include(if: true) ${'@skip(if: false) '.repeat(30)} { subject } }`, 'QUERY_LIMIT_EXCEEDED|GRAPHQL_VALIDATION_FAILED'],
      ['a huge string argument (200 KiB)', `{ commitment(id: "${'x'.repeat(200 * 1024)}") { id } }`, 'NOT_FOUND|BAD_USER_INPUT'],
      ['too many tokens', `{ ${'__typename '.repeat(6_000)} }`, 'QUERY_LIMIT_EXCEEDED'],
      ['two operations without an operationName', 'query A { me { subject } } query B { me { name } }', 'BAD_REQUEST'],
      ['an operationName the document lacks', 'query A { me { subject } }', 'BAD_REQUEST', 'B'],
    ];

    it.each(cases)('%s', async (_title, query, expected, ...operationName) => {
      const before = await headOf(server.url);
      const started = performance.now();
      const answer = await post(JSON.stringify({ query, operationName: operationName[0] }));
      const ms = performance.now() - started;
      const got = codes(answer);
      expect(got.length).toBeGreaterThan(0);
      for (const code of got) expect(expected.split('|')).toContain(code);
      expect(answer.status).toBeLessThan(500);
      expect(ms).toBeLessThan(3_000);
      expect(await headOf(server.url)).toBe(before);
      // Refused documents get no data at all: nothing ran (a huge argument is only a bad value).
      if (!/NOT_FOUND|BAD_USER_INPUT/.test(expected)) expect(answer.body.data ?? null).toBeNull();
    });

    it('refuses a batch (an array of operations) as a whole', async () => {
      const answer = await post(JSON.stringify(Array.from({ length: 50 }, () => ({ query: `{ ${COSTLY} }` }))));
      expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    it('refuses a body over 256 KiB with 413 before parsing it', async () => {
      const answer = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(300 * 1024)}` }));
      expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
    });
  });

  describe('rate limiting by operation cost per identity', () => {
    const caller = (sub: string) => tokenFor({ ...COUNCIL, sub });

    it('counts every alias: ten aliases of a 1 401-point field are charged 14 010 points', async () => {
      const token = await caller('rl-aliases');
      const tenAliases = JSON.stringify({ query: `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: ${COSTLY}`).join(' ')} }` });
      const first = await post(tenAliases, token);
      expect(codes(first)).toEqual([]);
      const second = await post(tenAliases, token);
      expect({ status: second.status, codes: codes(second) }).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
      const retryAfter = Number(second.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(second.body.errors?.[0]?.extensions?.['retryAfter']).toBe(retryAfter);
      expect(second.body.data ?? null).toBeNull();
    });

    it('keeps one identity\'s spending from limiting another', async () => {
      const [spender, other] = await Promise.all([caller('rl-spender'), caller('rl-other')]);
      const costly = JSON.stringify({ query: `{ ${COSTLY} }` });
      const answers: number[] = [];
      for (let i = 0; i < 16; i++) answers.push((await post(costly, spender)).status);
      expect(answers.slice(0, 14).every((s) => s === 200)).toBe(true);
      expect(answers.slice(14)).toEqual([429, 429]);
      expect((await post(costly, other)).status).toBe(200);
    });

    it('limits anonymous callers by address', async () => {
      const anonymous = async () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }` }) });
      // Each request costs 20 points (a `__typename` counts, aliased or not): the 1 001st is over 20 000.
      let status = 200;
      let sent = 0;
      while (status === 200 && sent < 1_100) {
        status = (await anonymous()).status;
        sent++;
      }
      expect({ status, sent }).toEqual({ status: 429, sent: 1_001 });
    }, 60_000);
  });

  describe('HTTP hardening', () => {
    it('sends security headers on every answer', async () => {
      for (const path of ['/graphql', '/health']) {
        const response = path === '/graphql' ? await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }) : await fetch(`${server.url}${path}`);
        expect({
          path,
          nosniff: response.headers.get('x-content-type-options'),
          frame: response.headers.get('x-frame-options'),
          hsts: response.headers.get('strict-transport-security')?.startsWith('max-age=') ?? false,
          poweredBy: response.headers.get('x-powered-by'),
        }).toEqual({ path, nosniff: 'nosniff', frame: 'SAMEORIGIN', hsts: true, poweredBy: null });
      }
    });

    it('allows the configured origins, and refuses any other origin\'s preflight', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
      const allowed = await preflight(ALLOWED_ORIGIN);
      expect({ status: allowed.status, origin: allowed.headers.get('access-control-allow-origin'), headers: allowed.headers.get('access-control-allow-headers') }).toEqual({
        status: 204,
        origin: ALLOWED_ORIGIN,
        headers: expect.stringContaining('authorization'),
      });
      const refused = await preflight('https://evil.example');
      expect({ status: refused.status, origin: refused.headers.get('access-control-allow-origin') }).toEqual({ status: 403, origin: null });
      const simple = await post(JSON.stringify({ query: '{ __typename }' }), council, { origin: 'https://evil.example' });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const mine = await post(JSON.stringify({ query: '{ __typename }' }), council, { origin: ALLOWED_ORIGIN });
      expect(mine.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    });
  });

  describe('tokens the other specs do not try (tests/e2e/graphql*.spec.ts try alg none, other secrets, expiry, issuer, audience, tampering, a missing province)', () => {
    const secret = new TextEncoder().encode(TEST_SECRET);
    const now = () => Math.floor(new Date().getTime() / 1000);
    const sign = (claims: Record<string, unknown>, alg = 'HS256') => new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).setIssuedAt(now()).setExpirationTime(now() + 600).sign(secret);
    const cases: [string, () => Promise<string>][] = [
      ['HS512 with the right secret (only HS256 is accepted)', () => sign({ sub: 'x', roles: ['council'] }, 'HS512')],
      ['HS384 with the right secret', () => sign({ sub: 'x', roles: ['council'] }, 'HS384')],
      ['roles as a string instead of an array', () => sign({ sub: 'x', roles: 'council' })],
      ['a province claim that is a number', () => sign({ sub: 'x', roles: ['province'], province: 79 })],
      ['an empty roles array', () => sign({ sub: 'x', roles: [] })],
      ['a header naming a key id to look up (kid injection)', async () => new SignJWT({ sub: 'x', roles: ['council'] }).setProtectedHeader({ alg: 'HS256', kid: '../../etc/passwd' }).setIssuedAt(now()).setExpirationTime(now() + 600).sign(new TextEncoder().encode('another-secret-of-the-same-length-0123456789'))],
    ];

    it.each(cases)('%s is UNAUTHENTICATED (401), and nothing runs', async (_title, make) => {
      const answer = await gql(server.url, await make(), 'mutation { registerProject(input: { id: "p-forged", name: "x", track: "transport", provinces: ["79"] }) { id } }');
      expect({ status: answer.status, codes: codes(answer), data: answer.body.data ?? null }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], data: null });
    });
  });
});
