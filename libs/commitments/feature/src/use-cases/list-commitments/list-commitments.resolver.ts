import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { type CommitmentView, findViews, matchesFilter, scheduleStatus, type ViewFilter, viewsAsOf } from '@council/commitments/read-models';
import { Clock, ReadModels, ValidationError, vietnamDate } from '@council/platform/event-sourcing';
import { successorOn } from '@council/region/domain';
import { RegionReader } from '@council/region/feature';
import { CommitmentPresenter } from '../../commitment/commitment-presenter.js';
import { CommitmentConnection, ListCommitmentsArgs } from './list-commitments.types.js';

const MAX_PAGE = 100;
const cursorOf = (v: CommitmentView) => Buffer.from(`${v.deadline}|${v.id}`).toString('base64url');

@Resolver()
export class ListCommitmentsResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(RegionReader) private readonly region: RegionReader,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => CommitmentConnection, { description: 'Commitments by track, province and role, status, health or project; with asOf, as known then.' })
  async commitments(@Args() { filter = {}, first = 20, after, asOf }: ListCommitmentsArgs): Promise<CommitmentConnection> {
    if (first < 1 || first > MAX_PAGE) throw new ValidationError('first', `must be from 1 to ${MAX_PAGE}`);
    const today = vietnamDate(asOf ?? this.clock.now());
    const f: ViewFilter = { ...filter, ...(filter.province && { provinces: await this.answeringFor(filter.province, today) }) };
    const from = after ? decodeCursor(after) : null;
    const page: CommitmentView[] = [];
    // Health is judged on the day, not stored: read on until the page is full.
    for (let cursor = from; page.length <= first; ) {
      const batch = asOf ? this.asOfBatch(asOf, f, cursor) : this.readModels.read((db) => findViews(db, f, cursor, 200));
      if (batch.length === 0) break;
      page.push(...batch.filter((v) => !filter.health || scheduleStatus(v, today) === filter.health));
      const last = batch[batch.length - 1]!;
      cursor = { deadline: last.deadline, id: last.id };
    }
    const shown = page.slice(0, first);
    const nodes = await this.presenter.presentAll(shown, asOf);
    const endCursor = shown.length > 0 ? cursorOf(shown[shown.length - 1]!) : undefined;
    return { edges: shown.map((v, i) => ({ cursor: cursorOf(v), node: nodes[i]! })), pageInfo: { hasNextPage: page.length > first, ...(endCursor && { endCursor }) } };
  }

  /** The province and every province merged into it by that day. */
  private async answeringFor(province: string, day: string): Promise<string[]> {
    const region = await this.region.current();
    return Object.keys(region.provinces).filter((code) => successorOn(region, code, day) === province);
  }

  private asOfBatch(asOf: Date, f: ViewFilter, after: { deadline: string; id: string } | null): CommitmentView[] {
    return this.readModels
      .read((db) => viewsAsOf(db, asOf))
      .filter((v) => matchesFilter(v, f) && (!after || v.deadline > after.deadline || (v.deadline === after.deadline && v.id > after.id)))
      .slice(0, 200);
  }
}

function decodeCursor(cursor: string): { deadline: string; id: string } {
  const [deadline, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!deadline || !id) throw new ValidationError('after', 'is not a cursor this API gave');
  return { deadline, id };
}
