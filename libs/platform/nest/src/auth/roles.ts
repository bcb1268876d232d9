/** The roles a caller's token may carry (claim `roles`). */
export const ROLES = ['province', 'council', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** An official province code: two digits, such as "74" (Bình Dương) or "79" (TP. Hồ Chí Minh). */
export const PROVINCE_CODE = /^\d{2}$/;
