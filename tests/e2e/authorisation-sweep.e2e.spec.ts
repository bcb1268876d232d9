import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, graphql, type GraphqlAnswer } from './support/graphql.js';
import { namedType, operationFor, type RootField, rootFields } from './support/introspection.js';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from './support/server.js';
import { hs256 } from './support/tokens.js';

/**
 * The authorisation sweep: every mutation of the running schema × every kind of caller,
 * each on a commitment of its own built in the state the mutation needs, and every
 * query × every caller. A mutation or query the schema gains without a line here fails
 * the sweep. The expected outcome comes from ../shared/API.md, not from the policy table.
 */

const SECRET = 'e2e-secret-for-the-authorisation-sweep-0123456789';

// Dates relative to today, so the sweep means the same next year.
const day = (offsetDays: number) => new Date(new Date().getTime() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const DEADLINE = day(220);
const EXTENDED = day(400);

// The committer, its counterparty and a third province: members of the region today, none a successor of another.
const CALLERS = {
  anonymous: { label: 'an anonymous caller', roles: [] as string[] },
  council: { label: 'the council', roles: ['council'] },
  auditor: { label: 'an auditor', roles: ['auditor'] },
  committer: { label: 'the committer', roles: ['province'], province: '79' },
  counterparty: { label: 'a counterparty', roles: ['province'], province: '75' },
  outsider: { label: 'another province', roles: ['province'], province: '80' },
} as const;
type CallerKey = keyof typeof CALLERS;
type Caller = (typeof CALLERS)[CallerKey];
const CALLER_KEYS = Object.keys(CALLERS) as CallerKey[];

/**
 * Who may call each mutation (../shared/API.md); every caller not listed is refused:
 * UNAUTHENTICATED without a token, FORBIDDEN otherwise. Auditors may call only sealLog.
 * For proposeCommitment and registerProject there is no commitment yet: "the committer",
 * "a counterparty" and "another province" are just three provinces.
 */
const MAY_CALL: Record<string, readonly CallerKey[]> = {
  proposeCommitment: ['committer', 'counterparty', 'outsider'], // any province; it becomes the committer
  acceptCommitment: ['counterparty'],
  declineCommitment: ['counterparty'],
  withdrawCommitment: ['committer'],
  reportProgress: ['committer'],
  requestDeadlineExtension: ['committer'],
  claimFulfillment: ['committer'],
  decideDeadlineExtension: ['council'],
  amendCommitment: ['council'],
  cancelCommitment: ['council'],
  registerProject: ['council'],
  verifyFulfillment: ['counterparty', 'council'],
  sealLog: ['council', 'auditor'],
};

/** Where a fresh commitment is taken, by its proper callers, before the call under test. */
type Stage = 'none' | 'proposed' | 'active' | 'extension requested' | 'fulfilment claimed';

interface Call {
  readonly on: Stage;
  /** Valid arguments, by name; the variable types come from the schema. */
  readonly args: (id: string, caller: Caller, key: string) => Record<string, unknown>;
  /** What the answer shows when the call succeeds (the lifecycle's next status). */
  readonly then: (caller: Caller, key: string) => Record<string, unknown>;
}

const proposal = (committer: string) => ({
  track: 'TRANSPORT',
  title: 'Bàn giao mặt bằng nút giao Tân Vạn',
  description: 'Hoàn thành giải phóng mặt bằng nút giao.',
  counterpartyProvinces: [committer === '75' ? '79' : '75'],
  responsible: { agency: 'Sở Xây dựng', person: 'Phó Giám đốc Sở' },
  indicator: { name: 'Mặt bằng đã bàn giao', unit: 'ha', baseline: 0, target: 12.5 },
  deadline: DEADLINE,
  budget: { amountVnd: '2500000000000', source: 'PROVINCIAL' },
});

const CALLS: Record<string, Call> = {
  proposeCommitment: {
    on: 'none',
    args: (_id, caller) => ({ input: proposal('province' in caller ? caller.province : '79') }),
    then: (caller) => ({ status: 'PROPOSED', revision: 0, committer: { code: 'province' in caller ? caller.province : undefined } }),
  },
  acceptCommitment: { on: 'proposed', args: (id) => ({ id }), then: () => ({ status: 'ACTIVE' }) },
  declineCommitment: { on: 'proposed', args: (id) => ({ id, reason: 'Chưa bố trí được vốn đối ứng' }), then: () => ({ status: 'DECLINED' }) },
  withdrawCommitment: { on: 'proposed', args: (id) => ({ id, reason: 'Điều chỉnh phạm vi' }), then: () => ({ status: 'WITHDRAWN' }) },
  reportProgress: {
    on: 'active',
    args: (id) => ({ id, input: { value: 3, reportedFor: day(-1), evidenceUrl: 'https://example.gov.vn/bien-ban.pdf' } }),
    then: () => ({ status: 'ACTIVE', indicator: { actual: 3 } }),
  },
  requestDeadlineExtension: {
    on: 'active',
    args: (id) => ({ id, newDeadline: EXTENDED, reason: 'Vướng mặt bằng' }),
    then: () => ({ status: 'ACTIVE', deadline: DEADLINE, pendingExtension: { newDeadline: EXTENDED } }),
  },
  claimFulfillment: { on: 'active', args: (id) => ({ id, note: 'Đã bàn giao đủ' }), then: () => ({ status: 'FULFILLMENT_CLAIMED' }) },
  decideDeadlineExtension: {
    on: 'extension requested',
    args: (id) => ({ id, approve: true, note: 'Đồng ý gia hạn' }),
    then: () => ({ status: 'ACTIVE', deadline: EXTENDED, originalDeadline: DEADLINE, pendingExtension: null }),
  },
  amendCommitment: {
    on: 'active',
    args: (id) => ({ id, input: { target: 15, reason: 'Mở rộng phạm vi theo đề nghị của tỉnh' } }),
    then: () => ({ status: 'ACTIVE', indicator: { target: 15, originalTarget: 12.5 } }),
  },
  cancelCommitment: { on: 'active', args: (id) => ({ id, reason: 'Dừng theo chỉ đạo' }), then: () => ({ status: 'CANCELLED' }) },
  registerProject: {
    on: 'none',
    args: (_id, _caller, key) => ({ input: { id: key, name: 'Cầu kiểm thử', track: 'transport', provinces: ['79', '75'] } }),
    then: (_caller, key) => ({ id: key, name: 'Cầu kiểm thử' }),
  },
  verifyFulfillment: {
    on: 'fulfilment claimed',
    args: (id) => ({ id, accepted: true, note: 'Đã kiểm tra tại hiện trường' }),
    then: (caller) => ({ status: 'FULFILLED', fulfilment: { verifiedBy: 'province' in caller ? caller.province : 'council' } }),
  },
  sealLog: { on: 'none', args: () => ({}), then: () => ({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) }) },
};

