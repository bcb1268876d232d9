import { Inject, Injectable } from '@nestjs/common';
import { commitmentSchemas, commitmentStream } from '@council/commitments/domain';
import { type CommitmentView, evolveCommitmentView } from '@council/commitments/read-models';
import { EventStore, NotFoundError, type RecordedEvent } from '@council/platform/event-sourcing';

export interface LoadedCommitment {
  readonly view: CommitmentView;
  /** The stream's events in their current schema, oldest first. */
  readonly history: readonly RecordedEvent[];
}

/** One commitment read from the log itself: always current, or cut at a moment for as-of answers. */
@Injectable()
export class CommitmentReader {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async load(commitmentId: string, asOf?: Date): Promise<LoadedCommitment> {
    const recorded = (await this.store.readStream(commitmentStream(commitmentId))).map(commitmentSchemas.upcast);
    const history = asOf ? recorded.filter((e) => Date.parse(e.metadata.recordedAt) <= asOf.getTime()) : recorded;
    const view = history.reduce<CommitmentView | null>(evolveCommitmentView, null);
    if (!view) throw new NotFoundError(asOf ? `commitment ${commitmentId} was not known at ${asOf.toISOString()}` : `no commitment ${commitmentId}`);
    return { view, history };
  }
}
