import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, graphql, type GraphqlAnswer } from './support/graphql.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256 } from './support/tokens.js';

const SECRET = 'e2e-secret-for-the-commitments-0123456789abcdef';
const COMMITMENT = `id status schedule evidence revision deadline originalDeadline
  committer { code name } counterparties { code name accepted }
  indicator { target originalTarget actual progress } budgetVnd disbursedVnd lastReportedAt
  history { revision type actor { subject province } commandId }`;

// Dates relative to today, so the tests mean the same next year.
const day = (offsetDays: number) => new Date(new Date().getTime() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const DEADLINE = day(220);
const EXTENDED = day(400);

const PROPOSE = `mutation ($input: ProposeCommitmentInput!, $commandId: String) {
  proposeCommitment(input: $input, commandId: $commandId) { ${COMMITMENT} } }`;

const proposal = (overrides: Record<string, unknown> = {}) => ({
  track: 'TRANSPORT',
  title: 'Bàn giao mặt bằng nút giao Tân Vạn',
  description: 'Hoàn thành giải phóng mặt bằng nút giao.',
  counterpartyProvinces: ['75'],
  projectId: 'vanh-dai-3',
  responsible: { agency: 'Sở Xây dựng TP. Hồ Chí Minh', person: 'Phó Giám đốc Sở' },
  indicator: { name: 'Mặt bằng đã bàn giao', unit: 'ha', baseline: 0, target: 12.5 },
  deadline: DEADLINE,
  budget: { amountVnd: '2500000000000000', source: 'PROVINCIAL' },
  ...overrides,
});

describe('commitments over GraphQL', () => {
  let dataDir: string;
  let server: RunningServer;
  const tokens: Record<string, string> = {};
  const ask = (who: string, query: string, variables?: Record<string, unknown>) =>
    graphql(server.url, query, { token: tokens[who]!, ...(variables && { variables }) });
  /** The log's newest position, from /health: unchanged means nothing was recorded. */
  const head = async () => ((await (await fetch(`${server.url}/health`)).json()) as { details: { eventStore: { head: number } } }).details.eventStore.head;
  const data = (answer: GraphqlAnswer, field: string) => {
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return (answer.body.data as Record<string, Record<string, unknown>>)[field]!;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET, DEMO_DATA: 'false' });
    const sign = (sub: string, roles: string[], province?: string) =>
      hs256(SECRET, { claims: { sub, name: `Cán bộ ${sub}`, roles, ...(province && { province }) } });
    for (const code of ['79', '75', '80']) tokens[code] = await sign(`official-${code}`, ['province'], code);
    tokens['council'] = await sign('secretariat', ['council']);
    tokens['auditor'] = await sign('auditor', ['auditor']);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await removeDataDir(dataDir);
  });

  it('lets a province propose, the counterparty accept, and the committer report progress, each answer showing the change', async () => {
    const proposed = data(await ask('79', PROPOSE, { input: proposal() }), 'proposeCommitment');
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      committer: { code: '79', name: 'Thành phố Hồ Chí Minh' },
      counterparties: [{ code: '75', name: 'Tỉnh Đồng Nai', accepted: false }],
      budgetVnd: '2500000000000000',
      evidence: 'NO_REPORT',
      revision: 0,
    });
    const id = proposed['id'] as string;
    const accepted = data(await ask('75', `mutation { acceptCommitment(id: "${id}", expectedRevision: 0) { ${COMMITMENT} } }`), 'acceptCommitment');
    expect(accepted).toMatchObject({ status: 'ACTIVE', revision: 2, counterparties: [{ code: '75', accepted: true }] });
    const reported = data(
      await ask('79', `mutation ($input: ReportProgressInput!) { reportProgress(id: "${id}", input: $input) { ${COMMITMENT} } }`, {
        input: { value: 5, disbursedVnd: '900000000000', reportedFor: day(-3), evidenceUrl: 'https://sxd.hochiminhcity.gov.vn/bien-ban-12.pdf' },
      }),
      'reportProgress',
    );
    expect(reported).toMatchObject({ indicator: { actual: 5, progress: 0.4 }, disbursedVnd: '900000000000', lastReportedAt: day(-3), evidence: 'EVIDENCED' });
    const read = data(await ask('auditor', `{ commitment(id: "${id}") { ${COMMITMENT} } }`), 'commitment');
    expect((read['history'] as { type: string }[]).map((h) => h.type)).toEqual(['CommitmentProposed', 'CommitmentAccepted', 'CommitmentActivated', 'ProgressReported']);
  });

  it('names every missing point of the five-point rule with BAD_USER_INPUT, and records nothing', async () => {
    const before = await head();
    const answer = await ask('79', PROPOSE, { input: { track: 'HEALTH', counterpartyProvinces: ['75'] } });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors?.[0]?.extensions?.['field']).toBe('title');
    expect(answer.body.errors?.[0]?.message).toMatch(/missing title, deadline, responsible\.agency, responsible\.person, indicator\.name, indicator\.unit, indicator\.target/);
    expect(await head()).toBe(before);
  });

  it('refuses a commitment to oneself and a province merged away, naming the field', async () => {
    const self = await ask('79', PROPOSE, { input: proposal({ counterpartyProvinces: ['79'] }) });
    expect([codesOf(self), self.body.errors?.[0]?.extensions?.['field']]).toEqual([['BAD_USER_INPUT'], 'counterpartyProvinces[0]']);
    const merged = await ask('79', PROPOSE, { input: proposal({ counterpartyProvinces: ['74'] }) });
    expect(merged.body.errors?.[0]?.message).toMatch(/province 74 is not a member or partner of the region today/);
  });

  it('answers a repeated commandId with the first result and records nothing; the same key with another request is CONFLICT', async () => {
    const first = data(await ask('79', PROPOSE, { input: proposal({ title: 'Lần một' }), commandId: 'key-1' }), 'proposeCommitment');
    const before = await head();
    const again = data(await ask('79', PROPOSE, { input: proposal({ title: 'Lần một' }), commandId: 'key-1' }), 'proposeCommitment');
    expect(again).toEqual(first);
    expect(await head()).toBe(before);
    const other = await ask('79', PROPOSE, { input: proposal({ title: 'Lần hai' }), commandId: 'key-1' });
    expect(codesOf(other)).toEqual(['CONFLICT']);
  });

  it('answers a stale expectedRevision with CONFLICT and records nothing', async () => {
    const id = data(await ask('79', PROPOSE, { input: proposal() }), 'proposeCommitment')['id'];
    data(await ask('75', `mutation { acceptCommitment(id: "${id}") { id } }`), 'acceptCommitment');
    const before = await head();
    const stale = await ask('79', `mutation { claimFulfillment(id: "${id}", note: "xong", expectedRevision: 0) { id } }`);
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    expect(await head()).toBe(before);
    expect(data(await ask('auditor', `{ commitment(id: "${id}") { status revision } }`), 'commitment')).toEqual({ status: 'ACTIVE', revision: 2 });
  });

  it('lets no role act beyond its place: FORBIDDEN for the wrong role or the wrong province, UNAUTHENTICATED without a token', async () => {
    const id = data(await ask('79', PROPOSE, { input: proposal() }), 'proposeCommitment')['id'];
    expect(codesOf(await ask('council', PROPOSE, { input: proposal() }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('auditor', `mutation { cancelCommitment(id: "${id}", reason: "x") { id } }`))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('80', `mutation { acceptCommitment(id: "${id}") { id } }`))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('75', `mutation { withdrawCommitment(id: "${id}", reason: "x") { id } }`))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql(server.url, `mutation { acceptCommitment(id: "${id}") { id } }`))).toEqual(['UNAUTHENTICATED']);
    expect(data(await ask('council', `mutation { cancelCommitment(id: "${id}", reason: "Dừng theo chỉ đạo") { status } }`), 'cancelCommitment')).toEqual({ status: 'CANCELLED' });
  });

  it('runs the whole lifecycle: extension approved, amendment beside the original, claim disputed, claimed again, verified', async () => {
    const id = data(await ask('79', PROPOSE, { input: proposal() }), 'proposeCommitment')['id'];
    const m = (who: string, field: string, args: string) => ask(who, `mutation { ${field}(id: "${id}", ${args}) { ${COMMITMENT} } }`).then((a) => data(a, field));
    await ask('75', `mutation { acceptCommitment(id: "${id}") { id } }`);
    await m('79', 'requestDeadlineExtension', `newDeadline: "${EXTENDED}", reason: "Vướng mặt bằng"`);
    expect(await m('council', 'decideDeadlineExtension', 'approve: true, note: "Đồng ý"')).toMatchObject({ deadline: EXTENDED, originalDeadline: DEADLINE });
    expect(await ask('council', `mutation ($i: AmendCommitmentInput!) { amendCommitment(id: "${id}", input: $i) { indicator { target originalTarget } budgetVnd } }`, { i: { target: 15, reason: 'Mở rộng phạm vi' } }).then((a) => data(a, 'amendCommitment'))).toMatchObject({
      indicator: { target: 15, originalTarget: 12.5 },
    });
    await m('79', 'claimFulfillment', 'note: "Đã bàn giao", evidenceUrl: "https://example.gov.vn/bb.pdf"');
    expect(await m('75', 'verifyFulfillment', 'accepted: false, note: "Còn 2 ha chưa bàn giao"')).toMatchObject({ status: 'ACTIVE', evidence: 'DISPUTED' });
    await m('79', 'claimFulfillment', 'note: "Đã bàn giao đủ"');
    expect(await m('council', 'verifyFulfillment', 'accepted: true, note: "Đã kiểm tra"')).toMatchObject({ status: 'FULFILLED', schedule: 'DONE_ON_TIME', evidence: 'CONFIRMED' });
    const closed = await ask('council', `mutation { cancelCommitment(id: "${id}", reason: "x") { id } }`);
    expect(codesOf(closed)).toEqual(['CONFLICT']);
  });

  it('lists the provinces as they are today and the projects for the council', async () => {
    const provinces = data(await ask('75', '{ provinces { code name role mergedInto } }'), 'provinces') as unknown as { code: string; role: string | null; mergedInto: string | null }[];
    expect(provinces.filter((p) => p.role === 'member').map((p) => p.code)).toEqual(['75', '79', '80']);
    expect(provinces.find((p) => p.code === '74')).toMatchObject({ mergedInto: '79' });
    const registered = await ask('council', 'mutation { registerProject(input: { id: "cau-phu-my-2", name: "Cầu Phú Mỹ 2", track: "transport", provinces: ["79", "75"] }) { id name } }');
    expect(data(registered, 'registerProject')).toEqual({ id: 'cau-phu-my-2', name: 'Cầu Phú Mỹ 2' });
    expect(codesOf(await ask('79', 'mutation { registerProject(input: { id: "x", name: "X", track: "transport", provinces: ["79"] }) { id } }'))).toEqual(['FORBIDDEN']);
  });
});