/** What to select of each type a root field returns. */
const SELECTION: Record<string, string> = {
  Commitment: 'id status revision deadline originalDeadline committer { code } pendingExtension { newDeadline } indicator { target originalTarget actual } fulfilment { verifiedBy }',
  Project: 'id name',
  CommitmentConnection: 'edges { cursor node { id status } } pageInfo { hasNextPage endCursor }',
  Identity: 'subject roles provinceCode',
  Province: 'code name',
  TrackDashboard: 'track total asOfDay byStatus { status count }',
  ProvinceScorecard: 'province { code } made received',
  RegionOverview: 'asOfDay tracks { track total }',
  ProjectDashboard: 'project { id } total commitments { id }',
  LogSeal: 'sequence position hash reference',
  AuditEventConnection: 'headPosition edges { cursor node { position streamId hash } } pageInfo { hasNextPage endCursor }',
  IntegrityReport: 'ok events firstProblem { kind message }',
};

/**
 * Every query answers any signed-in caller, whatever its role, unless it names the roles it
 * serves (FORBIDDEN for the others); anonymous callers get UNAUTHENTICATED unless the query is public. docs/api.md: without a token a caller
 * "may ask `{ __typename }` and nothing else of note", so no query is public.
 */
const QUERIES: Record<string, { readonly public: boolean; readonly roles?: readonly CallerKey[]; readonly args: (id: string) => Record<string, unknown> }> = {
  commitment: { public: false, args: (id) => ({ id }) },
  commitments: { public: false, args: () => ({ filter: { province: '79', role: 'COMMITTER' }, first: 5 }) },
  me: { public: false, args: () => ({}) },
  projects: { public: false, args: () => ({}) },
  provinces: { public: false, args: () => ({ on: day(0) }) },
  trackDashboard: { public: false, args: () => ({ track: 'HEALTH' }) },
  provinceScorecard: { public: false, args: () => ({ province: '79' }) },
  regionOverview: { public: false, args: () => ({}) },
  projectDashboard: { public: false, args: () => ({ id: 'vanh-dai-3' }) },
  // The raw log and the integrity check are for auditors (and the raw log for the council): API.md.
  auditTrail: { public: false, roles: ['auditor', 'council'], args: () => ({ first: 5 }) },
  verifyIntegrity: { public: false, roles: ['auditor'], args: () => ({}) },
};

