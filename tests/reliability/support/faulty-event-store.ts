import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreHealth,
  StoreUnavailableError,
  type SubscribeOptions,
} from '@council/platform/event-sourcing';

/**
 * An adapter wrapper that injects faults: while `down` is set, every call fails as an
 * unreachable store does (StoreUnavailableError) and health says down with the reason.
 * Live subscriptions stay open (a real adapter resubscribes by itself).
 */
export class FaultyEventStore extends EventStore {
  down: string | undefined;

  constructor(readonly inner: EventStore, down?: string) {
    super();
    this.down = down;
  }

  private check(): void {
    if (this.down) throw new StoreUnavailableError(`event log unreachable: ${this.down}`);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    this.check();
    return this.inner.appendToStream(streamId, events, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.check();
    return this.inner.readStream(streamId, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.check();
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.inner.subscribeToAll(options);
  }

  async headPosition(): Promise<bigint> {
    this.check();
    return this.inner.headPosition();
  }

  async health(): Promise<StoreHealth> {
    if (this.down) return { up: false, adapter: 'faulty', details: { reason: this.down } };
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
