import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { VerifyFulfillmentCommand } from './verify-fulfillment.command.js';

@Resolver()
export class VerifyFulfillmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'A counterparty or the council confirms the claim (accepted) or disputes it.' })
  async verifyFulfillment(
    @Args('id', { type: () => ID }) id: string,
    @Args('accepted', { type: () => Boolean }) accepted: boolean,
    @Args('note', { type: () => String }) note: string,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new VerifyFulfillmentCommand(id, { accepted, note }, callContext(actor, options))));
  }
}
