import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { HealthController } from './health.controller.js';

/** `GET /health` (Terminus). Needs the `EventStore` token, e.g. from EventSourcingModule. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator],
  exports: [EventStoreHealthIndicator],
})
export class HealthModule {}
