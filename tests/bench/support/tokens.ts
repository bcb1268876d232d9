import { SignJWT } from 'jose';

/** Claims of a bench caller: a province official (with `province`), the council or an auditor. */
export interface Caller {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly ('province' | 'council' | 'auditor')[];
  readonly province?: string;
}

/** An HS256 bearer token for `caller`, valid for an hour, as the server verifies with AUTH_JWT_SECRET. */
export function signHs256(secret: string, caller: Caller, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...caller, roles: [...caller.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(new TextEncoder().encode(secret));
}
