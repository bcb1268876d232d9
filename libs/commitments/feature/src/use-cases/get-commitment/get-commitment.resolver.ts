import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DateTimeScalar } from '@council/platform/nest';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { CommitmentReader } from '../../commitment/commitment-reader.js';
import { Commitment } from '../../commitment/commitment.model.js';

@Resolver()
export class GetCommitmentResolver {
  constructor(
    @Inject(CommitmentReader) private readonly reader: CommitmentReader,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  @Query(() => Commitment, { description: 'One commitment; with asOf, exactly as the platform knew it at that moment.' })
  async commitment(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date,
  ): Promise<Commitment> {
    return this.presenter.present(await this.reader.load(id, asOf ?? undefined), asOf ?? undefined);
  }
}
