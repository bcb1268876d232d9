import type { AllFilter, EventStore, RecordedEvent } from '@council/platform/event-sourcing';

export interface ReadLogOptions {
  readonly after?: bigint;
  /** Stop after this position (inclusive). */
  readonly upTo?: bigint;
  readonly filter?: AllFilter;
  readonly pageSize?: number;
}

/** The log in pages of `$all`, in global order, in constant memory: what every audit pass walks. */
export async function* readLog(store: EventStore, options: ReadLogOptions = {}): AsyncGenerator<RecordedEvent[]> {
  let after = options.after ?? 0n;
  const pageSize = options.pageSize ?? 2_000;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, ...(options.filter && { filter: options.filter }) });
    const upTo = options.upTo;
    const wanted = upTo === undefined ? page : page.filter((e) => e.position <= upTo);
    if (wanted.length > 0) yield wanted;
    if (wanted.length < pageSize) return;
    after = wanted[wanted.length - 1]!.position;
  }
}
