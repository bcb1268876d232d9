import { Global, Module } from '@nestjs/common';
import { CouncilMetrics } from './council-metrics.js';
import { MetricsController } from './metrics.controller.js';

/** `GET /metrics` in the Prometheus text format; CouncilMetrics is injectable everywhere. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [CouncilMetrics],
  exports: [CouncilMetrics],
})
export class MetricsModule {}
