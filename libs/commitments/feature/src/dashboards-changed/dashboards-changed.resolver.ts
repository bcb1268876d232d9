import { Inject } from '@nestjs/common';
import { Field, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { ReadModels } from '@council/platform/event-sourcing';
import { BigIntScalar } from '@council/platform/nest';

@ObjectType({ description: 'The read models changed: refresh what you show.' })
export class DashboardsChanged {
  @Field(() => BigIntScalar, { description: 'The log position the read models now hold.' }) position!: bigint;
}

/**
 * Tells dashboards when the numbers they show changed. Changes that arrive while a client
 * is still handling the last one are folded into one: only the newest position matters.
 */
@Resolver()
export class DashboardsChangedResolver {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @Subscription(() => DashboardsChanged, { resolve: (position: bigint) => ({ position }) })
  dashboardsChanged(): AsyncIterableIterator<bigint> {
    return latestOf(this.readModels);
  }
}

function latestOf(readModels: ReadModels): AsyncIterableIterator<bigint> {
  let latest: bigint | undefined;
  let wake: (() => void) | undefined;
  let done = false;
  const stop = readModels.onChange((position) => {
    latest = position;
    wake?.();
  });
  const finish = (): Promise<IteratorResult<bigint>> => {
    done = true;
    stop();
    wake?.();
    return Promise.resolve({ done: true, value: undefined });
  };
  return {
    async next(): Promise<IteratorResult<bigint>> {
      while (latest === undefined && !done) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      const value = latest!;
      latest = undefined;
      return { done: false, value };
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
