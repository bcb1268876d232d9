import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConcurrencyError,
  DEFAULT_MAX_EVENT_BYTES,
  EventTooLargeError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  GENESIS_HASH,
  recordHashHolds,
  storedDataText,
  type StoredEventRecord,
  storedRecordOf,
  verifyStreamChain,
} from '@council/platform/event-sourcing';
import { randomUUID } from 'node:crypto';

export interface ContractOptions {
  /** When set, the suite is reported as skipped with this reason in its name. */
  readonly skipReason?: string;
}

/**
 * The behaviour every EventStore adapter must show. `open` returns a store on the
 * same log each time it is called (a new connection or client), so the suite can race
 * several writers. Stream ids are unique per run: a shared server is fine.
 */
export function eventStoreContract(adapterName: string, open: () => Promise<EventStore>, options: ContractOptions = {}): void {
  if (options.skipReason) {
    describe.skip(`EventStore contract on ${adapterName} — skipped: ${options.skipReason}`, () => {
      it('runs when its server is configured', () => undefined);
    });
    return;
  }

  describe(`EventStore contract on ${adapterName}`, () => {
    const run = `c${randomUUID().slice(0, 8)}`;
    const opened: EventStore[] = [];
    let store: EventStore;
    const streamOf = (name: string) => `${run}-${name}-${randomUUID().slice(0, 8)}`;
    const connect = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      store = await connect();
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    describe('expected revision on a stream that does not exist', () => {
      it.each<[ExpectedRevision, boolean]>([
        ['any', true],
        ['no_stream', true],
        ['stream_exists', false],
        [0n, false],
        [3n, false],
      ])('with %s the append succeeds: %s', async (expected, succeeds) => {
        const stream = streamOf('new');
        const attempt = store.appendToStream(stream, [event('Proposed')], { expectedRevision: expected });
        if (succeeds) await expect(attempt).resolves.toMatchObject({ nextExpectedRevision: 0n });
        else await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(stream)).toHaveLength(succeeds ? 1 : 0);
      });
    });

    describe('expected revision on a stream at revision 1', () => {
      it.each<[ExpectedRevision, boolean]>([
        ['any', true],
        ['no_stream', false],
        ['stream_exists', true],
        [1n, true],
        [0n, false],
        [2n, false],
      ])('with %s the append succeeds: %s', async (expected, succeeds) => {
        const stream = streamOf('existing');
        await store.appendToStream(stream, [event('Proposed'), event('Accepted')]);
        const attempt = store.appendToStream(stream, [event('ProgressReported')], { expectedRevision: expected });
        if (succeeds) await expect(attempt).resolves.toMatchObject({ nextExpectedRevision: 2n });
        else await expect(attempt).rejects.toThrow(ConcurrencyError);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(
          succeeds ? ['Proposed', 'Accepted', 'ProgressReported'] : ['Proposed', 'Accepted'],
        );
      });

      it('names the stream, the expectation and the actual revision in the concurrency error', async () => {
        const stream = streamOf('message');
        await store.appendToStream(stream, [event('Proposed'), event('Accepted')]);
        await expect(store.appendToStream(stream, [event('X')], { expectedRevision: 0n })).rejects.toThrow(
          `stream ${stream} was expected at revision 0 but is at revision 1`,
        );
      });
    });

    describe('appending', () => {
      it('returns the next expected revision and a position that grows with every append', async () => {
        const stream = streamOf('positions');
        const first = await store.appendToStream(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream, [event('C')], { expectedRevision: first.nextExpectedRevision });
        expect(first.nextExpectedRevision).toBe(1n);
        expect(second.nextExpectedRevision).toBe(2n);
        expect(second.position).toBeGreaterThan(first.position);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(events[2]?.position).toBe(second.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(second.position);
      });

      it('records ids, data, metadata and times as given, filling in what is missing', async () => {
        const stream = streamOf('metadata');
        const id = randomUUID();
        const actor = { subject: 'u-74', roles: ['province'], province: '74', name: 'Sở GTVT Bình Dương' };
        await store.appendToStream(stream, [
          {
            id,
            type: 'ProgressReported',
            data: { value: 12.5, disbursedVnd: '2500000000000', nested: { list: [1, 'hai', null, true] } },
            metadata: { actor, commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'cause-1', effectiveAt: '2024-06-30T00:00:00.000Z', schemaVersion: 2 },
          },
          { type: 'Noted', data: {} },
        ]);
        const [first, second] = await store.readStream(stream);
        expect(first).toMatchObject({
          id,
          streamId: stream,
          revision: 0n,
          type: 'ProgressReported',
          data: { value: 12.5, disbursedVnd: '2500000000000', nested: { list: [1, 'hai', null, true] } },
          metadata: { actor, commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'cause-1', effectiveAt: '2024-06-30T00:00:00.000Z', schemaVersion: 2 },
        });
        expect(Date.parse(first?.metadata.recordedAt ?? '')).not.toBeNaN();
        expect(second?.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(second?.metadata.effectiveAt).toBe(second?.metadata.recordedAt);
        expect(second?.metadata.schemaVersion).toBe(1);
      });

      it('chains every event of a stream to the one before it by hash', async () => {
        const stream = streamOf('chain');
        await store.appendToStream(stream, [event('A'), event('B')]);
        await store.appendToStream(stream, [event('C')]);
        const events = await store.readStream(stream);
        expect(new Set(events.map((e) => e.hash)).size).toBe(3);
        expect(verifyStreamChain(events)).toBeNull();
        const tampered = events.map((e, i) => (i === 1 ? { ...e, data: { altered: true } } : e));
        expect(verifyStreamChain(tampered)).toMatchObject({ revision: 1n });
      });

      it('writes all events of a multi-event append or none of them', async () => {
        const stream = streamOf('atomic');
        await store.appendToStream(stream, [event('A')]);
        const tooLarge = { type: 'Huge', data: { blob: 'x'.repeat(DEFAULT_MAX_EVENT_BYTES) } };
        await expect(store.appendToStream(stream, [event('B'), tooLarge, event('C')])).rejects.toThrow(EventTooLargeError);
        await expect(
          store.appendToStream(stream, [event('B'), event('C')], { expectedRevision: 'no_stream' }),
        ).rejects.toThrow(ConcurrencyError);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
        const all = await store.readAll({ filter: { streamPrefixes: [stream] } });
        expect(all.map((e) => e.type)).toEqual(['A']);
      });

      it('rejects an event over the configured maximum size with a clear error', async () => {
        const stream = streamOf('size');
        const attempt = store.appendToStream(stream, [{ type: 'Huge', data: { blob: 'ạ'.repeat(DEFAULT_MAX_EVENT_BYTES / 2) } }]);
        await expect(attempt).rejects.toThrow(/Huge is \d+ bytes serialised; the limit is 1048576 bytes/);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('round-trips Vietnamese text byte for byte', async () => {
        const stream = streamOf('vietnamese');
        const composed = 'Bàn giao 100% mặt bằng đoạn qua Thuận An — Hội đồng điều phối vùng Đông Nam Bộ';
        const decomposed = composed.normalize('NFD');
        const texts = { composed, decomposed, mixed: 'Bà Rịa – Vũng Tàu ‎ “Đồng Nai” ₫ 🚧 \u200b\u0000 end' };
        await store.appendToStream(stream, [{ type: 'Titled', data: texts, metadata: { actor: { subject: 'Nguyễn Thị Ánh', roles: [] } } }]);
        const [read] = await store.readStream(stream);
        const data = read?.data as typeof texts;
        for (const key of Object.keys(texts) as (keyof typeof texts)[])
          expect(Buffer.from(data[key], 'utf8').equals(Buffer.from(texts[key], 'utf8'))).toBe(true);
        expect(data.composed).not.toBe(data.decomposed);
        expect(read?.metadata.actor?.subject).toBe('Nguyễn Thị Ánh');
      });
    });

    describe('re-appending the same event ids', () => {
      it('returns the first result and writes nothing, whatever the expectation', async () => {
        const stream = streamOf('idempotent');
        const batch = [event('A'), event('B')].map((e) => ({ ...e, id: randomUUID() }));
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, batch, { expectedRevision: 'no_stream' })).resolves.toEqual(first);
        await expect(store.appendToStream(stream, batch)).resolves.toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a batch that only partly repeats an earlier append', async () => {
        const stream = streamOf('partial');
        const [a, b] = [event('A'), event('B')].map((e) => ({ ...e, id: randomUUID() }));
        await store.appendToStream(stream, [a!, b!]);
        await expect(store.appendToStream(stream, [b!, event('C')])).rejects.toThrow(ConcurrencyError);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards or backwards from a revision, at most maxCount events', async () => {
        const stream = streamOf('read');
        await store.appendToStream(stream, ['A', 'B', 'C', 'D', 'E'].map((t) => event(t)));
        const types = (events: RecordedEvent[]) => events.map((e) => e.type).join('');
        expect(types(await store.readStream(stream))).toBe('ABCDE');
        expect(types(await store.readStream(stream, { fromRevision: 2n }))).toBe('CDE');
        expect(types(await store.readStream(stream, { fromRevision: 1n, maxCount: 2 }))).toBe('BC');
        expect(types(await store.readStream(stream, { direction: 'backwards' }))).toBe('EDCBA');
        expect(types(await store.readStream(stream, { direction: 'backwards', fromRevision: 2n, maxCount: 2 }))).toBe('CB');
        expect(await store.readStream(streamOf('nothing'))).toEqual([]);
      });
    });

    describe('$all', () => {
      it('is one total order across streams, the same read forwards, backwards or page by page', async () => {
        const prefix = streamOf('order');
        const streams = ['a', 'b', 'c'].map((s) => `${prefix}-${s}`);
        await Promise.all(
          streams.map(async (stream) => {
            for (let i = 0; i < 5; i++) await store.appendToStream(stream, [event(`E${i}`), event(`F${i}`)]);
          }),
        );
        const all = await store.readAll({ filter: { streamPrefixes: [prefix] } });
        expect(all).toHaveLength(30);
        expectIncreasing(all.map((e) => e.position));
        for (const stream of streams) {
          const own = all.filter((e) => e.streamId === stream);
          expect(own.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
          expect(own.map((e) => e.id)).toEqual((await store.readStream(stream)).map((e) => e.id));
        }
        const backwards = await store.readAll({ direction: 'backwards', filter: { streamPrefixes: [prefix] } });
        expect(backwards.map((e) => e.id)).toEqual(all.map((e) => e.id).reverse());
        const paged: RecordedEvent[] = [];
        for (let page = await store.readAll({ maxCount: 7, filter: { streamPrefixes: [prefix] } }); page.length > 0; ) {
          paged.push(...page);
          page = await store.readAll({ after: page[page.length - 1]!.position, maxCount: 7, filter: { streamPrefixes: [prefix] } });
        }
        expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
        const before = all[10]!.position;
        const older = await store.readAll({ direction: 'backwards', before, maxCount: 3, filter: { streamPrefixes: [prefix] } });
        expect(older.map((e) => e.id)).toEqual(all.slice(7, 10).map((e) => e.id).reverse());
      });

      it('filters by event type and by stream prefix', async () => {
        const prefix = streamOf('filter');
        const type = `Marked${randomUUID().slice(0, 6)}`;
        await store.appendToStream(`${prefix}-x`, [event('A'), event(type)]);
        await store.appendToStream(`${prefix}-y`, [event(type), event('B')]);
        await store.appendToStream(`${streamOf('elsewhere')}`, [event(type)]);
        const byType = await store.readAll({ filter: { eventTypes: [type] } });
        expect(byType).toHaveLength(3);
        const both = await store.readAll({ filter: { eventTypes: [type], streamPrefixes: [prefix] } });
        expect(both.map((e) => e.streamId)).toEqual([`${prefix}-x`, `${prefix}-y`]);
      });
    });

    describe('stored records of $all', () => {
      it('are the events of readAll, in the same order, with the exact text each hash covers', async () => {
        const prefix = streamOf('records');
        const start = await store.headPosition();
        const odd = {
          '10': 'ten before nine as JSON.stringify orders integer keys',
          '9': 'nine',
          z: [1.5, -0, 1e21, 2e-7, null, true],
          a: { 'Tỉnh': 'Bà Rịa – Vũng Tàu', s: 'quote " backslash \\ tab \t line \u2028 lone \ud800 nul \u0000' },
        };
        await store.appendToStream(`${prefix}-a`, [
          {
            type: 'Odd',
            data: odd,
            metadata: { actor: { subject: 'u-75', roles: ['province', 'auditor'], province: '75', name: 'Sở Tài chính Đồng Nai' }, commandId: 'cmd', correlationId: 'corr', causationId: 'cause', effectiveAt: '2024-01-01T00:00:00.000Z' },
          },
          event('Plain'),
        ]);
        // Metadata outside the usual shape: an actor whose role holds a comma, a key of the caller's own.
        await store.appendToStream(`${prefix}-b`, [
          { type: 'Scalar', data: 'a string as the whole data', metadata: { actor: { subject: 's', roles: ['a,b'] }, extra: { b: [2, { d: 1, c: 0 }], a: 1 } } as never },
        ]);
        await store.appendToStream(`${prefix}-a`, [event('Third')]);
        const mine = await store.readAll({ after: start, filter: { streamPrefixes: [prefix] } });
        expect(mine).toHaveLength(4);
        const last = mine[mine.length - 1]!.position;
        const records: StoredEventRecord[] = [];
        for (let after = start; ; ) {
          const page = await store.readAllRecords({ after, upTo: last, maxCount: 2 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(2);
          records.push(...page);
          after = page[page.length - 1]!.position;
        }
        expectIncreasing(records.map((r) => r.position));
        expect(records[records.length - 1]?.position).toBe(last);
        const own = records.filter((r) => r.streamId.startsWith(prefix));
        // Data as text or as its UTF-8 bytes, whichever the adapter holds: the same text either way.
        for (const r of own) if (typeof r.dataJson !== 'string') expect(Buffer.from(r.dataJson).equals(Buffer.from(storedDataText(r)))).toBe(true);
        expect(own.map((r) => ({ ...r, dataJson: storedDataText(r) }))).toEqual(mine.map(storedRecordOf));
        expect(storedDataText(own[0]!)).toBe(JSON.stringify(odd));
        const previous = new Map<string, string>();
        for (const r of own) {
          expect(recordHashHolds(previous.get(r.streamId) ?? GENESIS_HASH, r)).toBe(true);
          previous.set(r.streamId, r.hash);
        }
      });
    });

    describe('a subscription to $all', () => {
      it('catches up from a checkpoint, then turns live, with no gap and no duplicate', async () => {
        const prefix = streamOf('subscription');
        const filter = { streamPrefixes: [prefix] };
        const history = await store.appendToStream(`${prefix}-1`, ['A', 'B', 'C', 'D'].map((t) => event(t)));
        const checkpoint = (await store.readAll({ filter }))[1]!.position;
        const controller = new AbortController();
        const received: RecordedEvent[] = [];
        const consumed = (async () => {
          for await (const e of store.subscribeToAll({ after: checkpoint, filter, signal: controller.signal })) {
            received.push(e);
            if (received.length === 2 + 40) controller.abort();
          }
        })();
        const writer = await connect();
        await Promise.all(
          ['2', '3', '4', '5'].map(async (s, n) => {
            // Half from this store (woken at once), half from another connection (found by polling).
            const via = n % 2 === 0 ? store : writer;
            for (let i = 0; i < 5; i++) {
              await via.appendToStream(`${prefix}-${s}`, [event(`L${i}`), event(`M${i}`)]);
              await new Promise((resolve) => setTimeout(resolve, 2));
            }
          }),
        );
        await consumed;
        expect(history.nextExpectedRevision).toBe(3n);
        const expected = (await store.readAll({ after: checkpoint, filter })).map((e) => e.id);
        expect(received.map((e) => e.id)).toEqual(expected);
        expect(received.map((e) => e.type).slice(0, 2)).toEqual(['C', 'D']);
        expectIncreasing(received.map((e) => e.position));
      });

      it('ends when its signal aborts while waiting for new events', async () => {
        const controller = new AbortController();
        const ended = (async () => {
          const seen: RecordedEvent[] = [];
          for await (const e of store.subscribeToAll({ after: await store.headPosition(), filter: { streamPrefixes: [streamOf('quiet')] }, signal: controller.signal }))
            seen.push(e);
          return seen;
        })();
        setTimeout(() => controller.abort(), 50);
        await expect(ended).resolves.toEqual([]);
      });
    });

    describe('eight writers racing on one stream with exact revisions', () => {
      it('lets exactly one win each revision and answers the others with a concurrency error', async () => {
        const writers = await Promise.all(Array.from({ length: 8 }, () => connect()));
        const stream = streamOf('race');
        const rounds = 15;
        for (let round = 0; round < rounds; round++) {
          const expected: ExpectedRevision = round === 0 ? 'no_stream' : BigInt(round - 1);
          const outcomes = await Promise.allSettled(
            writers.map((w, i) => w.appendToStream(stream, [event(`Round${round}`, { writer: i })], { expectedRevision: expected })),
          );
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(7);
          for (const reason of lost) expect(reason).toBeInstanceOf(ConcurrencyError);
        }
        const events = await store.readStream(stream);
        expect(events.map((e) => e.type)).toEqual(Array.from({ length: rounds }, (_, i) => `Round${i}`));
        expect(new Set(events.map((e) => e.id)).size).toBe(rounds);
        expect(verifyStreamChain(events)).toBeNull();
      });
    });
  });
}

function event(type: string, data: Record<string, string | number> = {}): NewEvent {
  return { type, data: { ...data, note: `${type} ghi chú` } };
}

function expectIncreasing(positions: bigint[]): void {
  positions.forEach((p, i) => {
    if (i > 0) expect(p > positions[i - 1]!).toBe(true);
  });
}
