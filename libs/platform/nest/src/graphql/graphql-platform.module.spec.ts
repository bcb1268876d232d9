import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, type INestApplication, Module } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import {
  Clock,
  ConcurrencyError,
  FixedClock,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  StoreUnavailableError,
  ValidationError,
} from '@council/platform/event-sourcing';
import { AuthModule } from '../auth/auth.module.js';
import type { PolicyTable } from '../auth/policy.js';
import { GraphqlPlatformModule, GraphqlPolicy } from './graphql-platform.module.js';
import { BigIntScalar, DateScalar } from './scalars/index.js';

const SECRET = 'graphql-platform-spec-secret-0123456789';
const NOW = new Date('2026-11-23T08:00:00Z');

@ObjectType()
class Probe {
  @Field(() => String)
  id!: string;

  @Field(() => BigIntScalar)
  amountVnd!: bigint;

  @Field(() => String, { nullable: true })
  auditNote?: string;
}

const failures: Record<string, () => Error> = {
  validation: () => new ValidationError('input.deadline', 'must be after the proposal date'),
  illegal: () => new IllegalStateError('Progress can only be reported on an active commitment'),
  concurrency: () => new ConcurrencyError('commitment-1', 'revision 3', 4n),
  notFound: () => new NotFoundError('No commitment c-404'),
  forbidden: () => new ForbiddenError('Only the committer may report progress'),
  unavailable: () => new StoreUnavailableError('SQLITE_BUSY on /var/lib/council/events.sqlite'),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'password')"),
};

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Boolean, { nullable: true })
  fail(@Args('kind', { type: () => String }) kind: string): boolean {
    throw (failures[kind] ?? failures.bug!)();
  }

  @Query(() => Probe)
  probe(): Probe {
    return { id: 'p-1', amountVnd: 12_345_678_901_234_567_890n, auditNote: 'seen by the auditor' };
  }

  @Query(() => String)
  amount(@Args('vnd', { type: () => BigIntScalar }) vnd: bigint): string {
    return `${typeof vnd} ${vnd}`;
  }

  @Query(() => String)
  day(@Args('on', { type: () => DateScalar }) on: string): string {
    return on;
  }

  @Mutation(() => String)
  decideExtension(): string {
    return 'decided';
  }

  @Mutation(() => String)
  forgotten(): string {
    return 'should never run';
  }
}

const policy: PolicyTable = {
  'Query.fail': 'public',
  'Query.probe': 'public',
  'Query.amount': 'public',
  'Query.day': 'public',
  'Mutation.decideExtension': ['council'],
  'Probe.auditNote': ['auditor', 'council'],
};

@Global()
@Module({ providers: [{ provide: Clock, useValue: new FixedClock(NOW) }], exports: [Clock] })
class ClockModule {}

