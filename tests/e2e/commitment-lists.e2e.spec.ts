import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, graphql } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256 } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-commitment-lists-0123456789';

interface Node {
  id: string;
  track: string;
  status: string;
  schedule: string;
  deadline: string;
  committer: { code: string };
  counterparties: { code: string }[];
}

describe('commitment lists from the read models, on the demo region', () => {
  let dataDir: string;
  let server: RunningServer;
  let token: string;
  const page = async (args: string) => {
    const answer = await graphql(server.url, `{ commitments(${args}) { edges { cursor node { id track status schedule deadline committer { code } counterparties { code } } } pageInfo { hasNextPage endCursor } } }`, { token });
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return (answer.body.data as { commitments: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor?: string } } }).commitments;
  };
  const all = async (args: string) => {
    const nodes: Node[] = [];
    for (let after: string | undefined, more = true; more; ) {
      const p = await page(`${args} first: 7${after ? `, after: "${after}"` : ''}`);
      nodes.push(...p.edges.map((e) => e.node));
      more = p.pageInfo.hasNextPage;
      after = p.pageInfo.endCursor;
    }
    return nodes;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET });
    token = await hs256(SECRET, { claims: { sub: 'secretariat', name: 'Văn phòng Hội đồng', roles: ['council'] } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('pages through every commitment once, soonest deadline first', async () => {
    const nodes = await all('');
    expect(nodes).toHaveLength(45);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(45);
    expect(nodes.map((n) => n.deadline)).toEqual([...nodes.map((n) => n.deadline)].sort());
  });

  it('filters by track, and by province including the provinces merged into it', async () => {
    const health = await all('filter: { track: HEALTH },');
    expect(health.length).toBeGreaterThanOrEqual(8);
    expect(health.every((n) => n.track === 'HEALTH')).toBe(true);
    const hcmc = await all('filter: { province: "79", role: COMMITTER },');
    expect(hcmc.every((n) => ['79', '74', '77'].includes(n.committer.code))).toBe(true);
    expect(hcmc.some((n) => n.committer.code === '74')).toBe(true);
  });

  it('filters by health on the day asked about', async () => {
    const overdue = await all('filter: { health: OVERDUE },');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((n) => n.schedule === 'OVERDUE')).toBe(true);
  });

  it('answers as known at a past moment', async () => {
    const then = await all('asOf: "2024-06-30T00:00:00+07:00",');
    expect(then.length).toBeGreaterThan(0);
    expect(then.length).toBeLessThan(45);
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    const answer = await graphql(server.url, '{ commitments(first: 101) { pageInfo { hasNextPage } } }', { token });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
  });
});
