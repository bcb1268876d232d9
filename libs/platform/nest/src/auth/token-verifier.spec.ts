import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { FixedClock } from '@council/platform/event-sourcing';
import { AuthenticationError } from './authentication-error.js';
import type { AuthOptions } from './auth.options.js';
import { DEMO_IDENTITIES, issueDemoTokens } from './demo-tokens.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'unit-test-secret-of-at-least-32-characters';
const T0 = new Date('2026-11-23T08:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function sign(claims: Record<string, unknown>, times: { iat?: number; nbf?: number; exp?: number | null } = {}, secret = SECRET) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(times.iat ?? seconds(T0));
  if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
  if (times.exp !== null) jwt.setExpirationTime(times.exp ?? seconds(T0) + 3600);
  return jwt.sign(new TextEncoder().encode(secret));
}

const council = { sub: 'u-1', name: 'Nguyễn Văn Thành', roles: ['council'] };

function verifier(options: Partial<AuthOptions> = {}, clock = new FixedClock(T0)) {
  return { clock, verifier: new TokenVerifier({ secret: SECRET, ...options }, clock) };
}

async function reasonFor(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthenticationError) return error.reason;
    throw error;
  }
  throw new Error('expected an AuthenticationError');
}

describe('TokenVerifier with a shared secret', () => {
  it('turns a valid token into the Actor the kernel records', async () => {
    const { verifier: v } = verifier();
    const token = await sign({ sub: 'u-74', name: 'Phạm Thị Thu Hằng', roles: ['province'], province: '74' });
    await expect(v.verify(token)).resolves.toEqual({
      subject: 'u-74',
      name: 'Phạm Thị Thu Hằng',
      roles: ['province'],
      province: '74',
    });
  });

  it('reads time from the injected Clock: a token expires when the clock passes exp plus the tolerance', async () => {
    const { verifier: v, clock } = verifier({ clockToleranceSeconds: 30 });
    const token = await sign(council, { exp: seconds(T0) + 60 });
    await expect(v.verify(token)).resolves.toMatchObject({ subject: 'u-1' });
    clock.advance(85_000);
    await expect(v.verify(token)).resolves.toMatchObject({ subject: 'u-1' });
    clock.advance(10_000);
    expect(await reasonFor(v.verify(token))).toBe('the token has expired');
  });

  it('honours nbf: not valid until the clock reaches it (less the tolerance)', async () => {
    const { verifier: v, clock } = verifier({ clockToleranceSeconds: 0 });
    const token = await sign(council, { nbf: seconds(T0) + 600, exp: seconds(T0) + 3600 });
    expect(await reasonFor(v.verify(token))).toBe('the token is not valid yet');
    clock.advance(600_000);
    await expect(v.verify(token)).resolves.toMatchObject({ roles: ['council'] });
  });

  it('remembers a token that verified only while exp and nbf still allow it, whichever way the clock moves', async () => {
    const { verifier: v, clock } = verifier({ clockToleranceSeconds: 0 });
    const token = await sign(council, { nbf: seconds(T0) - 60, exp: seconds(T0) + 60 });
    await expect(v.verify(token)).resolves.toMatchObject({ subject: 'u-1' });
    clock.set(new Date(T0.getTime() - 120_000));
    expect(await reasonFor(v.verify(token))).toBe('the token is not valid yet');
    clock.set(T0);
    await expect(v.verify(token)).resolves.toMatchObject({ subject: 'u-1' });
    clock.set(new Date(T0.getTime() + 60_000));
    expect(await reasonFor(v.verify(token))).toBe('the token has expired');
  });

  it('never remembers a failure: a token refused for its claims is refused again, a forged one each time', async () => {
    const { verifier: v } = verifier();
    const unknownRole = await sign({ sub: 'u-9', roles: ['mayor'] });
    expect(await reasonFor(v.verify(unknownRole))).toMatch(/unknown role/);
    expect(await reasonFor(v.verify(unknownRole))).toMatch(/unknown role/);
    const good = await sign(council);
    await expect(v.verify(good)).resolves.toMatchObject({ subject: 'u-1' });
    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect(await reasonFor(v.verify(forged))).toBe("the token's signature does not verify");
    expect(await reasonFor(v.verify(forged))).toBe("the token's signature does not verify");
  });

  it('requires exp and sub', async () => {
    const { verifier: v } = verifier();
    expect(await reasonFor(v.verify(await sign(council, { exp: null })))).toBe('the token has no "exp" claim');
    expect(await reasonFor(v.verify(await sign({ roles: ['council'] })))).toBe('the token has no "sub" claim');
  });

  it('checks iss and aud when configured', async () => {
    const { verifier: v } = verifier({ issuer: 'https://idp.example', audience: 'council-api' });
    const good = { ...council, iss: 'https://idp.example', aud: 'council-api' };
    await expect(v.verify(await sign(good))).resolves.toMatchObject({ subject: 'u-1' });
    expect(await reasonFor(v.verify(await sign({ ...good, iss: 'https://evil.example' })))).toBe(
      'the token was issued by another issuer',
    );
    expect(await reasonFor(v.verify(await sign({ ...good, aud: 'another-api' })))).toBe('the token is meant for another audience');
    expect(await reasonFor(v.verify(await sign(council)))).toBe('the token has no "iss" claim');
  });

  it('refuses roles it does not know, a province role without a province, and a malformed province code', async () => {
    const { verifier: v } = verifier();
    expect(await reasonFor(v.verify(await sign({ sub: 'x', roles: ['admin'] })))).toBe('the token names an unknown role "admin"');
    expect(await reasonFor(v.verify(await sign({ sub: 'x', roles: ['province'] })))).toBe(
      'the token has the province role but no "province" claim',
    );
    expect(await reasonFor(v.verify(await sign({ sub: 'x', roles: ['province'], province: 'Bình Dương' })))).toMatch(
      /official province code/,
    );
    expect(await reasonFor(v.verify(await sign({ sub: 'x', roles: [] })))).toMatch(/non-empty array/);
    expect(await reasonFor(v.verify(await sign({ sub: 'x', roles: 'council' })))).toMatch(/non-empty array/);
  });

  it('reads the Authorization header: none is anonymous, anything but "Bearer <token>" is refused', async () => {
    const { verifier: v } = verifier();
    await expect(v.actorFromAuthorization(undefined)).resolves.toBeUndefined();
    expect(await reasonFor(v.actorFromAuthorization('Basic dXNlcjpwYXNz'))).toBe('the Authorization header must be "Bearer <token>"');
    expect(await reasonFor(v.actorFromAuthorization('Bearer'))).toBe('the Authorization header must be "Bearer <token>"');
    await expect(v.actorFromAuthorization(`bearer ${await sign(council)}`)).resolves.toMatchObject({ subject: 'u-1' });
  });

  it('never puts the secret or the token into a reason', async () => {
    const { verifier: v } = verifier();
    const token = await sign(council, {}, 'another-secret-that-is-long-enough-too');
    const reason = await reasonFor(v.verify(token));
    expect(reason).toBe("the token's signature does not verify");
    expect(reason).not.toContain(SECRET);
    expect(reason).not.toContain(token.slice(0, 20));
  });
});

describe('demo tokens', () => {
  it('cover the council, an auditor and each province of the region since the 2025 mergers, verify for 30 days, and carry Vietnamese names', async () => {
    const { verifier: v, clock } = verifier({}, new FixedClock(T0));
    const tokens = await issueDemoTokens({ secret: SECRET, now: T0 });
    expect(tokens.map((t) => t.identity.province ?? t.identity.roles[0])).toEqual([
      'council',
      'auditor',
      '79',
      '75',
      '80',
      '86',
    ]);
    for (const { token, actor } of tokens) await expect(v.verify(token)).resolves.toEqual(actor);
    expect(DEMO_IDENTITIES.every((identity) => /[À-ỹ]/u.test(identity.name))).toBe(true);
    clock.advance(30 * 24 * 3600 * 1000 + 60_000);
    expect(await reasonFor(v.verify(tokens[0]!.token))).toBe('the token has expired');
  });
});
