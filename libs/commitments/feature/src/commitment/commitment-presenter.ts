import { Inject, Injectable } from '@nestjs/common';
import { Clock, vietnamDate } from '@council/platform/event-sourcing';
import { RegionReader } from '@council/region/feature';
import type { LoadedCommitment } from './commitment-reader.js';
import { toCommitment } from './commitment.mapper.js';
import type { Commitment } from './commitment.model.js';

/** Turns a loaded commitment into its GraphQL shape, judged as of `asOf` or now. */
@Injectable()
export class CommitmentPresenter {
  constructor(
    @Inject(RegionReader) private readonly region: RegionReader,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async present(loaded: LoadedCommitment, asOf?: Date): Promise<Commitment> {
    return toCommitment(loaded, await this.region.current(), vietnamDate(asOf ?? this.clock.now()));
  }
}