async function start(mode: 'development' | 'production') {
  @Module({ providers: [ProbeResolver] })
  class ProbeModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [
      ClockModule,
      AuthModule.forRoot({ secret: SECRET }),
      GraphqlPlatformModule.forRoot({ mode, policies: [policy] }),
      ProbeModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/graphql` };
}

function token(roles: string[], extra: Record<string, unknown> = {}) {
  const now = Math.floor(NOW.getTime() / 1000);
  return new SignJWT({ roles, name: 'Tester', ...extra })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`tester-${roles.join('-')}`)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(SECRET));
}

type Answer = { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] } };

async function ask(url: string, query: string, options: { token?: string; variables?: object } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('GraphqlPlatformModule in development', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => ({ app, url } = await start('development')));
  afterAll(() => app?.close());

  it.each([
    ['validation', 'BAD_USER_INPUT', 'input.deadline: must be after the proposal date', { field: 'input.deadline' }],
    ['illegal', 'CONFLICT', 'Progress can only be reported on an active commitment', { conflict: 'LIFECYCLE' }],
    ['concurrency', 'CONFLICT', 'stream commitment-1 was expected at revision 3 but is at revision 4', { conflict: 'STALE_REVISION' }],
    ['notFound', 'NOT_FOUND', 'No commitment c-404', {}],
    ['forbidden', 'FORBIDDEN', 'Only the committer may report progress', {}],
    ['unavailable', 'INTERNAL_SERVER_ERROR', 'The service is temporarily unavailable; retry later', { retryable: true }],
    ['bug', 'INTERNAL_SERVER_ERROR', 'Internal server error', {}],
  ])('maps a thrown %s error to %s', async (kind, code, message, extensions) => {
    const { body } = await ask(url, 'query ($kind: String!) { fail(kind: $kind) }', { variables: { kind } });
    expect(body.errors?.[0]).toMatchObject({ message, extensions: { code, ...extensions } });
  });

  it('keeps the stack trace of an unexpected error in development, but never its message', async () => {
    const { body } = await ask(url, '{ fail(kind: "bug") }');
    const error = body.errors?.[0];
    expect(JSON.stringify(error?.extensions.stacktrace)).toContain('TypeError');
    expect(error?.message).toBe('Internal server error');
  });

  it('lets only the roles of a mutation\'s entry call it, and says who is missing', async () => {
    const anonymous = await ask(url, 'mutation { decideExtension }');
    expect(anonymous.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const province = await ask(url, 'mutation { decideExtension }', { token: await token(['province'], { province: '74' }) });
    expect(province.body.errors?.[0]).toMatchObject({
      message: 'Mutation.decideExtension is not open to the role province',
      extensions: { code: 'FORBIDDEN' },
    });
    const council = await ask(url, 'mutation { decideExtension }', { token: await token(['council']) });
    expect(council.body).toEqual({ data: { decideExtension: 'decided' } });
  });

  it('denies a mutation the policy table does not name, whoever calls', async () => {
    const { body } = await ask(url, 'mutation { forgotten }', { token: await token(['council', 'auditor']) });
    expect(body.errors?.[0]).toMatchObject({ message: 'Mutation.forgotten is not open to any caller', extensions: { code: 'FORBIDDEN' } });
  });

  it('checks a plain object field that has an entry, wherever it is selected', async () => {
    const query = '{ probe { id auditNote } }';
    const province = await ask(url, query, { token: await token(['province'], { province: '75' }) });
    expect(province.body.data).toEqual({ probe: { id: 'p-1', auditNote: null } });
    expect(province.body.errors?.[0]).toMatchObject({ path: ['probe', 'auditNote'], extensions: { code: 'FORBIDDEN' } });
    const auditor = await ask(url, query, { token: await token(['auditor']) });
    expect(auditor.body).toEqual({ data: { probe: { id: 'p-1', auditNote: 'seen by the auditor' } } });
  });

  it('lists every root operation with the roles it lets in, for tests that walk operation × role', async () => {
    const entries = app.get(GraphqlPolicy).entries();
    expect(entries.filter((e) => e.type === 'Mutation').map(({ operation, roles, explicit }) => ({ operation, roles, explicit }))).toEqual([
      { operation: 'Mutation.decideExtension', roles: ['council'], explicit: true },
      { operation: 'Mutation.forgotten', roles: [], explicit: false },
    ]);
    expect(entries.find((e) => e.operation === 'Query.me')).toMatchObject({ rule: 'authenticated', anonymous: false });
    expect(entries.find((e) => e.operation === 'Probe.auditNote')?.roles).toEqual(['council', 'auditor']);
  });

  it('tells every cache not to keep an answer: data, an error, a refused token', async () => {
    const post = (query: string, authorization?: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization && { authorization }) }, body: JSON.stringify({ query }) });
    const answers = [await post('{ probe { id } }'), await post('{ fail(kind: "bug") }'), await post('{ probe { id } }', 'Bearer not.a.token')];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401]);
    expect(answers.map((a) => a.headers.get('cache-control'))).toEqual(['no-store', 'no-store', 'no-store']);
  });

  it('carries VND amounts beyond 2^53 exactly, as strings, both ways', async () => {
    const probe = await ask(url, '{ probe { amountVnd } }');
    expect(probe.body.data).toEqual({ probe: { amountVnd: '12345678901234567890' } });
    const echoed = await ask(url, 'query ($vnd: BigInt!) { amount(vnd: $vnd) }', { variables: { vnd: '98765432109876543210' } });
    expect(echoed.body.data).toEqual({ amount: 'bigint 98765432109876543210' });
    const literal = await ask(url, '{ amount(vnd: "-5") }');
    expect(literal.body.data).toEqual({ amount: 'bigint -5' });
  });

  it('refuses a VND amount that lost precision in JSON, or is not a whole number, as BAD_USER_INPUT', async () => {
    for (const vnd of [2 ** 60, 12.5, '12.5', '1e9', '007']) {
      const { status, body } = await ask(url, 'query ($vnd: BigInt!) { amount(vnd: $vnd) }', { variables: { vnd } });
      expect({ vnd, status, code: body.errors?.[0]?.extensions.code }).toEqual({ vnd, status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('accepts only real calendar dates as Date', async () => {
    expect((await ask(url, '{ day(on: "2028-02-29") }')).body.data).toEqual({ day: '2028-02-29' });
    for (const on of ['2027-02-29', '2026-13-01', '2026-1-5', '2026-12-31T00:00:00Z']) {
      const { body } = await ask(url, 'query ($on: Date!) { day(on: $on) }', { variables: { on } });
      expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('GraphqlPlatformModule in production', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => ({ app, url } = await start('production')));
  afterAll(() => app?.close());

  it('answers an unexpected error with a generic message and no stack trace', async () => {
    const { body } = await ask(url, '{ fail(kind: "bug") }');
    expect(body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['fail'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('refuses introspection and gives no schema hints in errors', async () => {
    const introspection = await ask(url, '{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await ask(url, '{ prob { id } }');
    expect(typo.body.errors?.[0]?.message).not.toContain('Did you mean');
  });
});
