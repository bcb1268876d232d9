import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';

/**
 * What the web dashboard needs to sign in through an OpenID Connect provider with the
 * Authorization Code flow and PKCE, as a public client (no secret): where the
 * provider is (its discovery document is `<authority>/.well-known/openid-configuration`),
 * the client id registered there, and the scopes to ask for. Nothing in it is secret.
 */
export interface OidcSignIn {
  readonly authority: string;
  readonly clientId: string;
  readonly scopes: string;
}

/** The answer of `GET /auth/config`: how a browser page may sign in to this API. */
export interface SignInConfig {
  /** `GET /auth/demo-tokens` lists demo identities (development on the embedded secret). */
  readonly demoTokens: boolean;
  /** The OIDC provider the page signs in with, or null when none is configured (tokens are then pasted). */
  readonly oidc: OidcSignIn | null;
}

/** The scopes asked for when AUTH_OIDC_SCOPES is not set. */
export const DEFAULT_OIDC_SCOPES = 'openid profile';

/**
 * `GET /auth/config`: public, in every mode. The dashboard's sign-in page reads it to
 * offer "Sign in with the identity provider" when one is configured.
 */
@Controller('auth')
export class SignInConfigController {
  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  @Get('config')
  @Header('cache-control', 'no-cache')
  config(): SignInConfig {
    const { oidc } = this.options;
    return {
      demoTokens: this.options.demoTokens === true,
      oidc: oidc ? { authority: oidc.authority, clientId: oidc.clientId, scopes: oidc.scopes } : null,
    };
  }
}
