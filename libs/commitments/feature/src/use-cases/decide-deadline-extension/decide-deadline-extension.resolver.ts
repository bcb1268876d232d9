import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { DecideDeadlineExtensionCommand } from './decide-deadline-extension.command.js';

@Resolver()
export class DecideDeadlineExtensionResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The council approves or rejects the extension awaiting its decision.' })
  async decideDeadlineExtension(
    @Args('id', { type: () => ID }) id: string,
    @Args('approve', { type: () => Boolean }) approve: boolean,
    @Args('note', { type: () => String }) note: string,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new DecideDeadlineExtensionCommand(id, { approve, note }, callContext(actor, options))));
  }
}
