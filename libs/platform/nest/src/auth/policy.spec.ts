import { describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { listPolicy } from '../graphql/policy-enforcement.js';
import { evaluatePolicy, mergePolicies } from './policy.js';

const schema = buildSchema(`
  type Query { me: String  commitment(id: ID!): Commitment }
  type Mutation { proposeCommitment: String  cancelCommitment: String  registerProject: String }
  type Commitment { id: ID!  budgetVnd: String }
`);

const province = { subject: 'p', roles: ['province'], province: '74' };
const council = { subject: 'c', roles: ['council'] };

describe('the policy table', () => {
  it('lets in a caller holding any listed role, refuses others as FORBIDDEN and anonymous callers as UNAUTHENTICATED', () => {
    expect(evaluatePolicy(['province'], province)).toEqual({ allowed: true });
    expect(evaluatePolicy(['province'], council)).toEqual({ allowed: false, code: 'FORBIDDEN' });
    expect(evaluatePolicy(['province'], undefined)).toEqual({ allowed: false, code: 'UNAUTHENTICATED' });
    expect(evaluatePolicy('authenticated', council)).toEqual({ allowed: true });
    expect(evaluatePolicy('public', undefined)).toEqual({ allowed: true });
    expect(evaluatePolicy('deny', council)).toEqual({ allowed: false, code: 'FORBIDDEN' });
  });

  it('refuses two entries for one operation, unknown roles and keys that are not Type.field', () => {
    expect(() => mergePolicies([{ 'Mutation.cancelCommitment': ['council'] }, { 'Mutation.cancelCommitment': ['province'] }])).toThrow(
      'policy: Mutation.cancelCommitment has more than one entry',
    );
    expect(() => mergePolicies([{ 'Mutation.cancelCommitment': ['admin' as 'council'] }])).toThrow(/must list roles/);
    expect(() => mergePolicies([{ cancelCommitment: ['council'] }])).toThrow(/Type\.field/);
  });

  it('lists every mutation with the roles it admits, denying those without an entry', () => {
    const table = mergePolicies([{ 'Mutation.proposeCommitment': ['province'], 'Mutation.cancelCommitment': ['council'], 'Commitment.budgetVnd': ['council', 'province'] }]);
    const mutations = listPolicy(schema, { table })
      .filter((entry) => entry.type === 'Mutation')
      .map(({ field, roles, explicit }) => [field, roles, explicit]);
    expect(mutations).toEqual([
      ['cancelCommitment', ['council'], true],
      ['proposeCommitment', ['province'], true],
      ['registerProject', [], false],
    ]);
    expect(listPolicy(schema, { table }).find((e) => e.operation === 'Query.commitment')).toMatchObject({
      rule: 'authenticated',
      roles: ['province', 'council', 'auditor'],
      anonymous: false,
    });
  });

  it('stops the start when an entry names a field the schema does not have', () => {
    expect(() => listPolicy(schema, { table: { 'Mutation.proposeComitment': ['province'] } })).toThrow(
      'policy: Mutation.proposeComitment names no field of the schema',
    );
  });
});
