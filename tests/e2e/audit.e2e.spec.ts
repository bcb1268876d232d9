import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, graphql, type GraphqlAnswer } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256 } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-audit-trail-0123456789abcdef';
const EVENT = 'position streamId revision id type data actor { subject roles province } commandId correlationId causationId recordedAt effectiveAt schemaVersion hash';
const TRAIL = `query ($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) { headPosition edges { cursor node { ${EVENT} } } pageInfo { hasNextPage endCursor } } }`;
const VERIFY = `query ($seals: [String!]) { verifyIntegrity(seals: $seals) {
  ok events streams headPosition logHash firstProblem { kind position streamId revision message }
  seals { sequence position hash outside ok } readModels { ok position tables { table live rebuilt equal } } } }`;

type Event = Record<string, unknown> & { position: string; streamId: string; revision: number; type: string };

describe('the audit trail, seals and the integrity check over GraphQL, on the demo region', () => {
  let dataDir: string;
  let server: RunningServer;
  const tokens: Record<string, string> = {};
  const ask = (who: string, query: string, variables?: Record<string, unknown>) => graphql(server.url, query, { token: tokens[who]!, ...(variables && { variables }) });
  const data = <T>(answer: GraphqlAnswer, field: string): T => {
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return (answer.body.data as Record<string, T>)[field]!;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET });
    const sign = (sub: string, roles: string[], province?: string) => hs256(SECRET, { claims: { sub, name: `Cán bộ ${sub}`, roles, ...(province && { province }) } });
    tokens['auditor'] = await sign('kiem-toan-1', ['auditor']);
    tokens['council'] = await sign('secretariat', ['council']);
    tokens['79'] = await sign('official-79', ['province'], '79');
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('pages through the whole log in order, 100 at a time, every event with its position, stream, metadata and hash', async () => {
    const seen: Event[] = [];
    let after: string | undefined;
    let head: string | undefined;
    for (;;) {
      const page = data<{ headPosition: string; edges: { node: Event }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>(await ask('auditor', TRAIL, { first: 100, after }), 'auditTrail');
      head = page.headPosition;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.map((e) => Number(e.position))).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    expect(seen[seen.length - 1]!.position).toBe(head);
    expect(seen.every((e) => /^[0-9a-f]{64}$/.test(e['hash'] as string) && e['recordedAt'] && e['effectiveAt'])).toBe(true);
  });

  it('filters by stream, type, actor, province and time, and a commitment’s history carries the same fields', async () => {
    const first = data<{ edges: { node: Event }[] }>(await ask('auditor', TRAIL, { filter: { eventTypes: ['CommitmentProposed'] }, first: 1 }), 'auditTrail').edges[0]!.node;
    const stream = data<{ edges: { node: Event }[] }>(await ask('council', TRAIL, { filter: { streamId: first.streamId }, first: 100 }), 'auditTrail').edges.map((e) => e.node);
    expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
    const id = first.streamId.replace(/^commitment-/, '');
    const history = data<{ history: Event[] }>(await ask('auditor', `query ($id: ID!) { commitment(id: $id) { history { position streamId revision type data actor { subject roles province } commandId correlationId causationId recordedAt effectiveAt hash } } }`, { id }), 'commitment').history;
    const trailed = stream.map(({ id: _id, schemaVersion: _v, ...rest }) => rest);
    expect(history).toEqual(trailed);

    const actor = (first['actor'] as { subject: string; province: string }).subject;
    const byActor = data<{ edges: { node: Event }[] }>(await ask('auditor', TRAIL, { filter: { actor, from: first['recordedAt'], to: first['recordedAt'] }, first: 100 }), 'auditTrail').edges;
    expect(byActor.map((e) => e.node.position)).toContain(first.position);
    expect(byActor.every((e) => (e.node['actor'] as { subject: string }).subject === actor && e.node['recordedAt'] === first['recordedAt'])).toBe(true);
    const province = (first['actor'] as { province: string }).province;
    const byProvince = data<{ edges: { node: Event }[] }>(await ask('auditor', TRAIL, { filter: { province }, first: 20 }), 'auditTrail').edges;
    expect(byProvince.length).toBeGreaterThan(0);
    expect(byProvince.every((e) => (e.node['actor'] as { province: string }).province === province)).toBe(true);
  });

  it('refuses a province official and a page larger than 100', async () => {
    expect(codesOf(await ask('79', TRAIL, { first: 10 }))).toEqual(['FORBIDDEN']);
    const tooBig = await ask('auditor', TRAIL, { first: 101 });
    expect(codesOf(tooBig)).toEqual(['BAD_USER_INPUT']);
  });

  it('seals the log on demand; the integrity check then passes with that seal held outside, and the read models equal a rebuild', async () => {
    const seal = data<{ sequence: number; position: string; hash: string; reference: string }>(await ask('council', 'mutation { sealLog { sequence position eventCount logHash previous hash sealedAt reference } }'), 'sealLog');
    expect(seal.reference).toBe(`${seal.hash}@${seal.position}`);
    const report = data<{ ok: boolean; firstProblem: unknown; seals: { ok: boolean; outside: boolean }[]; readModels: { ok: boolean; tables: { equal: boolean }[] } }>(await ask('auditor', VERIFY, { seals: [seal.reference] }), 'verifyIntegrity');
    expect(report).toMatchObject({ ok: true, firstProblem: null, readModels: { ok: true } });
    expect(report.readModels.tables.length).toBeGreaterThan(0);
    expect(report.seals.filter((s) => s.outside)).toEqual([expect.objectContaining({ ok: true })]);
    const forged = await ask('auditor', VERIFY, { seals: [`${'a'.repeat(64)}@${seal.position}`] });
    expect(data<{ ok: boolean; firstProblem: { kind: string } }>(forged, 'verifyIntegrity')).toMatchObject({ ok: false, firstProblem: { kind: 'OUTSIDE_SEAL' } });
    expect(codesOf(await ask('council', VERIFY))).toEqual(['FORBIDDEN']);
  });
});
