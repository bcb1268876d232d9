import { Inject, Injectable } from '@nestjs/common';
import { commitmentSchemas, COMMITMENT_STREAM_PREFIX } from '@council/commitments/domain';
import { type CommitmentView, currentViews, evolveCommitmentView, viewsAsOf } from '@council/commitments/read-models';
import { EventStore, ReadModels, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentViews } from './commitment-views.js';

const PAGE = 5_000;

/**
 * The dashboards' commitment views: current and as-of answers come from the node's
 * projected read models; "effective on a day" answers replay the commitment streams from
 * the log, because a fact can be recorded long after the day it is effective from (a
 * report filed in March for December), so no prefix of the log is that day's picture.
 */
@Injectable()
export class ProjectedCommitmentViews extends CommitmentViews {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    super();
  }

  async current(): Promise<readonly CommitmentView[]> {
    return this.readModels.read(currentViews);
  }

  async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    return this.readModels.read((db) => viewsAsOf(db, moment));
  }

  async effectiveOn(day: string, recordedBy?: Date): Promise<readonly CommitmentView[]> {
    const views = new Map<string, CommitmentView | null>();
    const filter = { streamPrefixes: [COMMITMENT_STREAM_PREFIX] };
    for (let after = 0n; ; ) {
      const page = await this.store.readAll({ after, maxCount: PAGE, filter });
      for (const event of page) {
        if (recordedBy && Date.parse(event.metadata.recordedAt) > recordedBy.getTime()) continue;
        if (vietnamDate(new Date(event.metadata.effectiveAt)) > day) continue;
        views.set(event.streamId, evolveCommitmentView(views.get(event.streamId) ?? null, commitmentSchemas.upcast(event)));
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
    return [...views.values()]
      .filter((v): v is CommitmentView => v !== null)
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  }
}
