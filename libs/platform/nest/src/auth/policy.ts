import { type Actor, ForbiddenError } from '@council/platform/event-sourcing';
import { AuthenticationError } from './authentication-error.js';
import { type Role, ROLES } from './roles.js';

/**
 * Who may call a field: any of these roles, any authenticated caller, anyone, or no one.
 * Only the caller's role is checked here. Whether this province is the committer or a
 * counterparty of this commitment is the domain's decision, not the policy's.
 */
export type PolicyRule = readonly Role[] | 'authenticated' | 'public' | 'deny';

/**
 * Operation → rule, keyed `Type.field`: `Mutation.proposeCommitment`, `Query.auditTrail`,
 * or any object type's field (`Commitment.budgetVnd`), which is then checked wherever
 * that field is resolved.
 */
export type PolicyTable = Readonly<Record<string, PolicyRule>>;

export type RootOperationType = 'Query' | 'Mutation' | 'Subscription';

/** Rules for root fields without an entry: mutations and subscriptions are denied. */
export const DEFAULT_POLICY_DEFAULTS: Readonly<Record<RootOperationType, PolicyRule>> = {
  Query: 'authenticated',
  Mutation: 'deny',
  Subscription: 'deny',
};

/** The platform's own operations. */
export const PLATFORM_POLICY: PolicyTable = { 'Query.me': 'authenticated' };

const KEY = /^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/;

/** Joins tables from several features; the same operation in two tables is an error. */
export function mergePolicies(tables: readonly PolicyTable[]): PolicyTable {
  const merged: Record<string, PolicyRule> = {};
  for (const table of tables)
    for (const [operation, rule] of Object.entries(table)) {
      if (!KEY.test(operation)) throw new Error(`policy: "${operation}" is not of the form Type.field`);
      if (operation in merged) throw new Error(`policy: ${operation} has more than one entry`);
      if (Array.isArray(rule)) {
        const unknown = rule.find((role) => !(ROLES as readonly string[]).includes(role));
        if (unknown !== undefined || rule.length === 0)
          throw new Error(`policy: ${operation} must list roles among ${ROLES.join(', ')}`);
      }
      merged[operation] = rule;
    }
  return merged;
}

/** Whether the rule lets the caller in; a reason when not. */
export function evaluatePolicy(
  rule: PolicyRule,
  actor: Actor | undefined,
): { readonly allowed: true } | { readonly allowed: false; readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' } {
  if (rule === 'public') return { allowed: true };
  if (rule === 'deny') return { allowed: false, code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED' };
  if (!actor) return { allowed: false, code: 'UNAUTHENTICATED' };
  if (rule === 'authenticated') return { allowed: true };
  return rule.some((role) => actor.roles.includes(role)) ? { allowed: true } : { allowed: false, code: 'FORBIDDEN' };
}

/** Throws AuthenticationError or the kernel's ForbiddenError when the rule refuses the caller. */
export function enforcePolicy(operation: string, rule: PolicyRule, actor: Actor | undefined): void {
  const decision = evaluatePolicy(rule, actor);
  if (decision.allowed) return;
  if (decision.code === 'UNAUTHENTICATED')
    throw new AuthenticationError(`${operation} needs a signed-in caller: send Authorization: Bearer <token>`);
  throw new ForbiddenError(
    rule === 'deny'
      ? `${operation} is not open to any caller`
      : `${operation} is not open to the role${actor && actor.roles.length > 1 ? 's' : ''} ${actor?.roles.join(', ')}`,
  );
}

/** One line of the effective policy: what a test walks to try every operation × role. */
export interface PolicyEntry {
  /** `Type.field` */
  readonly operation: string;
  readonly type: string;
  readonly field: string;
  readonly rule: PolicyRule;
  /** False when the rule is the default of a root type (no entry in the table). */
  readonly explicit: boolean;
  /** The roles this rule lets in ('authenticated' and 'public' let in every role). */
  readonly roles: readonly Role[];
  /** Whether an anonymous caller gets in. */
  readonly anonymous: boolean;
}

export function policyEntry(operation: string, rule: PolicyRule, explicit: boolean): PolicyEntry {
  const [type = '', field = ''] = operation.split('.');
  return {
    operation,
    type,
    field,
    rule,
    explicit,
    roles: ROLES.filter((role) => evaluatePolicy(rule, { subject: 'probe', roles: [role], province: '00' }).allowed),
    anonymous: evaluatePolicy(rule, undefined).allowed,
  };
}
