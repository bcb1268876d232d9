import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { WithdrawCommitmentCommand } from './withdraw-commitment.command.js';

@Resolver()
export class WithdrawCommitmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The committer withdraws a proposal not yet in force.' })
  async withdrawCommitment(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new WithdrawCommitmentCommand(id, { reason }, callContext(actor, options))));
  }
}
