import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `value` is YYYY-MM-DD and names a day that exists (no 2025-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Every dated field of every answer passes here: arithmetic, not a Date per value.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return year >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function date(value: unknown, where: string): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError(`Date ${where} must be a calendar date as YYYY-MM-DD (got ${preview(value)})`);
}

export function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * `Date`: a calendar day, `YYYY-MM-DD`, with no time and no zone (a deadline, the day
 * a report is for). Carried as that string inside the server, so no zone can shift it.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601), without time or zone. The day must exist.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => date(value, 'output'),
  parseValue: (value) => date(value, 'input'),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string such as "2026-12-31"', { nodes: ast });
    return date(ast.value, 'input');
  },
});
