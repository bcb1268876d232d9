/** Base of the errors the platform's own code throws; they carry no transport codes. */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input; `field` names the offending field (a dotted path). */
export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A transition the lifecycle forbids. */
export class IllegalStateError extends DomainError {}

export class NotFoundError extends DomainError {}

export class ForbiddenError extends DomainError {}

/** The stream was not at the revision the caller expected. */
export class ConcurrencyError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: bigint | 'no_stream',
    detail?: string,
  ) {
    super(
      detail ??
        `stream ${streamId} was expected at ${expected} but is at ${actual === 'no_stream' ? 'no stream' : `revision ${actual}`}`,
    );
  }
}

/** An event whose serialised data and metadata exceed the configured maximum. */
export class EventTooLargeError extends ValidationError {
  constructor(
    readonly eventType: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super('event', `${eventType} is ${bytes} bytes serialised; the limit is ${maxBytes} bytes`);
  }
}

/** The event store cannot be reached or cannot write; retrying later may succeed. */
export class StoreUnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
