import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import { DomainError, StoreUnavailableError, ValidationError } from '@council/platform/event-sourcing';

// gRPC status codes; some client calls (appends) reject with the raw gRPC error.
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const TRANSIENT_GRPC_CODES: readonly unknown[] = [GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_UNAVAILABLE];

/** Failures where the same call may succeed later: no connection, no leader, a timeout. */
export function isTransient(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  )
    return true;
  if (TRANSIENT_GRPC_CODES.includes((error as { code?: unknown } | null)?.code)) return true;
  // Cluster discovery gives up with a plain Error when no node answers gossip.
  return error instanceof Error && error.message.startsWith('Failed to discover');
}

/** Maps a client failure onto the kernel's errors; anything unexpected is passed through unchanged. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof MaxAppendSizeExceededError)
    return new ValidationError('events', `the append exceeds the server's maximum append size of ${error.maxAppendSize} bytes`);
  if (isTransient(error))
    return new StoreUnavailableError(`EventStoreDB is unavailable while ${doing}: ${messageOf(error)}`, { cause: error });
  return error;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
