import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { ClaimFulfillmentCommand } from './claim-fulfillment.command.js';

@Resolver()
export class ClaimFulfillmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The committer says the promise is kept.' })
  async claimFulfillment(
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String }) note: string,
    @Args('evidenceUrl', { type: () => String, nullable: true }) evidenceUrl: string | undefined,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new ClaimFulfillmentCommand(id, { note, ...(evidenceUrl && { evidenceUrl }) }, callContext(actor, options))));
  }
}
