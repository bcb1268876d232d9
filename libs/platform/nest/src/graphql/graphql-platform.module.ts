import { HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  type DynamicModule,
  Inject,
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, type GraphQLNamedType, GraphQLSchema } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@council/platform/event-sourcing';
import { AuthenticationError, IdentityProviderUnavailableError } from '../auth/authentication-error.js';
import { MeResolver } from '../auth/me.resolver.js';
import {
  mergePolicies,
  PLATFORM_POLICY,
  type PolicyEntry,
  type PolicyRule,
  type PolicyTable,
  type RootOperationType,
} from '../auth/policy.js';
import { TokenVerifier } from '../auth/token-verifier.js';
import { type AnswerCache, answerCache as createAnswerCache, type AnswerVersion } from './answer-cache.js';
import { createErrorFormatter } from './error-formatter.js';
import type { GraphqlContext } from './graphql-context.js';
import { DEFAULT_MAX_BODY_BYTES, jsonBodyReader } from './json-body.js';
import { enforcePolicies, listPolicy, type PolicyOptions } from './policy-enforcement.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule, type QueryLimits } from './query-limits.js';
import { DEFAULT_RATE_LIMIT, rateLimitPlugin, type RateLimitOptions } from './rate-limit.js';
import { BigIntScalar, DateScalar, DateTimeScalar, JSONScalar } from './scalars/index.js';
import { subscriptionsOverHttpRefused } from './subscriptions-over-http.js';

export interface GraphqlPlatformOptions {
  /**
   * `production`: no introspection, no GraphiQL, no stack traces, no schema hints
   * ("Did you mean…") in errors. `development`: GraphiQL and stack traces. `test`: neither.
   */
  readonly mode: 'development' | 'production' | 'test';
  /** Default `/graphql`. */
  readonly path?: string;
  /** Operation → roles tables of the features (`Mutation.proposeCommitment: ['province']`). */
  readonly policies?: readonly PolicyTable[];
  /** Rules for root fields without an entry; default: Query authenticated, Mutation and Subscription denied. */
  readonly policyDefaults?: Partial<Record<RootOperationType, PolicyRule>>;
  readonly limits?: Partial<QueryLimits>;
  /** Largest request body; default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Cost points per identity and window (default DEFAULT_RATE_LIMIT); `points: 0` turns it off. */
  readonly rateLimit?: RateLimitOptions;
  /**
   * The provider (a feature's, exported) that says which root queries' answers may be kept
   * and under which version (see `answerCache`); none: every query is executed.
   */
  readonly answerCache?: Type<AnswerVersion>;
}

interface ResolvedOptions {
  readonly path: string;
  readonly maxBodyBytes: number;
  readonly policy: PolicyOptions;
  readonly limits: QueryLimits;
  readonly rateLimit: RateLimitOptions;
}

const RESOLVED_OPTIONS = Symbol('GraphqlPlatformOptions');

/** The scalars of the public contract, in the schema whether or not a field uses them yet. */
export const PLATFORM_SCALARS: readonly GraphQLNamedType[] = [DateScalar, DateTimeScalar, BigIntScalar, JSONScalar];

/** The effective policy of the running schema: for tests that walk every operation × role. */
@Injectable()
export class GraphqlPolicy {
  constructor(
    @Inject(GraphQLSchemaHost) private readonly schemaHost: GraphQLSchemaHost,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedOptions,
  ) {}

  entries(): PolicyEntry[] {
    return listPolicy(this.schemaHost.schema, this.options.policy);
  }
}

/**
 * GraphQL over HTTP at `POST /graphql` (Apollo Server 5, code-first): the platform
 * scalars, bearer-token callers in the context (needs AuthModule), one policy table
 * checked on every field that has a rule, one error mapping, and limits enforced
 * before execution (body size, tokens, depth, aliases, directives, cost; no batches).
 * The application creates Nest with `bodyParser: false`: this module reads /graphql
 * bodies itself, to answer an oversized one with a JSON 413.
 */
@Module({})
export class GraphqlPlatformModule implements NestModule {
  constructor(@Inject(RESOLVED_OPTIONS) private readonly options: ResolvedOptions) {}

