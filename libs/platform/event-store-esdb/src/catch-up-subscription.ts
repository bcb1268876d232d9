import type { RecordedEvent } from '@council/platform/event-sourcing';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedStoredEvent } from './event-codec.js';
import { isTransient, toStoreError } from './store-errors.js';

/** The part of a client `$all` subscription this iterator uses. */
export interface Feed extends AsyncIterable<ResolvedStoredEvent> {
  unsubscribe(): Promise<void>;
  destroy(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface FeedSource {
  /** Opens a server subscription that starts after `after` (from the start when undefined). */
  open(after: bigint | undefined): Feed;
  /** The event to deliver, or null when it is not for this subscriber (system event, filtered out). */
  select(resolved: ResolvedStoredEvent): RecordedEvent | null;
}

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 5_000 };

/**
 * A catch-up subscription to `$all` that survives dropped connections: it resubscribes
 * from the last position it delivered (with backoff) and skips anything at or before
 * that position, so the consumer sees no gap and no duplicate. `stop()`, the signal or
 * `return()` end it cleanly, even while it waits for live events.
 */
export class CatchUpSubscription implements AsyncIterableIterator<RecordedEvent> {
  private readonly events: AsyncGenerator<RecordedEvent, void>;
  private readonly stopper = new AbortController();
  private current: Feed | undefined;
  private readonly onAbort = () => this.stop();

  constructor(
    private readonly source: FeedSource,
    private last: bigint | undefined,
    private readonly signal: AbortSignal | undefined,
    private readonly onFinish: () => void = () => undefined,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {
    this.events = this.run();
    // An already aborted signal is honoured on the first read, never inside the constructor:
    // the owner's onFinish must not run before the owner holds the subscription.
    if (!signal?.aborted) signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    return this.events.next();
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    this.stop();
    await this.events.return(undefined);
    return { done: true, value: undefined };
  }

  /** Ends the subscription: a pending `next()` resolves as done. */
  stop(): void {
    if (this.stopper.signal.aborted) return;
    this.stopper.abort();
    this.signal?.removeEventListener('abort', this.onAbort);
    this.drop();
    this.onFinish();
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted || this.signal?.aborted === true;
  }

  private async *run(): AsyncGenerator<RecordedEvent, void> {
    let drops = 0;
    try {
      while (!this.stopped) {
        try {
          for await (const event of this.session()) {
            drops = 0;
            yield event;
          }
        } catch (error) {
          if (this.stopped) return;
          if (!isDrop(error)) throw toStoreError(error, 'following $all');
        } finally {
          this.drop();
        }
        drops += 1;
        await this.pause(drops);
      }
    } finally {
      this.stop();
    }
  }

  /** One server subscription: delivers what is new since `last`, in order. */
  private async *session(): AsyncGenerator<RecordedEvent, void> {
    const feed = this.source.open(this.last);
    // An error emitted after the iterator let go of the stream must not crash the process.
    feed.on('error', () => undefined);
    this.current = feed;
    for await (const resolved of feed) {
      const event = this.source.select(resolved);
      if (!event || (this.last !== undefined && event.position <= this.last)) continue;
      this.last = event.position;
      yield event;
    }
  }

  private drop(): void {
    const feed = this.current;
    this.current = undefined;
    if (!feed) return;
    feed.unsubscribe().catch(() => undefined);
    feed.destroy();
  }

  private async pause(drops: number): Promise<void> {
    const ms = Math.min(this.backoff.initialMs * 2 ** (drops - 1), this.backoff.maxMs);
    await sleep(ms, undefined, { signal: this.stopper.signal }).catch(() => undefined);
  }
}

/** A lost connection, a server that ended the subscription, or a stream torn down under the iterator. */
function isDrop(error: unknown): boolean {
  return isTransient(error) || (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
