import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { ReadModelsHealthIndicator } from './read-models.health.js';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(EventStoreHealthIndicator) private readonly eventStore: EventStoreHealthIndicator,
    @Inject(ReadModelsHealthIndicator) private readonly readModels: ReadModelsHealthIndicator,
  ) {}

  /** 200 with `status: ok` when every dependency is up, 503 otherwise. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.isHealthy('eventStore'), () => this.readModels.isHealthy('readModels')]);
  }
}
