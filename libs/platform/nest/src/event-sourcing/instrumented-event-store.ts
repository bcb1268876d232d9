import {
  type AppendOptions,
  type AppendResult,
  ConcurrencyError,
  DomainError,
  EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadRecordsOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredEventRecord,
  type StoreHealth,
  type SubscribeOptions,
} from '@council/platform/event-sourcing';
import type { AppendOutcome, CouncilMetrics } from '../metrics/council-metrics.js';

/** The event store the application sees: the adapter's, with appends measured. */
export class InstrumentedEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: CouncilMetrics,
  ) {
    super();
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const stopTimer = this.metrics.appendDuration.startTimer();
    let outcome: AppendOutcome = 'failed';
    try {
      const result = await this.inner.appendToStream(streamId, events, options);
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        outcome = 'conflict';
        this.metrics.appendConflicts.inc();
      } else if (error instanceof DomainError) {
        outcome = 'rejected';
      }
      throw error;
    } finally {
      stopTimer({ outcome });
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  override readAllRecords(options?: ReadRecordsOptions): Promise<StoredEventRecord[]> {
    return this.inner.readAllRecords(options);
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  health(): Promise<StoreHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
