import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { AmendCommitmentCommand } from './amend-commitment.command.js';
import { AmendCommitmentInput } from './amend-commitment.input.js';

@Resolver()
export class AmendCommitmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The council changes the target or budget on the committer’s request; the original promise stays visible.' })
  async amendCommitment(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => AmendCommitmentInput }) input: AmendCommitmentInput,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    const data = { reason: input.reason, ...(input.target !== undefined && input.target !== null && { target: input.target }), ...(input.budgetVnd !== undefined && input.budgetVnd !== null && { budgetVnd: input.budgetVnd.toString() }) };
    return this.presenter.present(await this.bus.execute(new AmendCommitmentCommand(id, data, callContext(actor, options))));
  }
}
