/** The identity provider the page signs in with (from `GET /auth/config`). */
export interface OidcSettings {
  readonly authority: string;
  readonly clientId: string;
  readonly scopes: string;
}

/** How this server lets a browser sign in: `GET /auth/config`. */
export interface SignInConfig {
  readonly demoTokens: boolean;
  readonly oidc: OidcSettings | null;
}

const NONE: SignInConfig = { demoTokens: false, oidc: null };

let asked: Promise<SignInConfig> | null = null;

/** Asked once per page load; a server that does not answer offers only the pasted token. */
export function fetchSignInConfig(): Promise<SignInConfig> {
  asked ??= fetch('/auth/config', { headers: { accept: 'application/json' } })
    .then(async (response) => (response.ok ? ((await response.json()) as SignInConfig) : NONE))
    .catch(() => NONE);
  return asked;
}

/** Whether this tab holds an identity provider's session (oidc-client-ts keeps it under `oidc.user:`). */
export function hasOidcSession(): boolean {
  try {
    for (let i = 0; i < sessionStorage.length; i++) if (sessionStorage.key(i)?.startsWith('oidc.user:')) return true;
  } catch {
    // No storage: no session to resume.
  }
  return false;
}
