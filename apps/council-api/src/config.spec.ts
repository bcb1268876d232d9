import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEVELOPMENT_JWT_SECRET, describeEventStore, loadConfig } from './config.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from an empty environment', () => {
  const config = loadConfig({});

  it('uses the documented defaults', () => {
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', nodeEnv: 'development', demoData: true, logLevel: 'info' });
    expect(config.eventStore).toMatchObject({ kind: 'sqlite', synchronous: 'FULL', maxEventBytes: 1024 * 1024 });
    expect(config.eventStore.kind === 'sqlite' && config.eventStore.path).toBe(`${process.cwd()}/data/events.sqlite`);
  });

  it('falls back to the development secret and says so', () => {
    expect(config.auth).toMatchObject({ jwtSecret: DEVELOPMENT_JWT_SECRET, usesDevelopmentSecret: true });
  });

  it('prints demo tokens, which it never does in production or with a JWK set', () => {
    expect(config.auth.demoTokens).toBe(true);
    expect(loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks.json' }).auth.demoTokens).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32) }).auth.demoTokens).toBe(false);
  });
});

describe('configuration with bad values', () => {
  it('names each bad variable on its own line', () => {
    expect(problemsOf({ PORT: 'abc', SQLITE_SYNCHRONOUS: 'SOMETIMES', NODE_ENV: 'prod' })).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got "abc")',
      'NODE_ENV: must be development, production or test (got "prod")',
      'SQLITE_SYNCHRONOUS: must be FULL or NORMAL (got "SOMETIMES")',
    ]);
  });

  it('rejects out-of-range numbers, unknown levels, non-http JWKS URLs and other connection strings', () => {
    expect(
      problemsOf({ PORT: '70000', EVENT_MAX_BYTES: '5', LOG_LEVEL: 'loud', AUTH_JWKS_URL: 'ftp://x', EVENTSTORE_URL: 'mysql://x' }),
    ).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got 70000)',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'EVENTSTORE_URL: must be an esdb:// or kurrentdb:// connection string',
      'EVENT_MAX_BYTES: must be a whole number from 1024 to 16777216 (got 5)',
      'AUTH_JWKS_URL: must be an http(s) URL (got "ftp://x")',
    ]);
  });

  it('never echoes a secret', () => {
    expect(problemsOf({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'short-secret' }).join('\n')).not.toContain('short-secret');
  });
});

describe('configuration in production', () => {
  it('requires AUTH_JWT_SECRET or AUTH_JWKS_URL and refuses demo data', () => {
    expect(problemsOf({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toEqual([
      'AUTH_JWT_SECRET: or AUTH_JWKS_URL is required when NODE_ENV=production',
      'DEMO_DATA: must not be true when NODE_ENV=production',
    ]);
  });

  it('starts without demo data or a development secret when a JWKS URL is given', () => {
    const config = loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks.json', PORT: '' });
    expect(config).toMatchObject({ port: 3000, demoData: false });
    expect(config.auth).toMatchObject({ jwtSecret: undefined, usesDevelopmentSecret: false, demoTokens: false });
  });
});

describe('configuration with EVENTSTORE_URL', () => {
  it('selects EventStoreDB, accepts a cluster connection string and masks its credentials in the log', () => {
    const config = loadConfig({ EVENTSTORE_URL: 'esdb://admin:changeit@a:2113,b:2113?tls=false' });
    expect(config.eventStore).toEqual({
      kind: 'esdb',
      connectionString: 'esdb://admin:changeit@a:2113,b:2113?tls=false',
      maxEventBytes: 1024 * 1024,
    });
    expect(describeEventStore(config.eventStore)).toBe('eventstoredb esdb://***@a:2113,b:2113?tls=false');
  });
});

describe('configuration of CORS and rate limiting', () => {
  it('allows no cross-origin caller and 600 000 cost points a minute per identity by default', () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], rateLimit: { points: 600_000, windowSeconds: 60 } });
  });

  it('reads a comma-separated list of origins and refuses anything that is not an origin', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://bando.dongnai.gov.vn, http://localhost:5173' }).corsOrigins).toEqual(['https://bando.dongnai.gov.vn', 'http://localhost:5173']);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.gov.vn,https://a.gov.vn/path,*' })).toEqual([
      'CORS_ORIGINS: must be a comma-separated list of origins such as https://bando.dongnai.gov.vn (scheme, host, optional port; no path); not origins: "https://a.gov.vn/path", "*"',
    ]);
    expect(problemsOf({ RATE_LIMIT_POINTS: '-1', RATE_LIMIT_WINDOW_SECONDS: '0' })).toEqual([
      'RATE_LIMIT_POINTS: must be a whole number from 0 to 1000000000 (got "-1")',
      'RATE_LIMIT_WINDOW_SECONDS: must be a whole number from 1 to 86400 (got 0)',
    ]);
  });
});

