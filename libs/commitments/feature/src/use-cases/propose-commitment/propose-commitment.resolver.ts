import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, uuidV7, Clock } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { createHash } from 'node:crypto';
import { CommandOptions, callContext } from '../../commitment/command-options.js';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { Commitment } from '../../commitment/commitment.model.js';
import { ProposeCommitmentCommand } from './propose-commitment.command.js';
import { ProposeCommitmentInput } from './propose-commitment.input.js';

@Resolver()
export class ProposeCommitmentResolver {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Mutation(() => Commitment, { description: 'A province promises something to one or more provinces; it becomes the committer.' })
  async proposeCommitment(
    @Args('input', { type: () => ProposeCommitmentInput }) input: ProposeCommitmentInput,
    @Args() options: CommandOptions,
    @CurrentActor() actor: Actor,
  ): Promise<Commitment> {
    const id = this.commitmentId(actor, options.commandId);
    const { counterpartyProvinces, budget, responsible, indicator, ...rest } = input;
    const data = {
      ...rest,
      commitmentId: id,
      counterparties: counterpartyProvinces ?? [],
      ...(responsible && { responsible: { ...responsible } }),
      ...(indicator && { indicator: { ...indicator } }),
      ...(budget && { budget: { amountVnd: budget.amountVnd.toString(), source: budget.source as `${typeof budget.source}` } }),
    };
    return this.presenter.present(await this.bus.execute(new ProposeCommitmentCommand(id, data, callContext(actor, options))));
  }

  /** With a commandId the id is derived from it, so a retried proposal lands on the same commitment. */
  private commitmentId(actor: Actor, commandId: string | undefined): string {
    if (!commandId) return uuidV7(this.clock.now());
    const hex = createHash('sha256').update(`propose\n${actor.province ?? ''}\n${actor.subject}\n${commandId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
