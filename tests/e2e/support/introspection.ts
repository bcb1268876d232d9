import { graphql } from './graphql.js';

/** A type reference as introspection gives it, four levels deep (enough for `[String!]!`). */
export interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly ofType?: TypeRef | null;
}

export interface RootField {
  readonly name: string;
  readonly args: readonly { readonly name: string; readonly type: TypeRef }[];
  readonly type: TypeRef;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

/** The fields of the running schema's Query or Mutation type, read by introspection (outside production). */
export async function rootFields(url: string, root: 'queryType' | 'mutationType', token?: string): Promise<RootField[]> {
  const answer = await graphql(url, `{ __schema { ${root} { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`, {
    ...(token && { token }),
  });
  if (answer.body.errors) throw new Error(`introspection failed: ${JSON.stringify(answer.body.errors)}`);
  const schema = (answer.body.data as { __schema: Record<string, { fields: RootField[] } | null> }).__schema;
  return schema[root]?.fields ?? [];
}

/** `ID!`, `[String!]!`, … as a variable definition spells it. */
export function typeName(type: TypeRef): string {
  if (type.kind === 'NON_NULL' && type.ofType) return `${typeName(type.ofType)}!`;
  if (type.kind === 'LIST' && type.ofType) return `[${typeName(type.ofType)}]`;
  if (type.name) return type.name;
  throw new Error(`cannot spell the type ${JSON.stringify(type)}: introspect deeper`);
}

/** The named type under any NON_NULL / LIST wrappers: `Commitment` for `Commitment!`. */
export function namedType(type: TypeRef): string {
  return type.name ?? (type.ofType ? namedType(type.ofType) : '');
}

/**
 * One operation calling `field` with `values` as variables, its variable types taken
 * from the schema. Throws when a required argument has no value or a value names an
 * argument the field does not have, so a changed signature fails loudly.
 */
export function operationFor(kind: 'query' | 'mutation', field: RootField, values: Record<string, unknown>, selection: string): string {
  const unknown = Object.keys(values).filter((name) => !field.args.some((arg) => arg.name === name));
  if (unknown.length > 0) throw new Error(`${field.name} has no argument ${unknown.join(', ')}`);
  const missing = field.args.filter((arg) => arg.type.kind === 'NON_NULL' && !(arg.name in values)).map((arg) => arg.name);
  if (missing.length > 0) throw new Error(`the case for ${field.name} gives no value for its required argument ${missing.join(', ')}`);
  const used = field.args.filter((arg) => arg.name in values);
  const definitions = used.length > 0 ? `(${used.map((arg) => `$${arg.name}: ${typeName(arg.type)}`).join(', ')})` : '';
  const args = used.length > 0 ? `(${used.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return `${kind} Sweep${definitions} { ${field.name}${args}${selection ? ` { ${selection} }` : ''} }`;
}
