import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@council/platform/event-sourcing';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { issueDemoTokens } from './demo-tokens.js';
import { DemoTokensController } from './demo-tokens.controller.js';
import { SignInConfigController } from './oidc-sign-in.js';
import { TokenVerifier } from './token-verifier.js';

/** Logs a demo token per role and member province once the application has started. */
@Injectable()
class DemoTokenAnnouncer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { secret, issuer, audience } = this.options;
    if (!this.options.demoTokens || !secret) return;
    const tokens = await issueDemoTokens({ secret, issuer, audience, now: this.clock.now() });
    for (const { identity, token, expiresAt } of tokens)
      this.logger.log(
        {
          demoToken: {
            label: identity.label,
            name: identity.name,
            subject: identity.subject,
            roles: identity.roles,
            province: identity.province,
            token,
            expiresAt,
          },
        },
        `demo token · ${identity.label} · ${identity.name}: Bearer ${token}`,
      );
  }
}

/**
 * Bearer-token authentication: provides `TokenVerifier` to the whole application and,
 * when asked outside production, prints demo tokens at start and lists them at
 * `GET /auth/demo-tokens` for the dashboard's sign-in; `GET /auth/config` tells the
 * page which of demo identities and an OIDC provider it may offer. Needs the `Clock` token
 * (EventSourcingModule provides it).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    if (options.demoTokens && (options.production || options.jwksUrl))
      throw new Error('AuthModule: demo tokens are for development on the embedded secret only, never in production or with AUTH_JWKS_URL');
    if (options.oidc && !options.jwksUrl)
      throw new Error('AuthModule: an OIDC sign-in needs the provider\'s JWK set (AUTH_JWKS_URL) to verify the tokens it brings');
    return {
      module: AuthModule,
      global: true,
      // How the web page signs in (GET /auth/config) is public; the list of demo
      // identities exists only where demo tokens are enabled.
      controllers: options.demoTokens ? [SignInConfigController, DemoTokensController] : [SignInConfigController],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, TokenVerifier, DemoTokenAnnouncer],
      exports: [AUTH_OPTIONS, TokenVerifier],
    };
  }
}
