import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, validate } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { GraphqlContext } from './graphql-context.js';
import { queryLimitsRule, type QueryLimits } from './query-limits.js';

/** How much each identity may spend, in cost points (docs/api.md, Limits) per window. */
export interface RateLimitOptions {
  /** Points an identity may spend per window; 0 turns rate limiting off. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Added per mutation field (aliases included): a write costs the server far more than a read. */
  readonly mutationPoints?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { points: 600_000, windowSeconds: 60, mutationPoints: 10 };

export const RATE_LIMITED = 'RATE_LIMITED';

/** Cost of the operation Apollo is about to run, as the query limits measure it (aliases and fragments counted). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, limits: QueryLimits): number {
  let cost = 0;
  validate(schema, document, [queryLimitsRule(limits, (name, measured) => {
    if (!operationName || name === operationName) cost = Math.max(cost, measured);
  })]);
  return cost;
}

/**
 * An Apollo plugin that charges each operation its cost to the caller's identity (the
 * token's subject, else the client address) in a token bucket per window, before it
 * runs. Over budget: 429, `RATE_LIMITED`, `retryAfter` seconds and a Retry-After header.
 */
export function rateLimitPlugin(options: RateLimitOptions, limits: QueryLimits): ApolloServerPlugin<GraphqlContext> {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });
  const perMutation = options.mutationPoints ?? 0;
  // Apollo hands the same parsed document to every request with the same query text (its
  // document store), and the cost depends on nothing else: measure each once.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): number => {
    let byOperation = costs.get(document);
    if (!byOperation) costs.set(document, (byOperation = new Map()));
    let cost = byOperation.get(operationName ?? '');
    if (cost === undefined) byOperation.set(operationName ?? '', (cost = operationCost(schema, document, operationName, limits)));
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, operation, contextValue }) {
          if (options.points <= 0) return;
          const mutations = operation?.operation === 'mutation' ? operation.selectionSet.selections.length : 0;
          const points = Math.max(1, costOf(schema, document, operationName)) + perMutation * mutations;
          const identity = contextValue.actor ? `sub:${contextValue.actor.subject}` : `ip:${contextValue.req.socket.remoteAddress ?? 'unknown'}`;
          try {
            await limiter.consume(identity, Math.min(points, options.points));
          } catch (refusal) {
            if (!(refusal instanceof RateLimiterRes)) throw refusal;
            const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
            throw new GraphQLError(`Rate limit exceeded: this operation costs ${points} points and ${refusal.remainingPoints} of ${options.points} are left for ${options.windowSeconds} s; retry after ${retryAfter} s`, {
              extensions: {
                code: RATE_LIMITED,
                retryAfter,
                cost: points,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
              },
            });
          }
        },
      };
    },
  };
}
