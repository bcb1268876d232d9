import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import {
  DEFAULT_POLICY_DEFAULTS,
  enforcePolicy,
  type PolicyEntry,
  policyEntry,
  type PolicyRule,
  type PolicyTable,
  type RootOperationType,
} from '../auth/policy.js';
import type { GraphqlContext } from './graphql-context.js';

export interface PolicyOptions {
  readonly table: PolicyTable;
  /** Rules for root fields without an entry; default: Query authenticated, Mutation and Subscription denied. */
  readonly defaults?: Partial<Record<RootOperationType, PolicyRule>>;
}

function rootTypes(schema: GraphQLSchema): [RootOperationType, string][] {
  const roots: [RootOperationType, string | undefined][] = [
    ['Query', schema.getQueryType()?.name],
    ['Mutation', schema.getMutationType()?.name],
    ['Subscription', schema.getSubscriptionType()?.name],
  ];
  return roots.filter((root): root is [RootOperationType, string] => root[1] !== undefined);
}

/**
 * The effective policy of a schema: every root field (with its entry or its root
 * type's default) and every other entry of the table. Throws when an entry names a
 * field the schema does not have, so a typo cannot leave a field open.
 */
export function listPolicy(schema: GraphQLSchema, options: PolicyOptions): PolicyEntry[] {
  const defaults = { ...DEFAULT_POLICY_DEFAULTS, ...options.defaults };
  for (const operation of Object.keys(options.table)) {
    const [typeName = '', fieldName = ''] = operation.split('.');
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[fieldName])
      throw new Error(`policy: ${operation} names no field of the schema`);
  }
  const entries = new Map<string, PolicyEntry>();
  for (const [kind, typeName] of rootTypes(schema)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      const operation = `${typeName}.${field}`;
      const rule = options.table[operation];
      entries.set(operation, policyEntry(operation, rule ?? defaults[kind], rule !== undefined));
    }
  }
  for (const [operation, rule] of Object.entries(options.table))
    if (!entries.has(operation)) entries.set(operation, policyEntry(operation, rule, true));
  return [...entries.values()].sort((a, b) => a.operation.localeCompare(b.operation));
}

/**
 * Wraps the resolver of every field that has a rule (an entry, or a root field's
 * default) with the policy check, so it holds for Query, Mutation and any type's
 * field alike, whether a Nest resolver method or a plain property resolves it.
 */
export function enforcePolicies(schema: GraphQLSchema, options: PolicyOptions): GraphQLSchema {
  for (const entry of listPolicy(schema, options)) {
    const type = schema.getType(entry.type);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[entry.field];
    if (!field || entry.rule === 'public') continue;
    const resolve: GraphQLFieldResolver<unknown, GraphqlContext> = field.resolve ?? defaultFieldResolver;
    const { operation, rule } = entry;
    field.resolve = (source, args, context, info) => {
      enforcePolicy(operation, rule, context.actor);
      return resolve(source, args, context, info);
    };
    if (field.subscribe) {
      const subscribe = field.subscribe;
      field.subscribe = (source, args, context: GraphqlContext, info) => {
        enforcePolicy(operation, rule, context.actor);
        return subscribe(source, args, context, info);
      };
    }
  }
  return schema;
}
