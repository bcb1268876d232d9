import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { preview } from './date.scalar.js';

const DIGITS = /^-?(0|[1-9]\d*)$/;
const MAX_DIGITS = 40;

function fromInput(value: unknown): bigint {
  if (typeof value === 'string' && value.length <= MAX_DIGITS && DIGITS.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isInteger(value))
    throw new GraphQLError(
      `BigInt ${preview(value)} is beyond 2^53 and may have lost precision in JSON: send it as a string of digits`,
    );
  throw new GraphQLError(`BigInt must be a whole number written as a string of digits, such as "1250000000000" (got ${preview(value)})`);
}

function toOutput(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError(`BigInt output must be a bigint, a safe integer or a string of digits (got ${preview(value)})`);
}

/**
 * `BigInt`: an exact whole number as a decimal string (VND amounts pass 2^53 đồng).
 * Input: a string of digits with an optional leading minus and no leading zeros; a
 * JSON number only while it is a safe integer (a larger one may already have lost
 * precision). Becomes a JS `bigint`. Output: always a string of digits. Whether a
 * negative amount makes sense is the domain's question, not the scalar's.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description:
    'An exact whole number as a decimal string of digits, optionally signed ("1250000000000" đồng). Never a float: numbers above 2^53 must be sent as strings.',
  serialize: toOutput,
  parseValue: fromInput,
  parseLiteral: (ast: ValueNode) => {
    // An integer literal in the query text is exact (the parser keeps its digits).
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return fromInput(ast.value);
    throw new GraphQLError('BigInt must be a string of digits such as "1250000000000"', { nodes: ast });
  },
});
