import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor, DateScalar } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { RequestDeadlineExtensionCommand } from './request-deadline-extension.command.js';

@Resolver()
export class RequestDeadlineExtensionResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The committer asks the council for a later deadline.' })
  async requestDeadlineExtension(
    @Args('id', { type: () => ID }) id: string,
    @Args('newDeadline', { type: () => DateScalar }) newDeadline: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new RequestDeadlineExtensionCommand(id, { newDeadline, reason }, callContext(actor, options))));
  }
}
