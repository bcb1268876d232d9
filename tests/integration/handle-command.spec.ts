import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type Command,
  ConcurrencyError,
  type Decider,
  type Event,
  EventSchemas,
  FixedClock,
  handleCommand,
  IllegalStateError,
  StreamCache,
} from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';

// A minimal decider: a tally that can be opened once and then counted up.
type Opened = Event<'TallyOpened', { name: string }>;
type Counted = Event<'TallyCounted', { by: number }>;
type Open = Command<'OpenTally', { name: string }>;
type Count = Command<'CountTally', { by: number }>;
type Tally = { opened: boolean; total: number };

const tally: Decider<Tally, Open | Count, Opened | Counted> = {
  initialState: () => ({ opened: false, total: 0 }),
  decide: (command, state) => {
    if (command.type === 'OpenTally') {
      if (state.opened) throw new IllegalStateError('already open');
      return [{ type: 'TallyOpened', data: { name: command.data.name } }];
    }
    if (!state.opened) throw new IllegalStateError('not open');
    return command.data.by === 0 ? [] : [{ type: 'TallyCounted', data: { by: command.data.by } }];
  },
  evolve: (state, event) =>
    event.type === 'TallyOpened' ? { ...state, opened: true } : { ...state, total: state.total + event.data.by },
};

const actor = { subject: 'u-1', roles: ['province'], province: '74' };
const clock = new FixedClock('2025-03-01T08:00:00Z');
const open = (commandId?: string): Open => ({ type: 'OpenTally', data: { name: 'Vành đai 3' }, metadata: { now: clock.now(), actor, ...(commandId ? { commandId } : {}) } });
const count = (by: number, commandId?: string): Count => ({ type: 'CountTally', data: { by }, metadata: { now: clock.now(), actor, ...(commandId ? { commandId } : {}) } });

