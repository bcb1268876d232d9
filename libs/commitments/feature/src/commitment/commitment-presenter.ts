import { Inject, Injectable } from '@nestjs/common';
import { Clock, vietnamDate } from '@council/platform/event-sourcing';
import { RegionReader } from '@council/region/feature';
import type { CommitmentView } from '@council/commitments/read-models';
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

  async present(loaded: Pick<LoadedCommitment, 'view'> & Partial<Pick<LoadedCommitment, 'history'>>, asOf?: Date): Promise<Commitment> {
    return toCommitment(loaded, await this.region.current(), vietnamDate(asOf ?? this.clock.now()));
  }

  /** Many at once, the region read once. */
  async presentAll(views: readonly CommitmentView[], asOf?: Date): Promise<Commitment[]> {
    return this.presentAllOn(views, vietnamDate(asOf ?? this.clock.now()));
  }

  /** Many at once, schedules judged on `day` (YYYY-MM-DD, Việt Nam). */
  async presentAllOn(views: readonly CommitmentView[], day: string): Promise<Commitment[]> {
    const region = await this.region.current();
    return views.map((view) => toCommitment({ view }, region, day));
  }
}
