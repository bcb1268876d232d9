import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate, preview } from './date.scalar.js';

const SHAPE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** An ISO 8601 date-time with a zone (`Z` or `±hh:mm`) as a Date; undefined when it is not one. */
export function parseDateTime(value: string): Date | undefined {
  const match = SHAPE.exec(value);
  if (!match?.[1] || !isCalendarDate(match[1])) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  if (match[6] !== undefined && (Number(match[6]) > 23 || Number(match[7]) > 59)) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function toDate(value: unknown, where: string): Date {
  const parsed = typeof value === 'string' ? parseDateTime(value) : undefined;
  if (parsed) return parsed;
  throw new GraphQLError(
    `DateTime ${where} must be an ISO 8601 date-time with a zone, such as "2026-12-31T17:00:00Z" or "2027-01-01T00:00:00+07:00" (got ${preview(value)})`,
  );
}

/**
 * `DateTime`: an instant, ISO 8601 with a zone. Input becomes a JS `Date`; output is
 * always UTC (`2026-12-31T17:00:00.000Z`) from a `Date` or an ISO string.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant: ISO 8601 date-time with a zone offset ("2026-12-31T17:00:00Z", "2027-01-01T00:00:00+07:00"). Answers are in UTC.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => {
    const instant = value instanceof Date ? value : toDate(value, 'output');
    if (Number.isNaN(instant.getTime())) throw new GraphQLError('DateTime output is an invalid Date');
    return instant.toISOString();
  },
  parseValue: (value) => toDate(value, 'input'),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string such as "2026-12-31T17:00:00Z"', { nodes: ast });
    return toDate(ast.value, 'input');
  },
});
