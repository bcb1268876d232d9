import type { AllFilter, RecordedEvent, SubscribeOptions } from '@council/platform/event-sourcing';

type ReadPage = (after: bigint, filter: AllFilter | undefined) => RecordedEvent[];

/**
 * Turns page reads of the log into catch-up-then-live subscriptions. Appends made
 * through this store wake subscribers at once; appends by other processes on the same
 * file are found by polling. Tracking the last delivered position makes the stream
 * gapless and free of duplicates whichever way an event is noticed.
 */
export class LiveSignal {
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly pollIntervalMs: number) {}

  notify(): void {
    const woken = this.waiters;
    this.waiters = new Set();
    for (const wake of woken) wake();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  async *subscribe(options: SubscribeOptions, readPage: ReadPage): AsyncGenerator<RecordedEvent> {
    let after = options.after ?? 0n;
    const { signal, filter } = options;
    while (!this.closed && !signal?.aborted) {
      const page = readPage(after, filter);
      for (const event of page) {
        after = event.position;
        yield event;
        if (signal?.aborted) return;
      }
      if (page.length === 0) await this.wait(signal);
    }
  }

  private wait(signal: AbortSignal | undefined): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
