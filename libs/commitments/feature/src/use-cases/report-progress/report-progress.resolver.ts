import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { ReportProgressCommand } from './report-progress.command.js';
import { ReportProgressInput } from './report-progress.input.js';

@Resolver()
export class ReportProgressResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Mutation(() => Commitment, { description: 'The committer reports the indicator’s value, disbursement and evidence as of a day.' })
  async reportProgress(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => ReportProgressInput }) input: ReportProgressInput,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    const data = { value: input.value, reportedFor: input.reportedFor, ...(input.disbursedVnd !== undefined && input.disbursedVnd !== null && { disbursedVnd: input.disbursedVnd.toString() }), ...(input.note && { note: input.note }), ...(input.evidenceUrl && { evidenceUrl: input.evidenceUrl }) };
    return this.presenter.present(await this.bus.execute(new ReportProgressCommand(id, data, callContext(actor, options))));
  }
}
