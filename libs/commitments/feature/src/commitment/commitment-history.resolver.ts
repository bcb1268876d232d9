import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CommitmentReader } from './commitment-reader.js';
import { historyEntry } from './commitment.mapper.js';
import { Commitment, HistoryEntry } from './commitment.model.js';

const loaders = new WeakMap<object, DataLoader<string, HistoryEntry[]>>();

/** `history` of commitments listed from the read models: each stream read once per request, on demand. */
@Resolver(() => Commitment)
export class CommitmentHistoryResolver {
  constructor(@Inject(CommitmentReader) private readonly reader: CommitmentReader) {}

  @ResolveField('history', () => [HistoryEntry])
  history(@Parent() commitment: Commitment, @Context() context: object): HistoryEntry[] | Promise<HistoryEntry[]> {
    if (commitment.history) return commitment.history;
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader((ids) => Promise.all(ids.map(async (id) => (await this.reader.load(id)).history.map(historyEntry))));
      loaders.set(context, loader);
    }
    return loader.load(commitment.id);
  }
}
