import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose';

/** Claims and header a test token is made of; `exp` etc. in seconds since the epoch. */
export interface TokenSpec {
  readonly claims?: Record<string, unknown>;
  readonly issuedAt?: number;
  readonly notBefore?: number;
  readonly expiresAt?: number | null;
  readonly kid?: string;
}

const nowSeconds = () => Math.floor(new Date().getTime() / 1000);

export const provinceClaims = (province = '74') => ({ sub: `official-${province}`, name: 'Phạm Thị Thu Hằng', roles: ['province'], province });

function build(spec: TokenSpec): SignJWT {
  const now = nowSeconds();
  const jwt = new SignJWT(spec.claims ?? provinceClaims()).setIssuedAt(spec.issuedAt ?? now);
  if (spec.notBefore !== undefined) jwt.setNotBefore(spec.notBefore);
  if (spec.expiresAt !== null) jwt.setExpirationTime(spec.expiresAt ?? now + 3600);
  return jwt;
}

/** An HS256 token signed with `secret`. */
export function hs256(secret: string, spec: TokenSpec = {}): Promise<string> {
  return build(spec).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** A token with `alg: none` and no signature (RFC 7519 §6), which no server may accept. */
export function unsigned(spec: TokenSpec = {}): string {
  const now = nowSeconds();
  return new UnsecuredJWT(spec.claims ?? provinceClaims())
    .setIssuedAt(now)
    .setExpirationTime(spec.expiresAt ?? now + 3600)
    .encode();
}

/** The same token with one claim changed after signing. */
export function tampered(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...change };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  sign(spec?: TokenSpec): Promise<string>;
}

export async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    privateKey,
    publicJwk,
    sign: (spec = {}) => build(spec).setProtectedHeader({ alg, kid: spec.kid ?? kid, typ: 'JWT' }).sign(privateKey),
  };
}

/** A JWK set served on 127.0.0.1, as an OIDC provider would serve it. */
export interface JwksServer {
  readonly url: string;
  readonly requests: () => number;
  close(): Promise<void>;
}

export async function serveJwks(keys: readonly JWK[]): Promise<JwksServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
