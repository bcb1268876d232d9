import { SignJWT } from 'jose';
import type { Actor } from '@council/platform/event-sourcing';
import type { Role } from './roles.js';

/**
 * The HS256 secret used outside production when AUTH_JWT_SECRET is unset (start-up says
 * so): the server and `council token` share it, so a CLI token works on `npm start`.
 */
export const DEVELOPMENT_JWT_SECRET = 'council-development-secret-not-for-production';

/** Who a demo token speaks for. */
export interface DemoIdentity {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly province?: string;
  /** For people: "Tỉnh Bình Dương (74)", "Hội đồng điều phối vùng". */
  readonly label: string;
}

export interface DemoToken {
  readonly identity: DemoIdentity;
  readonly actor: Actor;
  /** A compact HS256 JWT: send it as `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * The council, an auditor, and one official of each province of the region as it is
 * since the mergers of 1 July 2025 (Hồ Chí Minh City, Đồng Nai, Tây Ninh) and of the
 * partner Vĩnh Long. Officials of the provinces merged away act through their successors.
 */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { subject: 'demo-council', name: 'Nguyễn Văn Thành', roles: ['council'], label: 'Hội đồng điều phối vùng Đông Nam Bộ' },
  { subject: 'demo-auditor', name: 'Trần Thị Ngọc Ánh', roles: ['auditor'], label: 'Kiểm toán' },
  { subject: 'demo-province-79', name: 'Lê Hoàng Phúc', roles: ['province'], province: '79', label: 'TP. Hồ Chí Minh (79)' },
  { subject: 'demo-province-75', name: 'Võ Quốc Bảo', roles: ['province'], province: '75', label: 'Đồng Nai (75)' },
  { subject: 'demo-province-80', name: 'Bùi Văn Đức', roles: ['province'], province: '80', label: 'Tây Ninh (80)' },
  { subject: 'demo-province-86', name: 'Phạm Thị Thu Hằng', roles: ['province'], province: '86', label: 'Vĩnh Long (86), đối tác' },
];

export const DEMO_TOKEN_VALIDITY_SECONDS = 30 * 24 * 60 * 60;

export interface DemoTokenOptions {
  /** The HS256 secret the server verifies with (AUTH_JWT_SECRET or the development default). */
  readonly secret: string;
  /** Issue time; tokens are valid from then for `validForSeconds` (default 30 days). */
  readonly now: Date;
  readonly issuer?: string;
  readonly audience?: string;
  readonly validForSeconds?: number;
  readonly identities?: readonly DemoIdentity[];
}

/**
 * Signs a token for each demo identity. For development only: the server prints them
 * at start on the embedded default; a CLI or the web sign-in can call this with the
 * same secret to get the same callers.
 */
export async function issueDemoTokens(options: DemoTokenOptions): Promise<DemoToken[]> {
  const key = new TextEncoder().encode(options.secret);
  const issuedAt = Math.floor(options.now.getTime() / 1000);
  const expiresAt = issuedAt + (options.validForSeconds ?? DEMO_TOKEN_VALIDITY_SECONDS);
  return Promise.all(
    (options.identities ?? DEMO_IDENTITIES).map(async (identity) => {
      const jwt = new SignJWT({
        name: identity.name,
        roles: [...identity.roles],
        ...(identity.province ? { province: identity.province } : {}),
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(identity.subject)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(expiresAt);
      if (options.issuer) jwt.setIssuer(options.issuer);
      if (options.audience) jwt.setAudience(options.audience);
      const actor: Actor = {
        subject: identity.subject,
        roles: identity.roles,
        name: identity.name,
        ...(identity.province ? { province: identity.province } : {}),
      };
      return { identity, actor, token: await jwt.sign(key), expiresAt: new Date(expiresAt * 1000) };
    }),
  );
}
