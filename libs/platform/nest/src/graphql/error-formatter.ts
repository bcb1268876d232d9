import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import {
  ConcurrencyError,
  DomainError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  StoreUnavailableError,
  ValidationError,
} from '@council/platform/event-sourcing';
import { AuthenticationError, IdentityProviderUnavailableError } from '../auth/authentication-error.js';
import { QUERY_LIMIT_EXCEEDED, QueryLimitError, TOO_MANY_TOKENS } from './query-limits.js';
import { RATE_LIMITED } from './rate-limit.js';

/** Every `extensions.code` the API answers with (docs/api.md). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  QUERY_LIMIT_EXCEEDED,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  RATE_LIMITED,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const INTERNAL_MESSAGE = 'Internal server error';
const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry later';

type Extensions = Record<string, unknown>;

/** What a thrown error means to a caller, or undefined for errors GraphQL itself made. */
export function describeError(error: unknown): { code: ErrorCode; message: string; extensions?: Extensions } | undefined {
  if (error instanceof ValidationError)
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { field: error.field } };
  if (error instanceof ConcurrencyError)
    return { code: 'CONFLICT', message: error.message, extensions: { conflict: 'STALE_REVISION' } };
  if (error instanceof IllegalStateError) return { code: 'CONFLICT', message: error.message, extensions: { conflict: 'LIFECYCLE' } };
  if (error instanceof NotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof ForbiddenError) return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof AuthenticationError) return { code: 'UNAUTHENTICATED', message: `Not authenticated: ${error.reason}` };
  if (error instanceof StoreUnavailableError || error instanceof IdentityProviderUnavailableError)
    return { code: 'INTERNAL_SERVER_ERROR', message: UNAVAILABLE_MESSAGE, extensions: { retryable: true } };
  if (error instanceof DomainError) return { code: 'BAD_USER_INPUT', message: error.message };
  const status = httpStatusOf(error);
  if (status !== undefined) {
    const message = (error as Error).message;
    if (status === 401) return { code: 'UNAUTHENTICATED', message };
    if (status === 403) return { code: 'FORBIDDEN', message };
    if (status === 404) return { code: 'NOT_FOUND', message };
    if (status === 409) return { code: 'CONFLICT', message };
    if (status === 400 || status === 422) return { code: 'BAD_USER_INPUT', message };
  }
  return undefined;
}

/** A NestJS HttpException (thrown by a guard or pipe), told by shape. */
function httpStatusOf(error: unknown): number | undefined {
  const candidate = error as { getStatus?: () => unknown } | null;
  if (typeof candidate?.getStatus !== 'function') return undefined;
  const status = candidate.getStatus();
  return typeof status === 'number' ? status : undefined;
}

export interface ErrorFormatterOptions {
  /** Stack traces in answers (`extensions.stacktrace`): development only. */
  readonly development: boolean;
  readonly logger?: Pick<Logger, 'error'>;
}

/**
 * Apollo's `formatError`: one mapping from what was thrown to `extensions.code`.
 * Domain errors keep their message; an unexpected error becomes INTERNAL_SERVER_ERROR
 * with a generic message (the real one is logged); limit errors get QUERY_LIMIT_EXCEEDED.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  const logger = options.logger ?? new Logger('GraphQL');
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace, ...given } = (formatted.extensions ?? {}) as Extensions;
    const keep = (extensions: Extensions): GraphQLFormattedError => ({
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...extensions, ...(options.development && stacktrace ? { stacktrace } : {}) },
    });
    const as = (message: string, extensions: Extensions): GraphQLFormattedError => ({ ...keep(extensions), message });

    const limit = limitErrorOf(error);
    if (limit) {
      const { code: _code, ...details } = limit.extensions;
      return keep({ ...given, ...details, code: QUERY_LIMIT_EXCEEDED });
    }
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens && given.code === 'GRAPHQL_PARSE_FAILED')
      return as(`The document has more than ${tokens[1]} tokens`, {
        code: QUERY_LIMIT_EXCEEDED,
        limit: 'tokens',
        maximum: Number(tokens[1]),
      });

    let thrown = unwrapResolverError(error);
    // A GraphQLError that only wraps what was thrown (e.g. from the context function).
    if (thrown instanceof GraphQLError && thrown.originalError && !(thrown.originalError instanceof GraphQLError))
      thrown = thrown.originalError;
    const described = describeError(thrown);
    if (described) {
      if (described.extensions?.retryable) logger.error(errorLine(thrown), 'GraphQL');
      return as(described.message, { code: described.code, ...described.extensions });
    }
    // Apollo's name for "which operation?" (several without operationName, or an unknown one) is not in the contract.
    if (given.code === 'OPERATION_RESOLUTION_FAILURE') return keep({ ...given, code: 'BAD_REQUEST' });
    // Raised on purpose by GraphQL, Apollo or our own code (parse, validation, coercion): kept.
    if (thrown instanceof GraphQLError) return keep({ ...given, code: given.code ?? 'INTERNAL_SERVER_ERROR' });
    logger.error(errorLine(thrown), 'GraphQL');
    return as(INTERNAL_MESSAGE, { code: 'INTERNAL_SERVER_ERROR' });
  };
}

function limitErrorOf(error: unknown): QueryLimitError | undefined {
  if (error instanceof QueryLimitError) return error;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  return original instanceof QueryLimitError ? original : undefined;
}

function errorLine(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