describe('handleCommand', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:', clock });
  });
  afterEach(() => store.close());

  it('appends what the decider decides, with the actor and the command id in the metadata', async () => {
    await handleCommand(store, tally, 't-1', open('c-1'));
    const result = await handleCommand(store, tally, 't-1', count(3, 'c-2'));
    expect(result).toMatchObject({ state: { opened: true, total: 3 }, revision: 1n, replayed: false });
    const [, counted] = await store.readStream('t-1');
    expect(counted).toMatchObject({ type: 'TallyCounted', data: { by: 3 }, metadata: { actor, commandId: 'c-2' } });
  });

  it('answers a repeated command id with the state as it is and appends nothing', async () => {
    await handleCommand(store, tally, 't-1', open());
    await handleCommand(store, tally, 't-1', count(3, 'c-2'));
    await handleCommand(store, tally, 't-1', count(4));
    const again = await handleCommand(store, tally, 't-1', count(3, 'c-2'));
    expect(again).toMatchObject({ replayed: true, state: { total: 7 }, appended: [] });
    expect(await store.readStream('t-1')).toHaveLength(3);
  });

  it('treats another caller\'s command id as a new command, decided on its own', async () => {
    await handleCommand(store, tally, 't-1', open());
    await handleCommand(store, tally, 't-1', count(3, 'c-2'));
    const other = { ...count(3, 'c-2'), metadata: { ...count(3, 'c-2').metadata, actor: { subject: 'u-2', roles: ['province'], province: '75' } } };
    await expect(handleCommand(store, tally, 't-1', other)).resolves.toMatchObject({ replayed: false, state: { total: 6 } });
    expect(await store.readStream('t-1')).toHaveLength(3);
  });

  it('refuses a command id reused for a different request', async () => {
    await handleCommand(store, tally, 't-1', open());
    await handleCommand(store, tally, 't-1', count(3, 'c-2'));
    await expect(handleCommand(store, tally, 't-1', count(5, 'c-2'))).rejects.toThrow('commandId c-2 was already used for a different request');
    expect(await store.readStream('t-1')).toHaveLength(2);
  });

  it('refuses a stale expected revision without retrying', async () => {
    await handleCommand(store, tally, 't-1', open());
    await handleCommand(store, tally, 't-1', count(1));
    await expect(handleCommand(store, tally, 't-1', count(2), { expectedRevision: 0n })).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(handleCommand(store, tally, 't-1', count(2), { expectedRevision: 1n })).resolves.toMatchObject({ revision: 2n });
  });

  it('retries a conflict when the caller gave no expectation, deciding again on the new state', async () => {
    await handleCommand(store, tally, 't-1', open());
    // Six racers read the same revision; each round one wins, so the last needs five retries (the default bound).
    const racers = await Promise.all([1, 2, 3, 4, 5, 6].map((by) => handleCommand(store, tally, 't-1', count(by))));
    expect(racers.map((r) => r.revision).sort()).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    const events = await store.readStream('t-1');
    expect(events.slice(1).map((e) => (e.data as { by: number }).by).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives up after the bounded number of retries with the conflict', async () => {
    await handleCommand(store, tally, 't-1', open());
    const racers = await Promise.allSettled([1, 2, 3].map((by) => handleCommand(store, tally, 't-1', count(by), { maxRetries: 1 })));
    expect(racers.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConcurrencyError)]);
  });

  it('stamps new events with their schema version and reads older ones through the upcasters', async () => {
    // Version 1 of TallyCounted carried the amount as `n`.
    const schemas = new EventSchemas([{ type: 'TallyCounted', version: 2, upcasters: { 1: (data: { n: number }) => ({ by: data.n }) } }]);
    await handleCommand(store, tally, 't-1', open());
    await store.appendToStream('t-1', [{ type: 'TallyCounted', data: { n: 4 }, metadata: { schemaVersion: 1 } }]);
    const result = await handleCommand(store, tally, 't-1', count(3), { schemas });
    expect(result.state.total).toBe(7);
    const events = await store.readStream('t-1');
    expect(events.map((e) => [e.type, e.metadata.schemaVersion])).toEqual([['TallyOpened', 1], ['TallyCounted', 1], ['TallyCounted', 2]]);
    expect(events[1]?.data).toEqual({ n: 4 });
  });

  it('refuses a schema whose upcaster chain has a gap', () => {
    expect(() => new EventSchemas([{ type: 'TallyCounted', version: 3, upcasters: { 1: (d: never) => d } }])).toThrow(
      'event TallyCounted is at version 3 but has no upcaster from version 2',
    );
  });

  it('lets a domain error through and appends nothing', async () => {
    await expect(handleCommand(store, tally, 't-1', count(1))).rejects.toThrow(IllegalStateError);
    expect(await store.readStream('t-1')).toEqual([]);
  });

  describe('with a stream cache on each of two nodes', () => {
    it('reads only the tail, sees the other node\'s writes and loses no update', async () => {
      const nodeA = new StreamCache<unknown>();
      const nodeB = new StreamCache<unknown>();
      await handleCommand(store, tally, 't-1', open(), { cache: nodeA });
      await handleCommand(store, tally, 't-1', count(2), { cache: nodeB });
      const a = await handleCommand(store, tally, 't-1', count(3), { cache: nodeA });
      const b = await handleCommand(store, tally, 't-1', count(4), { cache: nodeB });
      expect(a).toMatchObject({ state: { total: 5 }, revision: 2n });
      expect(b).toMatchObject({ state: { total: 9 }, revision: 3n });
      expect(b.events?.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
      expect(b.events).toEqual(await store.readStream('t-1'));
    });

    it('finds a command id recorded before the cache was filled, and refuses a stale expectation', async () => {
      const cache = new StreamCache<unknown>();
      await handleCommand(store, tally, 't-1', open());
      await handleCommand(store, tally, 't-1', count(3, 'c-2'), { cache });
      await handleCommand(store, tally, 't-1', count(1));
      const again = await handleCommand(store, tally, 't-1', count(3, 'c-2'), { cache });
      expect(again).toMatchObject({ replayed: true, state: { total: 4 }, appended: [] });
      await expect(handleCommand(store, tally, 't-1', count(1), { cache, expectedRevision: 1n })).rejects.toThrow(ConcurrencyError);
    });
  });
});
