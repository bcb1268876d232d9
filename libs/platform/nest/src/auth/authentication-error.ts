/**
 * The caller could not be authenticated: a bad, expired or unacceptable bearer token,
 * or no token where one is needed. `reason` is safe to show to the caller: it never
 * contains the token, a key or a secret. Mapped to `UNAUTHENTICATED`.
 */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

/**
 * The identity provider's keys (AUTH_JWKS_URL) could not be fetched. Not the caller's
 * fault: mapped to `INTERNAL_SERVER_ERROR` with `retryable: true`.
 */
export class IdentityProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'IdentityProviderUnavailableError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
