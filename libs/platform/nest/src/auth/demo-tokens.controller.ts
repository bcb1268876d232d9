import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Clock } from '@council/platform/event-sourcing';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { issueDemoTokens } from './demo-tokens.js';

/** One demo identity with a fresh token, as the web sign-in lists them. */
export interface DemoSignIn {
  readonly label: string;
  readonly name: string;
  readonly subject: string;
  readonly roles: readonly string[];
  readonly province?: string;
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * `GET /auth/demo-tokens`: the demo identities and their tokens, for the dashboard's
 * sign-in page. AuthModule registers this controller only when demo tokens are enabled
 * (development on the embedded secret), so in production the path does not exist.
 */
@Controller('auth')
export class DemoTokensController {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('demo-tokens')
  @Header('cache-control', 'no-store')
  async demoTokens(): Promise<{ identities: DemoSignIn[] }> {
    const { secret, issuer, audience } = this.options;
    if (!this.options.demoTokens || !secret) return { identities: [] };
    const tokens = await issueDemoTokens({ secret, issuer, audience, now: this.clock.now() });
    return {
      identities: tokens.map(({ identity, token, expiresAt }) => ({
        label: identity.label,
        name: identity.name,
        subject: identity.subject,
        roles: identity.roles,
        ...(identity.province ? { province: identity.province } : {}),
        token,
        expiresAt: expiresAt.toISOString(),
      })),
    };
  }
}
