import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_EVENT_BYTES } from '@council/platform/event-sourcing';
import { DEFAULT_OIDC_SCOPES, DEVELOPMENT_JWT_SECRET } from '@council/platform/nest';

export { DEVELOPMENT_JWT_SECRET };

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly synchronous: 'FULL' | 'NORMAL'; readonly maxEventBytes: number }
  | { readonly kind: 'esdb'; readonly connectionString: string; readonly maxEventBytes: number };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly dataDir: string;
  readonly demoData: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly eventStore: EventStoreConfig;
  /** Seal the log when the newest seal is older than this (ms); 0: only on demand. */
  readonly sealIntervalMs: number;
  /** Origins whose browser pages may call the API (CORS); none by default. */
  readonly corsOrigins: readonly string[];
  /** Cost points per identity per window; 0 points: no rate limit. */
  readonly rateLimit: { readonly points: number; readonly windowSeconds: number };
  readonly auth: {
    readonly jwtSecret?: string;
    readonly usesDevelopmentSecret: boolean;
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience?: string;
    /** Print demo tokens at start: outside production, on the embedded secret (no JWKS) only. */
    readonly demoTokens: boolean;
    /** The web dashboard's OIDC sign-in (Authorization Code + PKCE, public client), when configured. */
    readonly oidc?: { readonly authority: string; readonly clientId: string; readonly scopes: string };
  };
}