interface MutationCase {
  readonly title: string;
  readonly mutation: string;
  readonly caller: CallerKey;
  readonly allowed: boolean;
}

const MUTATION_CASES: MutationCase[] = Object.entries(MAY_CALL).flatMap(([mutation, allowedCallers]) =>
  CALLER_KEYS.map((caller) => {
    const allowed = allowedCallers.includes(caller);
    const status = CALLS[mutation]?.then(CALLERS[caller], 'key')['status'];
    const outcome = allowed ? `succeeds${status ? ` (${String(status)})` : ''}` : `is ${caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`;
    return { title: `${mutation} by ${CALLERS[caller].label} ${outcome}`, mutation, caller, allowed };
  }),
);

/**
 * The same refusals when the caller replays, with identical arguments, the commandId the
 * party that may call used (commandIds are in every commitment's history, readable by any
 * signed-in caller): an idempotent replay must not answer a caller the call itself refuses.
 */
interface ReplayCase extends MutationCase {
  /** Who made the call first, with the commandId replayed. */
  readonly party: CallerKey;
}

// sealLog takes no commandId: a second seal is harmless, so there is nothing to replay.
const REPLAY_CASES: ReplayCase[] = Object.entries(MAY_CALL).flatMap(([mutation, allowedCallers]) => {
  const party = allowedCallers[0];
  if (!party || mutation === 'sealLog') return [];
  return CALLER_KEYS.filter((caller) => caller !== 'anonymous' && !allowedCallers.includes(caller)).map((caller) => ({
    title: `${mutation} by ${CALLERS[caller].label} replaying the commandId of ${CALLERS[party].label} is FORBIDDEN`,
    mutation,
    caller,
    party,
    allowed: false,
  }));
});

