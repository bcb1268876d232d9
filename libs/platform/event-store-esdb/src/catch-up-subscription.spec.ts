import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@council/platform/event-sourcing';
import { PassThrough } from 'node:stream';
import { CatchUpSubscription, type Feed } from './catch-up-subscription.js';
import { type ResolvedStoredEvent, decodeEvent } from './event-codec.js';

/** Stands in for one client subscription stream; the server side is not simulated. */
class StubFeed extends PassThrough implements Feed {
  constructor() {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.end();
  }
}

function resolved(position: bigint): ResolvedStoredEvent {
  return {
    event: {
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      streamId: 's-1',
      revision: position,
      type: 'A',
      isJson: true,
      data: {},
      metadata: { $hash: '0'.repeat(64), recordedAt: '2024-07-01T00:00:00.000Z', effectiveAt: '2024-07-01T00:00:00.000Z', schemaVersion: 1 },
      position: { commit: position },
    },
  };
}

function setUp(...feeds: StubFeed[]) {
  const opened: (bigint | undefined)[] = [];
  const source = {
    open: (after: bigint | undefined) => {
      opened.push(after);
      const feed = feeds.shift();
      if (!feed) throw new Error('no more feeds');
      return feed;
    },
    select: (r: ResolvedStoredEvent) => decodeEvent(r),
  };
  return { opened, source };
}

const fast = { initialMs: 1, maxMs: 1 };
const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });

async function take(iterable: AsyncIterable<RecordedEvent>, count: number, controller: AbortController): Promise<bigint[]> {
  const positions: bigint[] = [];
  for await (const e of iterable) {
    positions.push(e.position);
    if (positions.length === count) controller.abort();
  }
  return positions;
}

describe('a catch-up subscription whose connection drops', () => {
  it('resubscribes from the last delivered position and delivers no duplicate', async () => {
    const [first, second] = [new StubFeed(), new StubFeed()];
    const { opened, source } = setUp(first, second);
    const controller = new AbortController();
    const subscription = new CatchUpSubscription(source, 5n, controller.signal, undefined, fast);
    first.write(resolved(5n));
    first.write(resolved(10n));
    first.write(resolved(20n));
    setTimeout(() => first.destroy(unavailable()), 5);
    second.write(resolved(20n));
    second.write(resolved(30n));
    expect(await take(subscription, 3, controller)).toEqual([10n, 20n, 30n]);
    expect(opened).toEqual([5n, 20n]);
  });

  it('resubscribes when the server ends the subscription', async () => {
    const [first, second] = [new StubFeed(), new StubFeed()];
    const { opened, source } = setUp(first, second);
    const controller = new AbortController();
    const subscription = new CatchUpSubscription(source, undefined, controller.signal, undefined, fast);
    first.end(resolved(1n));
    second.write(resolved(2n));
    expect(await take(subscription, 2, controller)).toEqual([1n, 2n]);
    expect(opened).toEqual([undefined, 1n]);
  });

  it('passes on a failure that is not a dropped connection', async () => {
    const feed = new StubFeed();
    const subscription = new CatchUpSubscription(setUp(feed).source, undefined, undefined, undefined, fast);
    setTimeout(() => feed.destroy(new Error('access denied')), 5);
    await expect(take(subscription, 10, new AbortController())).rejects.toThrow('access denied');
  });
});

describe('a catch-up subscription waiting for live events', () => {
  it('ends without error when its signal aborts', async () => {
    const feed = new StubFeed();
    const controller = new AbortController();
    const subscription = new CatchUpSubscription(setUp(feed).source, undefined, controller.signal);
    feed.write(resolved(1n));
    setTimeout(() => controller.abort(), 20);
    expect(await take(subscription, 10, new AbortController())).toEqual([1n]);
    expect(feed.destroyed).toBe(true);
  });

  it('ends a pending next() when return() is called', async () => {
    const feed = new StubFeed();
    let finished = false;
    const subscription = new CatchUpSubscription(setUp(feed).source, undefined, undefined, () => (finished = true));
    const pending = subscription.next();
    await expect(subscription.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(finished).toBe(true);
  });

  it('never opens a feed when its signal was aborted before the first read', async () => {
    const { opened, source } = setUp(new StubFeed());
    const subscription = new CatchUpSubscription(source, undefined, AbortSignal.abort());
    await expect(subscription.next()).resolves.toEqual({ done: true, value: undefined });
    expect(opened).toEqual([]);
  });
});
