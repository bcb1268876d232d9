import { Inject, Injectable } from '@nestjs/common';
import { type CommitmentView, currentViews, viewsAsOf } from '@council/commitments/read-models';
import { ReadModels } from '@council/platform/event-sourcing';
import { CommitmentViews } from './commitment-views.js';

/** The dashboards' commitment views, read from the node's projected read models. */
@Injectable()
export class ProjectedCommitmentViews extends CommitmentViews {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {
    super();
  }

  async current(): Promise<readonly CommitmentView[]> {
    return this.readModels.read(currentViews);
  }

  async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    return this.readModels.read((db) => viewsAsOf(db, moment));
  }
}
