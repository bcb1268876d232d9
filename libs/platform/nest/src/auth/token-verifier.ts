import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { webcrypto } from 'node:crypto';
import { type Actor, Clock } from '@council/platform/event-sourcing';
import { AuthenticationError, IdentityProviderUnavailableError } from './authentication-error.js';
import {
  AUTH_OPTIONS,
  type AuthOptions,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  JWKS_ALGORITHMS,
  SECRET_ALGORITHMS,
} from './auth.options.js';
import { actorFromClaims } from './claims.js';

const BEARER = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i;
const MAX_TOKEN_LENGTH = 8192;
/** Verified tokens remembered (a client sends the same token with every request until it expires). */
const REMEMBERED_TOKENS = 10_000;

/** A token that verified, with the times that bound its validity. */
interface Verified {
  readonly actor: Actor;
  readonly exp: number;
  readonly nbf: number | undefined;
}

/**
 * Verifies `Authorization: Bearer <JWT>` and turns it into the kernel's `Actor`.
 * HS256 with the shared secret, or RS256/ES256 with keys from a JWK set when one is
 * configured (then HS* is refused, so a public key can never serve as an HMAC secret).
 * `exp` is required, `nbf` honoured, `iss`/`aud` checked when configured; the current
 * time comes from the injected Clock. A token that verified is remembered by its exact
 * string (at most REMEMBERED_TOKENS, oldest out first) and accepted again without checking
 * its signature until its `exp` (with the same tolerance); a token that failed is never
 * remembered, so every failure is verified and explained again.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey> | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly clockTolerance: number;
  private readonly verified = new Map<string, Verified>();

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 });
      this.algorithms = [...JWKS_ALGORITHMS];
    } else if (options.secret) {
      // Imported once: jose would otherwise import the raw secret again for every token.
      this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      this.key.catch(() => undefined);
      this.algorithms = [...SECRET_ALGORITHMS];
    } else {
      throw new Error('TokenVerifier: configure a secret (AUTH_JWT_SECRET) or a JWK set URL (AUTH_JWKS_URL)');
    }
    this.clockTolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  }

  /** Which key material verifies tokens: for the start-up log. */
  get mode(): 'jwks' | 'secret' {
    return this.options.jwksUrl ? 'jwks' : 'secret';
  }

  /**
   * The caller of a request from its Authorization header: `undefined` (anonymous)
   * when there is none; AuthenticationError when there is one that does not verify.
   */
  async actorFromAuthorization(header: string | readonly string[] | undefined): Promise<Actor | undefined> {
    if (header === undefined || header === '') return undefined;
    if (typeof header !== 'string') throw new AuthenticationError('send one Authorization header');
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  /** Verifies a compact JWT and returns its caller; AuthenticationError says why not. */
  async verify(token: string): Promise<Actor> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('the token is too long');
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    if (known) {
      // The checks jose made on exp and nbf, against the time now (a Clock may also go back).
      if (known.exp > now - this.clockTolerance && (known.nbf === undefined || known.nbf <= now + this.clockTolerance)) return known.actor;
      this.verified.delete(token);
    }
    let claims: Record<string, unknown>;
    try {
      const key = typeof this.key === 'function' ? this.key : await this.key;
      const verified = await jwtVerify(token, key as webcrypto.CryptoKey, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.clockTolerance,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'sub'],
      });
      claims = verified.payload;
    } catch (error) {
      throw explain(error);
    }
    const actor = actorFromClaims(claims);
    this.remember(token, { actor, exp: claims['exp'] as number, nbf: typeof claims['nbf'] === 'number' ? claims['nbf'] : undefined });
    return actor;
  }

  private remember(token: string, verified: Verified): void {
    this.verified.set(token, verified);
    if (this.verified.size > REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
  }
}

/** A jose failure as a reason that is safe to show (errors are told apart by `code`). */
function explain(error: unknown): Error {
  const { code, claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AuthenticationError('the token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return new AuthenticationError(`the token has no "${claim}" claim`);
      if (claim === 'nbf') return new AuthenticationError('the token is not valid yet');
      if (claim === 'iss') return new AuthenticationError('the token was issued by another issuer');
      if (claim === 'aud') return new AuthenticationError('the token is meant for another audience');
      return new AuthenticationError(`the token's "${claim}" claim is invalid`);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new AuthenticationError('the token is signed with an algorithm this server does not accept');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new AuthenticationError('the token\'s signature does not verify');
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return new AuthenticationError('no key of the identity provider matches the token');
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new AuthenticationError('the token does not say which of the identity provider\'s keys signed it');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JWK_INVALID':
      return new AuthenticationError('the token is malformed');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new IdentityProviderUnavailableError('the identity provider\'s keys could not be fetched', { cause: error });
    default:
      // A failed fetch of the JWK set (network error, non-200 answer) surfaces as a
      // plain error; anything unexpected is not the caller's fault either.
      return new IdentityProviderUnavailableError('the token could not be verified now', { cause: error });
  }
}