/** A configuration the application refuses to start with; one problem per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`council-api: invalid configuration\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const got = (issue: { input?: unknown }) => ` (got ${JSON.stringify(issue.input)})`;
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error: (issue) => message + got(issue) })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: (issue) => message + got(issue) });
};

const baseSchema = z.object({
    PORT: wholeNumber(0, 65535).default(3000),
    HOST: z.string().regex(/^[^\s/]+$/, { error: (issue) => `must be a host name or IP address${got(issue)}` }).default('0.0.0.0'),
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { error: (issue) => `must be development, production or test${got(issue)}` })
      .default('development'),
    DATA_DIR: z.string().default('./data'),
    DEMO_DATA: z
      .enum(['true', 'false'], { error: (issue) => `must be true or false${got(issue)}` })
      .transform((s) => s === 'true')
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: (issue) => `must be one of fatal, error, warn, info, debug, trace, silent${got(issue)}`,
      })
      .default('info'),
    EVENTSTORE_URL: z
      .string()
      .regex(/^(esdb|kurrentdb|kurrent)(\+discover)?:\/\/\S+$/i, 'must be an esdb:// or kurrentdb:// connection string')
      .optional(),
    SQLITE_SYNCHRONOUS: z
      .enum(['FULL', 'NORMAL'], { error: (issue) => `must be FULL or NORMAL${got(issue)}` })
      .default('FULL'),
    EVENT_MAX_BYTES: wholeNumber(1024, 16 * 1024 * 1024).default(DEFAULT_MAX_EVENT_BYTES),
    SEAL_INTERVAL_MS: wholeNumber(0, 366 * 86_400_000).default(3_600_000),
    CORS_ORIGINS: z
      .string()
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
      .refine((origins) => origins.every(isOrigin), {
        error: (issue) =>
          `must be a comma-separated list of origins such as https://bando.dongnai.gov.vn (scheme, host, optional port; no path); not origins: ${(issue.input as string[]).filter((o) => !isOrigin(o)).map((o) => JSON.stringify(o)).join(', ')}`,
      })
      .default([]),
    RATE_LIMIT_POINTS: wholeNumber(0, 1_000_000_000).default(600_000),
    RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400).default(60),
    AUTH_JWT_SECRET: z.string().optional(),
    AUTH_JWKS_URL: z
      .url({ protocol: /^https?$/, error: (issue) => `must be an http(s) URL${got(issue)}` })
      .optional(),
    AUTH_JWT_ISSUER: z.string().optional(),
    AUTH_JWT_AUDIENCE: z.string().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().regex(/^[\x21-\x7e]{1,200}$/, { error: (issue) => `must be the client id registered at the identity provider: printable ASCII, no spaces${got(issue)}` }).optional(),
    AUTH_OIDC_SCOPES: z
      .string()
      .refine((scopes) => scopes.split(/\s+/).includes('openid'), { error: (issue) => `must be space-separated scopes including openid${got(issue)}` })
      .transform((scopes) => scopes.trim().split(/\s+/).join(' '))
      .optional(),
    AUTH_OIDC_AUTHORITY: z
      .url({ protocol: /^https?$/, error: (issue) => `must be an http(s) URL${got(issue)}` })
      .optional(),
  });

const schema = baseSchema
  .superRefine((env, ctx) => {
    oidcProblems(env, ctx);
    if (env.NODE_ENV !== 'production') return;
    if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL)
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'or AUTH_JWKS_URL is required when NODE_ENV=production' });
    if (env.AUTH_JWT_SECRET && env.AUTH_JWT_SECRET.length < 32)
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'must be at least 32 characters when NODE_ENV=production' });
    if (env.DEMO_DATA === true)
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'must not be true when NODE_ENV=production' });
  });

/** The OIDC sign-in needs what verifies its tokens; its other variables need it. */
function oidcProblems(env: z.infer<typeof baseSchema>, ctx: z.RefinementCtx): void {
  if (!env.AUTH_OIDC_CLIENT_ID) {
    for (const name of ['AUTH_OIDC_SCOPES', 'AUTH_OIDC_AUTHORITY'] as const)
      if (env[name] !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is used only with AUTH_OIDC_CLIENT_ID (the web sign-in through an identity provider)' });
    return;
  }
  const needs = (name: string, why: string) => ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_CLIENT_ID'], message: `needs ${name}: ${why}` });
  if (!env.AUTH_JWKS_URL) needs('AUTH_JWKS_URL', 'the provider\'s jwks_uri, to verify the tokens the sign-in brings');
  if (!env.AUTH_JWT_AUDIENCE) needs('AUTH_JWT_AUDIENCE', 'the audience of the access tokens meant for this API, so that ID tokens and tokens for other applications are refused');
  const authority = env.AUTH_OIDC_AUTHORITY ?? env.AUTH_JWT_ISSUER;
  if (!authority) needs('AUTH_JWT_ISSUER', 'the provider\'s issuer URL, where /.well-known/openid-configuration is (or AUTH_OIDC_AUTHORITY when it differs from the tokens\' "iss")');
  else if (!isHttpUrl(authority, env.NODE_ENV === 'production'))
    ctx.addIssue({
      code: 'custom',
      path: [env.AUTH_OIDC_AUTHORITY ? 'AUTH_OIDC_AUTHORITY' : 'AUTH_JWT_ISSUER'],
      message: `must be the identity provider's ${env.NODE_ENV === 'production' ? 'https' : 'http(s)'} URL for the web sign-in${got({ input: authority })}`,
    });
}

function isHttpUrl(text: string, httpsOnly: boolean): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || (!httpsOnly && protocol === 'http:');
  } catch {
    return false;
  }
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv): AppConfig {
  // An empty variable (`PORT=`) means "not set", as in most shells' and compose files' habits.
  const set = Object.fromEntries(Object.entries(environment).filter(([, value]) => value?.trim()));
  const parsed = schema.safeParse(set);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const production = env.NODE_ENV === 'production';
  return {
    port: env.PORT,
    host: env.HOST,
    nodeEnv: env.NODE_ENV,
    dataDir,
    demoData: env.DEMO_DATA ?? !production,
    logLevel: env.LOG_LEVEL,
    eventStore: env.EVENTSTORE_URL
      ? { kind: 'esdb', connectionString: env.EVENTSTORE_URL, maxEventBytes: env.EVENT_MAX_BYTES }
      : {
          kind: 'sqlite',
          path: join(dataDir, 'events.sqlite'),
          synchronous: env.SQLITE_SYNCHRONOUS,
          maxEventBytes: env.EVENT_MAX_BYTES,
        },
    sealIntervalMs: env.SEAL_INTERVAL_MS,
    corsOrigins: env.CORS_ORIGINS,
    rateLimit: { points: env.RATE_LIMIT_POINTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET ?? (production ? undefined : DEVELOPMENT_JWT_SECRET),
      usesDevelopmentSecret: !env.AUTH_JWT_SECRET && !production,
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_JWT_ISSUER,
      audience: env.AUTH_JWT_AUDIENCE,
      demoTokens: !production && !env.AUTH_JWKS_URL,
      ...(env.AUTH_OIDC_CLIENT_ID
        ? {
            oidc: {
              authority: (env.AUTH_OIDC_AUTHORITY ?? env.AUTH_JWT_ISSUER)!,
              clientId: env.AUTH_OIDC_CLIENT_ID,
              scopes: env.AUTH_OIDC_SCOPES ?? DEFAULT_OIDC_SCOPES,
            },
          }
        : {}),
    },
  };
}

/** The event store in use, for the start-up log; credentials in the URL are masked. */
export function describeEventStore(config: EventStoreConfig): string {
  return config.kind === 'sqlite'
    ? `sqlite ${config.path} (synchronous=${config.synchronous})`
    : `eventstoredb ${config.connectionString.replace(/\/\/[^@/]*@/, '//***@')}`;
}
