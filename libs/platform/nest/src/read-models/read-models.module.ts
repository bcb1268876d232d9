import {
  type DynamicModule,
  type FactoryProvider,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock, EventStore, ReadModels } from '@council/platform/event-sourcing';
import { CouncilMetrics } from '../metrics/council-metrics.js';
import { MetricsModule } from '../metrics/metrics.module.js';

export interface ReadModelsModuleOptions {
  /** Opens the read models (the app picks the adapter); may inject EventStore and Clock. */
  readonly useFactory: FactoryProvider<ReadModels | Promise<ReadModels>>['useFactory'];
  readonly inject?: FactoryProvider['inject'];
  /** How often projection lag is measured for /metrics, in ms. */
  readonly lagIntervalMs?: number;
}

const LAG_INTERVAL = Symbol('ReadModelsLagInterval');

/** Reports how far the read models trail the log, and closes them on shutdown. */
@Injectable()
class ReadModelsKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModelsModule');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CouncilMetrics) private readonly metrics: CouncilMetrics,
    @Inject(LAG_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.measureLag().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.models.close();
    this.logger.log('read models closed');
  }

  /** Positions behind the log's head, and how long ago the oldest unapplied event was recorded. */
  private async measureLag(): Promise<void> {
    const at = this.models.position();
    const [next] = await this.store.readAll({ after: at, maxCount: 1 });
    const head = await this.store.headPosition();
    const seconds = next ? Math.max(0, (this.clock.now().getTime() - Date.parse(next.metadata.recordedAt)) / 1000) : 0;
    this.metrics.setProjectionLag('read-models', { seconds, events: Number(head - at) });
  }
}

/** Provides the node's `ReadModels` to the whole application. */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      imports: [MetricsModule],
      providers: [
        { provide: ReadModels, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: LAG_INTERVAL, useValue: options.lagIntervalMs ?? 5_000 },
        ReadModelsKeeper,
      ],
      exports: [ReadModels],
    };
  }
}
