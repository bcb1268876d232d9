export interface AuthOptions {
  /** HS256 secret (AUTH_JWT_SECRET). Ignored when `jwksUrl` is set. */
  readonly secret?: string;
  /** An OIDC provider's JWK set (AUTH_JWKS_URL): RS256 and ES256 keys; HS* is then refused. */
  readonly jwksUrl?: string;
  /** Required `iss` when set (AUTH_JWT_ISSUER). */
  readonly issuer?: string;
  /** Required `aud` when set (AUTH_JWT_AUDIENCE). */
  readonly audience?: string;
  /** Leeway for `exp` and `nbf` between our clock and the issuer's; default 30 s. */
  readonly clockToleranceSeconds?: number;
  /**
   * Sign and log a demo token per role and member province at start. Refused (the
   * module does not start) together with `production` or `jwksUrl`.
   */
  readonly demoTokens?: boolean;
  readonly production?: boolean;
  /** Timeout of one fetch of the JWK set; default 5 s. */
  readonly jwksTimeoutMs?: number;
  /**
   * The OpenID Connect provider the web dashboard signs in with (AUTH_OIDC_CLIENT_ID,
   * AUTH_OIDC_SCOPES, AUTH_OIDC_AUTHORITY), told to the page at `GET /auth/config`.
   * Needs `jwksUrl`: the tokens it brings are verified like any other.
   */
  readonly oidc?: { readonly authority: string; readonly clientId: string; readonly scopes: string };
}

export const AUTH_OPTIONS = Symbol('AuthOptions');

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** Signing algorithms accepted from a JWK set: asymmetric only (RFC 8725 §3.1). */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;
/** The one algorithm accepted with a shared secret. */
export const SECRET_ALGORITHMS = ['HS256'] as const;
