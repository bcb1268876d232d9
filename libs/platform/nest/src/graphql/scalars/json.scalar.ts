import { GraphQLError, GraphQLScalarType, Kind, type ObjectValueNode, type ValueNode } from 'graphql';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function literal(ast: ValueNode, variables: Readonly<Record<string, unknown>> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((item) => literal(item, variables));
    case Kind.OBJECT:
      return object(ast, variables);
    case Kind.VARIABLE:
      return variables?.[ast.name.value] ?? null;
    case Kind.ENUM:
      throw new GraphQLError(`JSON cannot hold the enum value ${ast.value}`, { nodes: ast });
  }
}

function object(ast: ObjectValueNode, variables: Readonly<Record<string, unknown>> | null | undefined) {
  const result: Record<string, unknown> = Object.create(null);
  for (const field of ast.fields) result[field.name.value] = literal(field.value, variables);
  return result;
}

function json(value: unknown): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new GraphQLError('JSON cannot hold NaN or Infinity');
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : json(item)));
      if (value instanceof Date) return value.toISOString();
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, item]) => item !== undefined)
          .map(([key, item]) => [key, json(item)]),
      );
    default:
      throw new GraphQLError(`JSON cannot hold a ${typeof value}`);
  }
}

/** `JSON`: any JSON value (an event's data and metadata). bigint values are written as strings. */
export const JSONScalar = new GraphQLScalarType<unknown, Json>({
  name: 'JSON',
  description: 'Any JSON value: object, array, string, number, boolean or null.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc8259',
  serialize: json,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literal(ast, variables),
});
