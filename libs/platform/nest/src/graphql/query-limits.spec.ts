import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_QUERY_LIMITS, type QueryLimits, QueryLimitError, queryLimitsRule } from './query-limits.js';
import { parseDateTime } from './scalars/date-time.scalar.js';
import { isCalendarDate } from './scalars/date.scalar.js';

const schema = buildSchema(`
  type Query { commitment(id: ID!): Commitment  commitments(first: Int, after: String): CommitmentConnection!  provinces: [Province!]! }
  type CommitmentConnection { edges: [CommitmentEdge!]!  totalCount: Int! }
  type CommitmentEdge { cursor: String!  node: Commitment! }
  type Commitment { id: ID!  title: String!  committer: Province!  counterparties: [Province!]!  history: [Event!]! }
  type Province { code: String!  name: String!  commitments: [Commitment!]! }
  type Event { type: String!  recordedAt: String! }
`);

function limitsHit(query: string, limits: Partial<QueryLimits> = {}) {
  const errors = validate(schema, parse(query), [...specifiedRules, queryLimitsRule({ ...DEFAULT_QUERY_LIMITS, ...limits })]);
  return errors.map((error) =>
    error instanceof QueryLimitError ? { limit: error.limit, maximum: error.maximum, actual: error.actual } : error.message,
  );
}

describe('query limits', () => {
  it('let an ordinary dashboard query through', () => {
    expect(
      limitsHit(`{
        commitments(first: 50) { totalCount edges { cursor node { id title committer { code name } counterparties { code } history { type recordedAt } } } }
      }`),
    ).toEqual([]);
  });

  it('count depth through fragments and refuse a deeper query than allowed', () => {
    const query = `{ provinces { commitments { committer { commitments { committer { ...deeper } } } } } }
      fragment deeper on Province { commitments { committer { code } } }`;
    expect(limitsHit(query, { maxDepth: 8, maxCost: 1e12 })).toEqual([]);
    expect(limitsHit(query, { maxDepth: 7, maxCost: 1e12 })).toEqual([{ limit: 'depth', maximum: 7, actual: 8 }]);
  });

  it('count aliases', () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `c${i}: commitment(id: "${i}") { id }`).join(' ');
    expect(limitsHit(`{ ${aliases} }`)).toEqual([{ limit: 'aliases', maximum: 20, actual: 21 }]);
  });

  it('count directives', () => {
    const fields = Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ');
    expect(limitsHit(`{ commitment(id: "1") { ${fields} } }`)).toEqual([{ limit: 'directives', maximum: 20, actual: 21 }]);
  });

  it('multiply the cost of what sits under a list by its page size or the default list size', () => {
    // 1 (commitments) + 100 × (1 edges + 1 node + (1 id + 1 history + 10 × 1 type)) = 1 401, edges not multiplied again
    expect(limitsHit('{ commitments(first: 100) { edges { node { id history { type } } } } }', { maxCost: 1400 })).toEqual([
      { limit: 'cost', maximum: 1400, actual: 1401 },
    ]);
    // A variable page size counts as variableListSize (100).
    expect(
      limitsHit('query ($n: Int) { commitments(first: $n) { edges { node { id history { type } } } } }', { maxCost: 1400 }),
    ).toEqual([{ limit: 'cost', maximum: 1400, actual: 1401 }]);
  });

  it('measure a fragment bomb without expanding it, and refuse it', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment f${i} on Province { ...f${i + 1} ...f${i + 1} }`).join('\n');
    const query = `{ provinces { ...f0 } }\n${levels}\nfragment f30 on Province { code }`;
    const started = performance.now();
    expect(limitsHit(query)).toEqual([{ limit: 'cost', maximum: 25_000, actual: 1 + 10 * 2 ** 30 }]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('leave introspection out of depth and cost', () => {
    expect(limitsHit('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }', { maxDepth: 3 })).toEqual([]);
  });
});

describe('date scalars', () => {
  it('accept only days that exist', () => {
    expect(['2028-02-29', '2026-12-31', '2000-02-29'].every(isCalendarDate)).toBe(true);
    expect(['2027-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '26-01-01', '2026-01-01T00:00:00Z'].some(isCalendarDate)).toBe(false);
  });

  it('accept a date-time only with a zone, and keep the instant it names', () => {
    expect(parseDateTime('2027-01-01T00:00:00+07:00')?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(parseDateTime('2026-12-31T17:00Z')?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    for (const text of ['2026-12-31T17:00:00', '2026-12-31', '2026-02-30T00:00:00Z', '2026-12-31T24:00:00Z', 'tomorrow'])
      expect(parseDateTime(text)).toBeUndefined();
  });
});
