import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Registry } from 'prom-client';
import { CouncilMetrics } from './council-metrics.js';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(CouncilMetrics) private readonly metrics: CouncilMetrics) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
