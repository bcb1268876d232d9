import type { Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, errors } from 'oidc-provider';

/** The people the test provider knows: the login typed on its sign-in form, and their claims. */
export const ACCOUNTS: Readonly<Record<string, { name: string; roles: string[]; province?: string }>> = {
  'phuc.lh@tphcm.gov.vn': { name: 'Lê Hoàng Phúc', roles: ['province'], province: '79' },
  'thanh.nv@hoidong.gov.vn': { name: 'Nguyễn Văn Thành', roles: ['council'] },
};

export interface IdentityProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Refresh-token exchanges that succeeded (token renewals). */
  renewals(): number;
  /** Ends every grant, as an administrator revoking the sessions would: refresh tokens stop working. */
  revokeAll(): Promise<void>;
  stop(): Promise<void>;
}

export interface IdentityProviderOptions {
  readonly port: number;
  /** The dashboard's origin: its callback and post-logout pages are registered for the client. */
  readonly dashboardOrigin: string;
  readonly clientId: string;
  /** `aud` of the access tokens (AUTH_JWT_AUDIENCE). */
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
}

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, certified by the OpenID
 * Foundation) in the test process, set up as a province's Keycloak would be for the
 * dashboard: a public client with PKCE, refresh tokens, and RS256 JWT access tokens for
 * the API's audience carrying the platform's `roles`, `province` and `name` claims. Its
 * sign-in and consent pages are the package's development interactions (any password).
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `test-${options.port}`, alg: 'RS256', use: 'sig' };
  const account = (id: string) => ACCOUNTS[id];
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${options.dashboardOrigin}/sign-in/callback`],
        post_logout_redirect_uris: [`${options.dashboardOrigin}/sign-in`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] as never },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    scopes: ['openid', 'profile', 'council', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx, id) => {
      const found = account(id);
      return found ? { accountId: id, claims: () => ({ sub: id, name: found.name }) } : undefined;
    },
    // The platform's claims go into the access token, which is what the API reads.
    extraTokenClaims: (_ctx, token) => {
      const found = 'accountId' in token && typeof token.accountId === 'string' ? account(token.accountId) : undefined;
      return found ? { name: found.name, roles: found.roles, ...(found.province ? { province: found.province } : {}) } : undefined;
    },
    // As Keycloak does for a public client: a (rotating) refresh token without asking for offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 3600, RefreshToken: 3600, AccessToken: options.accessTokenTtlSeconds },
    clientBasedCORS: (_ctx, origin) => origin === options.dashboardOrigin,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.audience) throw new errors.InvalidTarget();
          return { scope: 'council', audience: options.audience, accessTokenTTL: options.accessTokenTtlSeconds, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  };
  const provider = new Provider(issuer, configuration);
  let renewals = 0;
  const grants = new Set<string>();
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params?.['grant_type'] === 'refresh_token') renewals += 1;
  });
  provider.on('refresh_token.saved', (token) => token.grantId && grants.add(token.grantId));
  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(options.port, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    renewals: () => renewals,
    revokeAll: async () => {
      for (const id of grants) await (await provider.Grant.find(id))?.destroy();
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