  static forRoot(options: GraphqlPlatformOptions): DynamicModule {
    const resolved: ResolvedOptions = {
      path: options.path ?? '/graphql',
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      policy: { table: mergePolicies([PLATFORM_POLICY, ...(options.policies ?? [])]), defaults: options.policyDefaults },
      limits: { ...DEFAULT_QUERY_LIMITS, ...options.limits },
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    };
    return {
      module: GraphqlPlatformModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TokenVerifier, ModuleRef],
          useFactory: (verifier: TokenVerifier, moduleRef: ModuleRef) => {
            const { answerCache } = options;
            // Looked up at the first query: the feature's provider is not known to this module.
            let versions: AnswerVersion | undefined;
            const lookUp = (token: Type<AnswerVersion>) => (): AnswerVersion => (versions ??= moduleRef.get<AnswerVersion>(token, { strict: false }));
            const cache = answerCache ? createAnswerCache(lookUp(answerCache)) : undefined;
            return apolloConfig(options.mode, resolved, verifier, cache);
          },
        }),
      ],
      providers: [{ provide: RESOLVED_OPTIONS, useValue: resolved }, MeResolver, GraphqlPolicy],
      exports: [GraphqlPolicy],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBodyReader(this.options.maxBodyBytes)).forRoutes({ path: this.options.path, method: RequestMethod.ALL });
  }
}

function apolloConfig(mode: GraphqlPlatformOptions['mode'], options: ResolvedOptions, verifier: TokenVerifier, answerCache?: AnswerCache): Omit<ApolloDriverConfig, 'driver'> {
  const production = mode === 'production';
  const development = mode === 'development';
  return {
    path: options.path,
    // Built in memory, never written at run time; the committed schema.gql is checked by a test.
    autoSchemaFile: true,
    sortSchema: true,
    // skipCheck: Nest would run a whole introspection query at start to find schema errors;
    // Apollo asserts the schema valid when it starts anyway (assertValidSchema).
    buildSchemaOptions: { scalarsMap: [{ type: () => Date, scalar: DateTimeScalar }], skipCheck: true },
    transformSchema: (schema) => enforcePolicies(withScalars(schema, PLATFORM_SCALARS), options.policy),
    context: async (http: { req?: IncomingMessage; res?: ServerResponse; connectionParams?: Record<string, unknown>; extra?: { request: IncomingMessage } }): Promise<GraphqlContext> => {
      // An answer is for one caller at one moment, refusals included: no cache may keep it.
      http.res?.setHeader('cache-control', 'no-store');
      return http.req
        ? { req: http.req, res: http.res!, actor: await authenticate(verifier, http.req.headers.authorization) }
        : // A graphql-ws subscription: the token travels in the connection's parameters.
          { req: http.extra!.request, actor: await authenticate(verifier, connectionAuthorization(http.connectionParams)) };
    },
    subscriptions: {
      'graphql-ws': {
        path: options.path,
        // A socket whose token does not verify is closed before it can subscribe.
        onConnect: async ({ connectionParams }) => {
          try {
            await verifier.actorFromAuthorization(connectionAuthorization(connectionParams));
            return true;
          } catch {
            return false;
          }
        },
      },
    },
    formatError: createErrorFormatter({ development }),
    autoTransformHttpErrors: false,
    includeStacktraceInErrorResponses: development,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    graphiql: development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: [queryLimitsRule(options.limits)],
    // Apollo's cache-control plugin would wrap every field of every answer to compute cache
    // hints the schema never gives, only to send `no-store`: `context` sends that header.
    // The answer cache after the rate limiter: a kept answer is charged like any other.
    plugins: [ApolloServerPluginCacheControlDisabled(), subscriptionsOverHttpRefused(options.path), rateLimitPlugin(options.rateLimit, options.limits), ...(answerCache ? [answerCache.plugin] : [])],
    ...(answerCache && { stringifyResult: answerCache.stringifyResult }),
    // Apollo stops after the HTTP server has answered its last request (ConnectionDrainModule).
    stopOnApplicationShutdown: true,
  };
}

function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['authorization'] ?? params?.['Authorization'];
  return typeof value === 'string' ? value : undefined;
}

/** A bad bearer token fails the whole request with 401, before anything runs. */
async function authenticate(verifier: TokenVerifier, authorization: string | undefined): Promise<Actor | undefined> {
  try {
    return await verifier.actorFromAuthorization(authorization);
  } catch (error) {
    if (error instanceof AuthenticationError)
      throw new GraphQLError(`Not authenticated: ${error.reason}`, {
        originalError: error,
        extensions: {
          code: 'UNAUTHENTICATED',
          http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) },
        },
      });
    if (error instanceof IdentityProviderUnavailableError)
      throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 503 } } });
    throw error;
  }
}

function withScalars(schema: GraphQLSchema, scalars: readonly GraphQLNamedType[]): GraphQLSchema {
  const missing = scalars.filter((scalar) => !schema.getType(scalar.name));
  if (missing.length === 0) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ...missing] });
}
