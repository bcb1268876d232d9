import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ERROR_CODES } from '@council/platform/nest';
import { ACCEPT, type Answer, type ApiProcess, COMMITTER, COUNCIL, COUNTERPARTY, gql, headOf, makeDataDir, proposal, PROPOSE, removeDataDir, startApi, tokenFor, vietnamDay } from '@council/tests/support';

/**
 * Bad input: property-based fuzzing (fast-check) of every mutation's arguments, from
 * valid ones bent one field at a time to arbitrary JSON, and of raw GraphQL documents
 * and request bodies, against the running server. Never a 5xx, never an answer that is
 * not JSON, every error with a code of docs/api.md, and a refused command leaves the log
 * as it was. CI: 10 000 cases; FUZZ_RUNS=… (or RELIABILITY_LONG=1: 100 000) for more;
 * FUZZ_SEED replays a failure.
 */
const LONG = process.env['RELIABILITY_LONG'] === '1';
const TOTAL = Number(process.env['FUZZ_RUNS'] ?? (LONG ? 100_000 : 10_000));
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** Cases sent at once; the log's head is compared around each batch. */
const BATCH = 8;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Who = 'committer' | 'counterparty' | 'council' | 'anonymous';

interface MutationCase {
  readonly name: string;
  readonly document: string;
  readonly valid: (ids: Ids) => Record<string, Json>;
}
interface Ids {
  readonly proposed: string;
  readonly active: string;
}

const M = (name: string, signature: string, call: string, valid: MutationCase['valid']): MutationCase => ({
  name,
  document: `mutation F(${signature}) { ${name}(${call}) { __typename } }`,
  valid,
});

const MUTATIONS: MutationCase[] = [
  M('proposeCommitment', '$input: ProposeCommitmentInput!, $commandId: String', 'input: $input, commandId: $commandId', () => ({ input: proposal('fuzz') as Json })),
  M('acceptCommitment', '$id: ID!, $expectedRevision: Int, $commandId: String', 'id: $id, expectedRevision: $expectedRevision, commandId: $commandId', (ids) => ({ id: ids.proposed })),
  M('declineCommitment', '$id: ID!, $reason: String!', 'id: $id, reason: $reason', (ids) => ({ id: ids.proposed, reason: 'Chưa bố trí vốn' })),
  M('withdrawCommitment', '$id: ID!, $reason: String!', 'id: $id, reason: $reason', (ids) => ({ id: ids.proposed, reason: 'Điều chỉnh' })),
  M('reportProgress', '$id: ID!, $input: ReportProgressInput!, $expectedRevision: Int', 'id: $id, input: $input, expectedRevision: $expectedRevision', (ids) => ({ id: ids.active, input: { value: 3, reportedFor: vietnamDay(-1), disbursedVnd: '1000000', note: 'ghi chú', evidenceUrl: 'https://example.gov.vn/a.pdf' }, expectedRevision: 0 })),
  M('requestDeadlineExtension', '$id: ID!, $newDeadline: Date!, $reason: String!', 'id: $id, newDeadline: $newDeadline, reason: $reason', (ids) => ({ id: ids.active, newDeadline: vietnamDay(400), reason: 'Vướng mặt bằng' })),
  M('decideDeadlineExtension', '$id: ID!, $approve: Boolean!, $note: String!', 'id: $id, approve: $approve, note: $note', (ids) => ({ id: ids.active, approve: true, note: 'Đồng ý' })),
  M('claimFulfillment', '$id: ID!, $note: String!, $evidenceUrl: String', 'id: $id, note: $note, evidenceUrl: $evidenceUrl', (ids) => ({ id: ids.active, note: 'Xong', evidenceUrl: 'https://example.gov.vn/b.pdf' })),
  M('verifyFulfillment', '$id: ID!, $accepted: Boolean!, $note: String!', 'id: $id, accepted: $accepted, note: $note', (ids) => ({ id: ids.active, accepted: true, note: 'Đã kiểm tra' })),
  M('cancelCommitment', '$id: ID!, $reason: String!', 'id: $id, reason: $reason', (ids) => ({ id: ids.active, reason: 'Dừng' })),
  M('amendCommitment', '$id: ID!, $input: AmendCommitmentInput!', 'id: $id, input: $input', (ids) => ({ id: ids.active, input: { target: 15, budgetVnd: '3000000000000', reason: 'Mở rộng' } })),
  M('registerProject', '$input: RegisterProjectInput!', 'input: $input', () => ({ input: { id: 'fuzz-project', name: 'Cầu', track: 'transport', provinces: ['79', '75'] } })),
];

/** Strings that break naive code: huge, control characters, lone surrogates, SQL and template fragments. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', "'; DROP TABLE events; --", '${7*7}', '../../etc/passwd', '9'.repeat(400), '-0', '1e309', '2026-02-30', '2026-13-01', 'javascript:alert(1)', 'http://', 'https://example.gov.vn/' + 'a'.repeat(3000)),
  fc.integer({ min: 0, max: 70_000 }).map((n) => 'đ'.repeat(n)),
);
const nastyNumber: fc.Arbitrary<number> = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, 1e-320));
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  nastyString,
  nastyNumber,
  fc.constant(null),
);

/** A valid value with one place bent: replaced, removed or given an extra key, at any depth. */
function bend(value: Json): fc.Arbitrary<Json> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return fc.oneof(
      anyJson,
      fc.constantFrom(...keys).chain((key) => bend(value[key]!).map((bent) => ({ ...value, [key]: bent }))),
      fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))),
      fc.tuple(nastyString, anyJson).map(([key, extra]) => ({ ...value, [key]: extra })),
    );
  }
  if (Array.isArray(value)) return fc.oneof(anyJson, fc.array(anyJson, { maxLength: 30 }) as fc.Arbitrary<Json>, fc.constant([...value, ...value] as Json));
  return anyJson;
}

