import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type FormattedExecutionResult, Kind } from 'graphql';
import type { GraphqlContext } from './graphql-context.js';

/**
 * Root query fields whose whole answers a node may keep and send again, and the version
 * they are kept under. A feature provides it (a NestJS provider, exported) for fields whose
 * answers depend only on their arguments, on what `version()` tracks and on the caller's
 * roles; `version()` must change whenever any of those answers may change (e.g. the read
 * models' position and the day in Việt Nam).
 */
export abstract class AnswerVersion {
  /** Root fields as `Query.field`. */
  abstract readonly fields: readonly string[];
  /** The version answers are kept under now; undefined: keep and reuse nothing. */
  abstract version(): string | undefined;
}

// Bounded: a region overview at a million events is a few hundred kilobytes.
const KEPT_ANSWERS = 128;

/** The plugin, and the serialiser Apollo must use for kept answers to be serialised once. */
export interface AnswerCache {
  readonly plugin: ApolloServerPlugin<GraphqlContext>;
  /** Apollo's `stringifyResult`: JSON and a newline, as Apollo's own; a kept answer's text is remembered. */
  stringifyResult(result: FormattedExecutionResult): string;
}

/**
 * Answers a query whose root fields are all `versions.fields` with the answer kept for the
 * same text, operation, variables and caller's roles and province, when it was kept under
 * the current version: no execution, no resolver, and the text sent the first time (a
 * region overview is hundreds of kilobytes). Only answers without errors are kept, and
 * only if the version did not move while they were computed. Runs after the rate limiter
 * (`didResolveOperation`), so a kept answer is charged like any other.
 */
export function answerCache(versionsOf: () => AnswerVersion): AnswerCache {
  let fields: Set<string> | undefined;
  const kept = new Map<string, { version: string; result: FormattedExecutionResult }>();
  // Apollo hands `stringifyResult` a new wrapper around the same `data`: the data is the key.
  const keptData = new WeakSet<object>();
  const texts = new WeakMap<object, string>();
  const plugin: ApolloServerPlugin<GraphqlContext> = {
    async requestDidStart() {
      let key: string | undefined;
      let version: string | undefined;
      return {
        async responseForOperation({ operation, operationName, request, contextValue }): Promise<GraphQLResponse | null> {
          if (operation?.operation !== 'query') return null;
          const versions = versionsOf();
          fields ??= new Set(versions.fields.filter((f) => f.startsWith('Query.')).map((f) => f.slice('Query.'.length)));
          if (!operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length && fields!.has(s.name.value))) return null;
          version = versions.version();
          if (version === undefined) return null;
          const actor = contextValue.actor;
          key = JSON.stringify([request.query ?? null, operationName ?? null, request.variables ?? null, actor ? [...actor.roles].sort() : null, actor?.province ?? null]);
          const known = kept.get(key);
          if (known?.version !== version) return null;
          key = undefined;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: known.result } };
        },
        async willSendResponse({ response }) {
          if (key === undefined || version === undefined) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors || (response.http.status ?? 200) !== 200) return;
          if (versionsOf().version() !== version) return;
          const result = response.body.singleResult;
          kept.delete(key);
          kept.set(key, { version, result });
          if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
          if (result.data && result.extensions === undefined) keptData.add(result.data);
        },
      };
    },
  };
  const stringifyResult = (result: FormattedExecutionResult): string => {
    const { data } = result;
    const keptAnswer = !result.errors && result.extensions === undefined && data != null && keptData.has(data);
    const known = keptAnswer ? texts.get(data) : undefined;
    if (known !== undefined) return known;
    const text = `${JSON.stringify(result)}\n`;
    if (keptAnswer) texts.set(data, text);
    return text;
  };
  return { plugin, stringifyResult };
}
