import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { AcceptCommitmentCommand } from './accept-commitment.command.js';

@Resolver()
export class AcceptCommitmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'A counterparty accepts; when the last one does, the commitment is in force.' })
  async acceptCommitment(
    @Args('id', { type: () => ID }) id: string,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    return this.presenter.present(await this.bus.execute(new AcceptCommitmentCommand(id, {}, callContext(actor, options))));
  }
}