const GRAPHQL_WORDS = ['{', '}', '(', ')', '[', ']', ':', '!', '$', '...', '@', '=', 'query', 'mutation', 'subscription', 'fragment', 'on', 'me', 'subject', 'commitment', 'commitments', 'id', 'history', 'first', 'input', 'proposeCommitment', 'reportProgress', '__typename', '__schema', 'types', 'name', 'true', 'null', '"x"', '"""block"""', '0', '-1', '1e999', '#', '\n', 'include', 'skip', 'if', 'Commitment', 'ID'];

describe(`fuzzing council-api with ${TOTAL} cases (seed ${SEED})`, () => {
  let dataDir: string;
  let server: ApiProcess;
  const tokens: Partial<Record<Who, string>> = {};
  let ids: Ids;
  const seen = { answers: 0, byCode: new Map<string, number>(), accepted: 0 };

  beforeAll(async () => {
    dataDir = await makeDataDir('council-fuzz-');
    // No scheduled seal: its LogSealed, a minute into the run, would move the head under a refused batch.
    server = await startApi(dataDir, { RATE_LIMIT_POINTS: '0', SEAL_INTERVAL_MS: '0' });
    [tokens.committer, tokens.counterparty, tokens.council] = await Promise.all([tokenFor(COMMITTER), tokenFor(COUNTERPARTY), tokenFor(COUNCIL)]);
    const make = async () => ((await gql(server.url, tokens.committer, PROPOSE, { input: proposal('fuzz-fixture') })).body.data?.['proposeCommitment'] as { id: string }).id;
    const [proposed, active] = [await make(), await make()];
    await gql(server.url, tokens.counterparty, ACCEPT, { id: active });
    ids = { proposed, active };
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
    const codes = [...seen.byCode].map(([code, n]) => `${code} ${n}`).join(', ');
    process.stdout.write(`fuzz: ${seen.answers} answers; ${seen.accepted} accepted; errors by code: ${codes}\n`);
  });

  /** What must hold of every answer. */
  function checkAnswer(status: number, text: string): Answer['body'] {
    seen.answers++;
    expect(status).toBeLessThan(500);
    let body: Answer['body'];
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      throw new Error(`not JSON (${status}): ${text.slice(0, 200)}`);
    }
    for (const error of body.errors ?? []) {
      const code = String(error.extensions?.code);
      seen.byCode.set(code, (seen.byCode.get(code) ?? 0) + 1);
      if (!KNOWN_CODES.has(code)) throw new Error(`code ${code} is not in docs/api.md: ${JSON.stringify(error).slice(0, 300)}`);
      if (code === 'INTERNAL_SERVER_ERROR') throw new Error(`INTERNAL_SERVER_ERROR: ${JSON.stringify(error).slice(0, 300)}`);
      if (error.extensions?.['stacktrace']) throw new Error('a stack trace in an answer');
    }
    return body;
  }

  const send = async (body: string, who: Who) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(tokens[who] && { authorization: `Bearer ${tokens[who]}` }) }, body });
    return checkAnswer(response.status, await response.text());
  };

  it(`answers ${Math.round(TOTAL * 0.6)} bent mutations with a documented code and records nothing for a refused one`, async () => {
    const arbitrary = fc.record({
      mutation: fc.constantFrom(...MUTATIONS),
      who: fc.constantFrom<Who>('committer', 'counterparty', 'council', 'anonymous'),
    }).chain(({ mutation, who }) => bend(mutation.valid(ids) as Json).map((variables) => ({ mutation, who, variables })));
    await fc.assert(
      fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const before = await headOf(server.url);
        const bodies = await Promise.all(batch.map(({ mutation, who, variables }) => send(JSON.stringify({ query: mutation.document, variables }), who)));
        const refused = bodies.map((body, i) => {
          const name = batch[i]!.mutation.name;
          if (!body.errors?.length) return (seen.accepted++, false);
          expect(body.data?.[name] ?? null).toBeNull();
          return true;
        });
        // When the whole batch was refused, nothing may have been recorded.
        if (refused.every(Boolean)) expect(await headOf(server.url)).toBe(before);
      }),
      { numRuns: Math.round((TOTAL * 0.6) / BATCH), seed: SEED, endOnFailure: true },
    );
  }, LONG ? 3_600_000 : 180_000);

  it(`answers ${Math.round(TOTAL * 0.4)} raw documents and bodies with a documented code, never a 5xx`, async () => {
    const document = fc.array(fc.oneof(fc.constantFrom(...GRAPHQL_WORDS), nastyString), { maxLength: 40 }).map((words) => words.join(' '));
    const body = fc.oneof(
      document.map((query) => JSON.stringify({ query })),
      fc.tuple(document, anyJson, anyJson).map(([query, variables, operationName]) => JSON.stringify({ query, variables, operationName })),
      anyJson.map((json) => JSON.stringify(json)),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(body, fc.constantFrom<Who>('committer', 'council', 'anonymous')), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const before = await headOf(server.url);
        await Promise.all(batch.map(([text, who]) => send(text, who)));
        expect(await headOf(server.url)).toBe(before);
      }),
      { numRuns: Math.round((TOTAL * 0.4) / BATCH), seed: SEED, endOnFailure: true },
    );
  }, LONG ? 3_600_000 : 180_000);
});