const QUERY_CASES = Object.entries(QUERIES).flatMap(([query, { public: open, roles }]) =>
  CALLER_KEYS.map((caller) => {
    const answered = open || (caller !== 'anonymous' && (!roles || roles.includes(caller)));
    const refusal = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    return { title: `query ${query} by ${CALLERS[caller].label} ${answered ? 'is answered' : `is ${refusal}`}`, query, caller, answered, refusal };
  }),
);

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('authorisation sweep: every mutation and query × every kind of caller', () => {
  let dataDir: string;
  let server: RunningServer;
  const tokens = new Map<CallerKey, string>();
  let mutations = new Map<string, RootField>();
  let queries = new Map<string, RootField>();
  /** The commitment each mutation case acts on, built in the state it needs. */
  const fixtures = new Map<string, string>();
  /** The commitment (if any) each replay case acts on, on which the party already made the call. */
  const replayed = new Map<string, string>();
  let readable = '';

  const ask = (caller: CallerKey, query: string, variables?: Record<string, unknown>) =>
    graphql(server.url, query, { ...(tokens.has(caller) && { token: tokens.get(caller)! }), ...(variables && { variables }) });
  const data = (answer: GraphqlAnswer, field: string) => {
    if (answer.body.errors) throw new Error(`${field}: ${JSON.stringify(answer.body.errors)}`);
    return (answer.body.data as Record<string, Record<string, unknown>>)[field]!;
  };
  /** The log's newest position, from /health: unchanged means nothing was recorded. */
  const head = async () => Number(((await (await fetch(`${server.url}/health`)).json()) as { details: { eventStore: { head: number } } }).details.eventStore.head);

  /** A fresh commitment of the committer (79) to the counterparty (75), taken to `stage` by the proper callers. */
  async function commitmentIn(stage: Exclude<Stage, 'none'>): Promise<string> {
    const id = data(await ask('committer', 'mutation ($input: ProposeCommitmentInput!) { proposeCommitment(input: $input) { id } }', { input: proposal('79') }), 'proposeCommitment')['id'] as string;
    if (stage === 'proposed') return id;
    data(await ask('counterparty', 'mutation ($id: ID!) { acceptCommitment(id: $id) { id } }', { id }), 'acceptCommitment');
    if (stage === 'extension requested')
      data(await ask('committer', 'mutation ($id: ID!, $d: Date!) { requestDeadlineExtension(id: $id, newDeadline: $d, reason: "Vướng mặt bằng") { id } }', { id, d: EXTENDED }), 'requestDeadlineExtension');
    if (stage === 'fulfilment claimed')
      data(await ask('committer', 'mutation ($id: ID!) { claimFulfillment(id: $id, note: "Đã bàn giao đủ") { id } }', { id }), 'claimFulfillment');
    return id;
  }

  /** A key unique to a replay case: the commandId, and the project's id for registerProject. */
  const replayKey = (c: ReplayCase) => `replay-${c.mutation.toLowerCase()}-${c.caller}`;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await startServer(dataDir, { AUTH_JWT_SECRET: SECRET, DEMO_DATA: 'false' });
    for (const key of CALLER_KEYS) {
      const caller: Caller = CALLERS[key];
      if (key === 'anonymous') continue;
      const province = 'province' in caller ? caller.province : undefined;
      tokens.set(key, await hs256(SECRET, { claims: { sub: `sweep-${key}`, name: `Cán bộ ${key}`, roles: caller.roles, ...(province && { province }) } }));
    }
    const council = tokens.get('council')!;
    mutations = new Map((await rootFields(server.url, 'mutationType', council)).map((field) => [field.name, field]));
    queries = new Map((await rootFields(server.url, 'queryType', council)).map((field) => [field.name, field]));
    const needed = MUTATION_CASES.flatMap((c) => {
      const on = CALLS[c.mutation]?.on;
      return on && on !== 'none' ? [{ title: c.title, on }] : [];
    });
    const ids = await pool(needed, 12, ({ on }) => commitmentIn(on));
    needed.forEach(({ title }, index) => fixtures.set(title, ids[index]!));
    const replays = await pool(REPLAY_CASES, 12, async (c) => {
      const call = CALLS[c.mutation]!;
      const id = call.on === 'none' ? '' : await commitmentIn(call.on);
      const variables = { ...call.args(id, CALLERS[c.party], replayKey(c)), commandId: replayKey(c) };
      data(await ask(c.party, operationFor('mutation', mutations.get(c.mutation)!, variables, '__typename'), variables), c.mutation);
      return id;
    });
    REPLAY_CASES.forEach(({ title }, index) => replayed.set(title, replays[index]!));
    readable = await commitmentIn('active');
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('has a line in the matrix for every mutation of the running schema, and none for a mutation it lacks', () => {
    const inSchema = [...mutations.keys()].sort();
    const problems = [
      ...inSchema.filter((name) => !(name in MAY_CALL) || !(name in CALLS)).map((name) => `no case for mutation ${name}`),
      ...Object.keys(MAY_CALL).filter((name) => !mutations.has(name)).map((name) => `the matrix names ${name}, which the schema does not have`),
    ];
    expect(problems).toEqual([]);
    expect(inSchema.length).toBeGreaterThan(0);
  });

  it('has a case for every query of the running schema, and none for a query it lacks', () => {
    const problems = [
      ...[...queries.keys()].filter((name) => !(name in QUERIES)).map((name) => `no case for query ${name}`),
      ...Object.keys(QUERIES).filter((name) => !queries.has(name)).map((name) => `the query cases name ${name}, which the schema does not have`),
    ];
    expect(problems).toEqual([]);
  });

  it.each(MUTATION_CASES.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
    const field = mutations.get(c.mutation);
    const call = CALLS[c.mutation];
    if (!field || !call) throw new Error(`no case for mutation ${c.mutation}, or the schema has no such mutation`);
    const caller = CALLERS[c.caller];
    const key = `sweep-${c.mutation.toLowerCase()}-${c.caller}`;
    const id = fixtures.get(c.title) ?? '';
    if (call.on !== 'none' && !id) throw new Error(`no commitment was built for "${c.title}"`);
    const variables = call.args(id, caller, key);
    const selection = SELECTION[namedType(field.type)];
    if (selection === undefined) throw new Error(`say what to select of ${namedType(field.type)}, which ${c.mutation} returns`);
    const document = operationFor('mutation', field, variables, selection);

    const before = await head();
    const answer = await ask(c.caller, document, variables);
    const recorded = (await head()) - before;

    if (c.allowed) {
      expect({ errors: answer.body.errors ?? [], recordedSomething: recorded > 0 }).toEqual({ errors: [], recordedSomething: true });
      expect(data(answer, c.mutation)).toMatchObject(call.then(caller, key));
    } else {
      const code = c.caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect({ codes: codesOf(answer), data: answer.body.data?.[c.mutation] ?? null, recorded }).toEqual({ codes: [code], data: null, recorded: 0 });
    }
  });

  it.each(REPLAY_CASES.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
    const field = mutations.get(c.mutation)!;
    const call = CALLS[c.mutation]!;
    const id = replayed.get(c.title) ?? '';
    if (id) {
      // The commandId is there for any signed-in caller to read.
      const history = data(await ask(c.caller, 'query ($id: ID!) { commitment(id: $id) { history { commandId } } }', { id }), 'commitment')['history'] as { commandId: string | null }[];
      expect(history.map((entry) => entry.commandId)).toContain(replayKey(c));
    }
    const variables = { ...call.args(id, CALLERS[c.party], replayKey(c)), commandId: replayKey(c) };
    const document = operationFor('mutation', field, variables, SELECTION[namedType(field.type)] ?? '__typename');
    const before = await head();
    const answer = await ask(c.caller, document, variables);
    const recorded = (await head()) - before;
    expect({ codes: codesOf(answer), data: answer.body.data?.[c.mutation] ?? null, recorded }).toEqual({ codes: ['FORBIDDEN'], data: null, recorded: 0 });
  });

  it.each(QUERY_CASES.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
    const field = queries.get(c.query);
    const query = QUERIES[c.query];
    if (!field || !query) throw new Error(`no case for query ${c.query}, or the schema has no such query`);
    const selection = SELECTION[namedType(field.type)];
    if (selection === undefined) throw new Error(`say what to select of ${namedType(field.type)}, which ${c.query} returns`);
    const variables = query.args(readable);
    const before = await head();
    const answer = await ask(c.caller, operationFor('query', field, variables, selection), variables);
    const recorded = (await head()) - before;
    if (c.answered) {
      expect({ errors: answer.body.errors ?? [], answered: answer.body.data?.[c.query] != null, recorded }).toEqual({ errors: [], answered: true, recorded: 0 });
    } else {
      expect({ codes: codesOf(answer), data: answer.body.data?.[c.query] ?? null, recorded }).toEqual({ codes: [c.refusal], data: null, recorded: 0 });
    }
  });

  it('lets an anonymous caller ask { __typename } and nothing else of note', async () => {
    const answer = await ask('anonymous', '{ __typename }');
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });
});
