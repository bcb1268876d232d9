import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { commitmentSchemas, COMMITMENT_STREAM_PREFIX } from '@council/commitments/domain';
import { type CommitmentView, evolveCommitmentView, type StoredView, storedViewAsOf, viewsChangedAfter } from '@council/commitments/read-models';
import { EventStore, ReadModels, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentViews } from './commitment-views.js';

const EFFECTIVE_PAGE = 5_000;

/** The order of `currentViews` (SQLite's binary collation): deadline, then id. */
const byDeadlineThenId = (a: CommitmentView, b: CommitmentView): number =>
  a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The dashboards' commitment views, read from the node's projected read models and kept
 * decoded in memory: each query reads only the views changed since the last one (by
 * position), instead of parsing every view again. As-of answers start from the current
 * views and read, in the versions table, only the heads of the commitments changed after
 * the moment (their reports are the first ones the current view recorded).
 */
@Injectable()
export class ProjectedCommitmentViews extends CommitmentViews implements OnModuleDestroy {
  private readonly byId = new Map<string, StoredView>();
  /** The read-model position `byId` reflects; -1: nothing read yet. */
  private seen = -1n;
  private sorted: CommitmentView[] | undefined;

  /** Counts the times the read models were replaced under the same position (a rebuild swapped in). */
  private generation = 0;
  private readonly stopListening: () => void;

  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    super();
    // A change told without the position moving on is a rebuilt file swapped in: read everything again.
    this.stopListening = readModels.onChange((position) => {
      if (position > this.seen) return;
      this.byId.clear();
      this.sorted = undefined;
      this.seen = -1n;
      this.generation += 1;
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
    this.byId.clear();
    this.sorted = undefined;
  }

  override stamp(): string {
    return `${this.generation}:${this.readModels.position()}`;
  }

  async current(): Promise<readonly CommitmentView[]> {
    this.refresh();
    return (this.sorted ??= [...this.byId.values()].map((s) => s.view).sort(byDeadlineThenId));
  }

  async asOf(moment: Date): Promise<readonly CommitmentView[]> {
    this.refresh();
    const cut = moment.toISOString();
    const views: CommitmentView[] = [];
    this.readModels.read((db) => {
      for (const stored of this.byId.values()) {
        const view = stored.recordedAt <= cut ? stored.view : storedViewAsOf(db, stored, moment);
        if (view) views.push(view);
      }
    });
    return views.sort(byDeadlineThenId);
  }

  /** Brings the decoded views up to the read models' position (reads and position are synchronous, so they agree). */
  private refresh(): void {
    const at = this.readModels.position();
    if (at === this.seen) return;
    const changed = this.readModels.read((db) => viewsChangedAfter(db, this.seen));
    this.seen = at;
    if (changed.length === 0) return;
    let reorder = false;
    for (const stored of changed) {
      const before = this.byId.get(stored.view.id);
      if (!before || before.view.deadline !== stored.view.deadline) reorder = true;
      this.byId.set(stored.view.id, stored);
    }
    this.sorted = reorder || !this.sorted ? undefined : this.sorted.map((v) => this.byId.get(v.id)!.view);
  }

  /**
   * Replays the commitment streams from the log, keeping facts effective by `day`: a fact
   * can be recorded long after the day it is effective from (a report filed in October for
   * September), so no prefix of the log, and no version in the read models, is that day.
   */
  async effectiveOn(day: string, recordedBy?: Date): Promise<readonly CommitmentView[]> {
    const views = new Map<string, CommitmentView | null>();
    const filter = { streamPrefixes: [COMMITMENT_STREAM_PREFIX] };
    for (let after = 0n; ; ) {
      const page = await this.store.readAll({ after, maxCount: EFFECTIVE_PAGE, filter });
      for (const event of page) {
        if (recordedBy && Date.parse(event.metadata.recordedAt) > recordedBy.getTime()) continue;
        if (vietnamDate(new Date(event.metadata.effectiveAt)) > day) continue;
        views.set(event.streamId, evolveCommitmentView(views.get(event.streamId) ?? null, commitmentSchemas.upcast(event)));
      }
      if (page.length < EFFECTIVE_PAGE) break;
      after = page[page.length - 1]!.position;
    }
    return [...views.values()].filter((v): v is CommitmentView => v !== null).sort(byDeadlineThenId);
  }
}
