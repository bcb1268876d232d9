import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import autocannon from 'autocannon';
import { ACCEPT, type ApiProcess, COMMITTER, COUNCIL, COUNTERPARTY, gql, makeDataDir, proposal, PROPOSE, removeDataDir, report, rssOf, startApi, tokenFor } from '@council/tests/support';

/**
 * Soak: mixed reads and writes over HTTP (autocannon) for SOAK_SECONDS (30 in the
 * normal test run; `npm run soak`: 600). Writers report progress on commitments of
 * their own with the revision they last saw; readers ask for a commitment with its
 * history, a page of the list and a dashboard. Prints requests/s, errors, p99 and the
 * server's memory growth; fails on any error.
 */
const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 30);
const WRITERS = 4;
const READERS = 4;
const PER_WRITER = 4;

const READS = [
  'query ($id: ID!) { commitment(id: $id) { id status revision indicator { actual progress } history { type recordedAt } } }',
  '{ commitments(filter: { province: "79", role: COMMITTER }, first: 20) { edges { node { id status schedule revision } } pageInfo { hasNextPage } } }',
  '{ trackDashboard(track: TRANSPORT) { track total byStatus { status count } } }',
];
const REPORT = `mutation ($id: ID!, $input: ReportProgressInput!, $expectedRevision: Int, $commandId: String) {
  reportProgress(id: $id, input: $input, expectedRevision: $expectedRevision, commandId: $commandId) { id revision } }`;

describe(`a ${SECONDS} s soak of mixed reads and writes`, () => {
  let dataDir: string;
  let server: ApiProcess;
  let committer: string;
  let council: string;
  const commitments: { id: string; revision: number | undefined }[] = [];

  beforeAll(async () => {
    dataDir = await makeDataDir('council-soak-');
    server = await startApi(dataDir, { RATE_LIMIT_POINTS: '0' });
    const counterparty = await tokenFor(COUNTERPARTY);
    [committer, council] = await Promise.all([tokenFor(COMMITTER), tokenFor(COUNCIL)]);
    for (let i = 0; i < WRITERS * PER_WRITER; i++) {
      const id = ((await gql(server.url, committer, PROPOSE, { input: proposal(`soak-${i}`) })).body.data?.['proposeCommitment'] as { id: string }).id;
      const accepted = (await gql(server.url, counterparty, ACCEPT, { id })).body.data?.['acceptCommitment'] as { revision: number };
      commitments.push({ id, revision: accepted.revision });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('answers a race of 8 writers on one revision with one success and 7 CONFLICTs (STALE_REVISION), recording one event', async () => {
    const target = commitments[0]!;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => gql(server.url, committer, REPORT, { id: target.id, input: report(i), expectedRevision: target.revision, commandId: `race-${i}` })),
    );
    const won = answers.filter((a) => !a.body.errors);
    const lost = answers.filter((a) => a.body.errors).map((a) => a.body.errors!.map((e) => `${e.extensions?.code}/${e.extensions?.['conflict']}`).join());
    expect({ won: won.length, lost }).toEqual({ won: 1, lost: Array.from({ length: 7 }, () => 'CONFLICT/STALE_REVISION') });
    const revision = (won[0]!.body.data?.['reportProgress'] as { revision: number }).revision;
    expect(revision).toBe(target.revision! + 1);
    target.revision = revision;
  });

  it('answers every request without an error, and says how fast and how much memory it took', async () => {
    const errors: string[] = [];
    let writes = 0;
    let reads = 0;
    let sent = 0;
    const fail = (what: string): void => {
      if (errors.length < 20) errors.push(what.slice(0, 300));
    };
    // A short warm-up, so that start-up allocations are not counted as growth.
    await new Promise((wait) => setTimeout(wait, 1_000));
    const rssBefore = rssOf(server.pid);
    let client = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: `${server.url}/graphql`,
          connections: WRITERS + READERS,
          pipelining: 1,
          duration: SECONDS,
          timeout: 10,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupClient: (c) => {
            const index = client++;
            const writer = index < WRITERS;
            const owned = commitments.filter((_, i) => i % WRITERS === index);
            let turn = 0;
            let current = owned[0]!;
            c.setRequests([
              {
                method: 'POST',
                path: '/graphql',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${writer ? committer : council}` },
                setupRequest: (request) => {
                  turn++;
                  sent++;
                  if (!writer) {
                    const query = READS[turn % READS.length]!;
                    return { ...request, body: JSON.stringify({ query, variables: { id: commitments[turn % commitments.length]!.id } }) };
                  }
                  current = owned[turn % owned.length]!;
                  const variables = { id: current.id, input: report(turn), expectedRevision: current.revision, commandId: `soak-${index}-${turn}` };
                  return { ...request, body: JSON.stringify({ query: REPORT, variables }) };
                },
                onResponse: (status, body) => {
                  let parsed: { data?: Record<string, { revision?: number } | null>; errors?: unknown[] };
                  try {
                    parsed = JSON.parse(body) as typeof parsed;
                  } catch {
                    fail(`HTTP ${status}, not JSON: ${body}`);
                    return;
                  }
                  if (status !== 200 || parsed.errors) {
                    fail(`HTTP ${status}: ${JSON.stringify(parsed.errors)}`);
                    return;
                  }
                  if (writer) {
                    current.revision = parsed.data?.['reportProgress']?.revision;
                    writes++;
                  } else reads++;
                },
              },
            ]);
          },
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
    });
    const rssAfter = rssOf(server.pid);
    const growthMb = (rssAfter - rssBefore) / 2 ** 20;
    const line =
      `soak: ${SECONDS} s, ${WRITERS} writers + ${READERS} readers: ${Math.round(result.requests.average)} requests/s ` +
      `(${writes} writes, ${reads} reads), ${errors.length + result.errors + result.timeouts} errors, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, server RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(0)} MB)`;
    process.stdout.write(`${line}\n`);
    expect({ errors, transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: [], transport: 0, timeouts: 0, non2xx: 0 });
    expect(writes).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(0);
  }, (SECONDS + 60) * 1000);
});