describe('configuration of the web dashboard’s OIDC sign-in', () => {
  const provider = {
    AUTH_JWKS_URL: 'https://id.dongnai.gov.vn/realms/council/protocol/openid-connect/certs',
    AUTH_JWT_ISSUER: 'https://id.dongnai.gov.vn/realms/council',
    AUTH_JWT_AUDIENCE: 'council-api',
  };

  it('has none by default, and none without AUTH_OIDC_CLIENT_ID', () => {
    expect(loadConfig({}).auth.oidc).toBeUndefined();
    expect(loadConfig(provider).auth.oidc).toBeUndefined();
  });

  it('signs in at the tokens’ issuer with the registered client, asking for openid profile unless told otherwise', () => {
    expect(loadConfig({ ...provider, AUTH_OIDC_CLIENT_ID: 'council-web' }).auth.oidc).toEqual({
      authority: 'https://id.dongnai.gov.vn/realms/council',
      clientId: 'council-web',
      scopes: 'openid profile',
    });
    const entra = loadConfig({
      ...provider,
      NODE_ENV: 'production',
      AUTH_OIDC_CLIENT_ID: '3f0c9a1e-7d2b-4c55-9e61-0a8b2c4d6e8f',
      AUTH_OIDC_SCOPES: ' openid  profile api://council/.default ',
      AUTH_OIDC_AUTHORITY: 'https://login.example/tenant/v2.0',
    });
    expect(entra.auth.oidc).toEqual({
      authority: 'https://login.example/tenant/v2.0',
      clientId: '3f0c9a1e-7d2b-4c55-9e61-0a8b2c4d6e8f',
      scopes: 'openid profile api://council/.default',
    });
  });

  it('refuses to start without what verifies the tokens the sign-in brings, saying what is missing', () => {
    expect(problemsOf({ AUTH_OIDC_CLIENT_ID: 'council-web' })).toEqual([
      'AUTH_OIDC_CLIENT_ID: needs AUTH_JWKS_URL: the provider\'s jwks_uri, to verify the tokens the sign-in brings',
      'AUTH_OIDC_CLIENT_ID: needs AUTH_JWT_AUDIENCE: the audience of the access tokens meant for this API, so that ID tokens and tokens for other applications are refused',
      'AUTH_OIDC_CLIENT_ID: needs AUTH_JWT_ISSUER: the provider\'s issuer URL, where /.well-known/openid-configuration is (or AUTH_OIDC_AUTHORITY when it differs from the tokens\' "iss")',
    ]);
  });

  it('refuses a bad client id, scopes without openid, an issuer that is no URL, an http provider in production, and OIDC variables without a client', () => {
    expect(problemsOf({ ...provider, AUTH_OIDC_CLIENT_ID: 'council web', AUTH_OIDC_SCOPES: 'profile' })).toEqual([
      'AUTH_OIDC_CLIENT_ID: must be the client id registered at the identity provider: printable ASCII, no spaces (got "council web")',
      'AUTH_OIDC_SCOPES: must be space-separated scopes including openid (got "profile")',
    ]);
    expect(problemsOf({ ...provider, AUTH_JWT_ISSUER: 'council', AUTH_OIDC_CLIENT_ID: 'council-web' })).toEqual([
      'AUTH_JWT_ISSUER: must be the identity provider\'s http(s) URL for the web sign-in (got "council")',
    ]);
    expect(problemsOf({ ...provider, NODE_ENV: 'production', AUTH_OIDC_CLIENT_ID: 'council-web', AUTH_OIDC_AUTHORITY: 'http://id.local' })).toEqual([
      'AUTH_OIDC_AUTHORITY: must be the identity provider\'s https URL for the web sign-in (got "http://id.local")',
    ]);
    expect(problemsOf({ ...provider, AUTH_OIDC_SCOPES: 'openid', AUTH_OIDC_AUTHORITY: 'https://id.local' })).toEqual([
      'AUTH_OIDC_SCOPES: is used only with AUTH_OIDC_CLIENT_ID (the web sign-in through an identity provider)',
      'AUTH_OIDC_AUTHORITY: is used only with AUTH_OIDC_CLIENT_ID (the web sign-in through an identity provider)',
    ]);
  });
});
