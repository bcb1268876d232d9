import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health.js';
import { HealthController } from './health.controller.js';
import { ReadModelsHealthIndicator } from './read-models.health.js';

/** `GET /health` (Terminus): the event store, and the read models when the app has them. Needs the `EventStore` token, e.g. from EventSourcingModule. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ReadModelsHealthIndicator],
  exports: [EventStoreHealthIndicator, ReadModelsHealthIndicator],
})
export class HealthModule {}
