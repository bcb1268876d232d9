import type { Actor } from '@council/platform/event-sourcing';
import { AuthenticationError } from './authentication-error.js';
import { isRole, PROVINCE_CODE, type Role } from './roles.js';

const MAX_SUBJECT_LENGTH = 255;
const MAX_NAME_LENGTH = 200;

/**
 * The caller a verified token describes. Claims: `sub` (required), `name`, `roles`
 * (a non-empty array of `province`, `council`, `auditor`), `province` (an official code
 * such as "74", required when `roles` has `province`). Anything else is refused.
 */
export function actorFromClaims(claims: Readonly<Record<string, unknown>>): Actor {
  const { sub, name, roles, province } = claims;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_SUBJECT_LENGTH)
    throw new AuthenticationError('the token has no usable "sub" claim');
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH))
    throw new AuthenticationError('the token\'s "name" claim must be a string');
  if (!Array.isArray(roles) || roles.length === 0)
    throw new AuthenticationError('the token\'s "roles" claim must be a non-empty array');
  const unknown = roles.find((role) => !isRole(role));
  if (unknown !== undefined)
    throw new AuthenticationError(`the token names an unknown role ${JSON.stringify(String(unknown).slice(0, 40))}`);
  const distinct = [...new Set(roles as Role[])];
  if (province !== undefined && (typeof province !== 'string' || !PROVINCE_CODE.test(province)))
    throw new AuthenticationError('the token\'s "province" claim must be an official province code such as "74"');
  if (distinct.includes('province') && province === undefined)
    throw new AuthenticationError('the token has the province role but no "province" claim');
  return {
    subject: sub,
    roles: distinct,
    ...(province !== undefined ? { province } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}
