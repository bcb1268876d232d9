import { Inject } from '@nestjs/common';
import { Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, Clock, EventStore } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { sealLog } from './log-sealer.js';
import { LogSeal, toLogSeal } from './seal.model.js';

@Resolver()
export class SealLogResolver {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Mutation(() => LogSeal, { description: 'Seals the log up to its head now and records the seal in the log (auditor, council).' })
  async sealLog(@CurrentActor() actor: Actor): Promise<LogSeal> {
    return toLogSeal(await sealLog(this.store, this.clock, actor));
  }
}
