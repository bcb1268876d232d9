import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@council/platform/event-sourcing';

const TIMEOUT_MS = 3000;

/** Terminus indicator: up when `EventStore.health()` says so within three seconds. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    try {
      const health = await withTimeout(this.store.health(), TIMEOUT_MS);
      const data = { ...health.details, adapter: health.adapter };
      return health.up ? indicator.up(data) : indicator.down(data);
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
