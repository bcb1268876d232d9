import {
  type DynamicModule,
  type FactoryProvider,
  Inject,
  Injectable,
  Logger,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock, EventStore, SystemClock } from '@council/platform/event-sourcing';
import { CouncilMetrics } from '../metrics/council-metrics.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { InstrumentedEventStore } from './instrumented-event-store.js';

export interface EventSourcingModuleOptions {
  /**
   * Opens the adapter. The application supplies it, so that this library never
   * imports an adapter; it may inject `Clock`, which this module provides.
   */
  readonly useFactory: FactoryProvider<EventStore | Promise<EventStore>>['useFactory'];
  readonly inject?: FactoryProvider['inject'];
  readonly imports?: ModuleMetadata['imports'];
  /** Default: the system clock. */
  readonly clock?: Clock;
}

const ADAPTER = Symbol('EventStoreAdapter');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('EventSourcingModule');

  constructor(@Inject(ADAPTER) private readonly store: EventStore) {}

  // Not onModuleDestroy/beforeApplicationShutdown: those run while the HTTP server still
  // serves requests. app.close() calls this hook only after the server closed, and the
  // server closes only once its in-flight requests have been answered.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('event store closed');
  }
}

/**
 * Provides the `EventStore` (instrumented with Prometheus metrics) and `Clock` tokens
 * to the whole application, and closes the store when the application shuts down.
 */
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      global: true,
      imports: [MetricsModule, ...(options.imports ?? [])],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: ADAPTER, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: EventStore,
          useFactory: (adapter: EventStore, metrics: CouncilMetrics) => new InstrumentedEventStore(adapter, metrics),
          inject: [ADAPTER, CouncilMetrics],
        },
        EventStoreCloser,
      ],
      exports: [Clock, EventStore],
    };
  }
}
