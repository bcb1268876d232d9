import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from 'graphql';
import { COMMITMENTS_POLICY, CommitmentsModule } from '@council/commitments/feature';
import { EventStore, ForbiddenError } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { AuthenticationError, AuthModule, EventSourcingModule, GraphqlPlatformModule, GraphqlPolicy, type PolicyEntry, ReadModelsModule, ROLES } from '@council/platform/nest';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { REGION_POLICY } from '@council/region/feature';
import { commitmentViewProjection } from '@council/commitments/read-models';

/**
 * The policy reaches past the root fields: every field that has a resolver of its own
 * (Commitment.history, every Query, Mutation and Subscription field) needs an explicit
 * entry, so a new one cannot ship on a default nobody chose; and every entry's rule is
 * enforced on that field itself, whatever parent reaches it. The HTTP sweep over roots
 * is tests/e2e/authorisation-sweep.e2e.spec.ts.
 */
/** Every `@ResolveField` of every resolver class Nest knows, as `Type.field`. */
function resolveFieldsOf(app: INestApplication): string[] {
  const found: string[] = [];
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      // @Resolver(() => Commitment) records the type's name on the class.
      const typeName: unknown = instance && Reflect.getMetadata('graphql:resolver_type', instance.constructor);
      if (typeof typeName !== 'string') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[key];
        if (typeof method === 'function' && Reflect.getMetadata('graphql:resolve_property', method) === true)
          found.push(`${typeName}.${String(Reflect.getMetadata('graphql:resolver_name', method) ?? key)}`);
      }
    }
  return found;
}

function rootFieldNames(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
}

describe('the policy on every field with a resolver of its own', () => {
  let app: INestApplication;
  let entries: PolicyEntry[];
  let schema: GraphQLSchema;
  let resolvedFields: { operation: string; field: GraphQLField<unknown, unknown> }[];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventSourcingModule.forRoot({ useFactory: () => new SqliteEventStore({ path: ':memory:' }) }),
        ReadModelsModule.forRoot({
          useFactory: (store: EventStore) => SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] }),
          inject: [EventStore],
        }),
        AuthModule.forRoot({ secret: 'field-policy-secret-0123456789abcdefghij' }),
        GraphqlPlatformModule.forRoot({ mode: 'test', policies: [COMMITMENTS_POLICY, REGION_POLICY] }),
        CommitmentsModule.forRoot({ deadlineWatcher: { intervalMs: 3_600_000 } }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
    await app.init();
    entries = app.get(GraphqlPolicy).entries();
    schema = app.get(GraphQLSchemaHost).schema;
    const declared = [...rootFieldNames(schema), ...resolveFieldsOf(app)];
    resolvedFields = declared.map((operation) => {
      const [typeName = '', fieldName = ''] = operation.split('.');
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      if (!field) throw new Error(`${operation} is declared but not in the schema`);
      return { operation, field: field as GraphQLField<unknown, unknown> };
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('finds the field resolvers (Commitment.history among them)', () => {
    expect(resolvedFields.map((f) => f.operation)).toEqual(expect.arrayContaining(['Commitment.history', 'Query.commitment', 'Mutation.proposeCommitment']));
  });

  it('has an explicit policy entry for every root field and every field resolver', () => {
    const explicit = new Set(entries.filter((e) => e.explicit).map((e) => e.operation));
    const roots = entries.filter((e) => ['Query', 'Mutation', 'Subscription'].includes(e.type)).map((e) => e.operation);
    const needing = [...new Set([...roots, ...resolvedFields.map((f) => f.operation)])];
    expect(needing.filter((operation) => !explicit.has(operation)).sort()).toEqual([]);
  });

  it('enforces each entry on the field itself: anonymous callers and roles outside the rule are refused', async () => {
    const refusals: string[] = [];
    const info = {} as GraphQLResolveInfo;
    for (const entry of entries) {
      const type = schema.getType(entry.type);
      const field = isObjectType(type) ? type.getFields()[entry.field] : undefined;
      const call = field?.subscribe ?? field?.resolve;
      if (!call) {
        if (entry.rule !== 'public') refusals.push(`${entry.operation} has a rule but no resolver enforces it`);
        continue;
      }
      const attempt = async (actor: object | undefined) => {
        try {
          await call({}, {}, { actor, req: {} } as never, info);
          return 'ran';
        } catch (error) {
          return error instanceof AuthenticationError ? 'UNAUTHENTICATED' : error instanceof ForbiddenError ? 'FORBIDDEN' : 'ran';
        }
      };
      if (!entry.anonymous && (await attempt(undefined)) !== 'UNAUTHENTICATED') refusals.push(`${entry.operation} lets an anonymous caller in`);
      for (const role of ROLES.filter((r) => !entry.roles.includes(r)))
        if ((await attempt({ subject: 'probe', roles: [role], province: '79' })) !== 'FORBIDDEN') refusals.push(`${entry.operation} lets the ${role} role in`);
    }
    expect(refusals).toEqual([]);
  });
});
