import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoData } from '@council/commitments/demo-data';
import { commitmentSchemas } from '@council/commitments/domain';
import { type CommitmentView, commitmentViewProjection, currentViews, evolveCommitmentView, viewsAsOf } from '@council/commitments/read-models';
import { FixedClock, type RecordedEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'council-read-models-'));
const clock = new FixedClock('2026-11-23T03:00:00Z');
let store: SqliteEventStore;
let log: RecordedEvent[];

/** The views a full rebuild gives: every commitment stream folded from scratch, cut at `moment`. */
const countVersions = (m: SqliteReadModels) => m.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM commitment_versions')!.n);

function rebuild(moment?: Date): CommitmentView[] {
  const byStream = new Map<string, CommitmentView | null>();
  for (const e of log) {
    if (!e.streamId.startsWith('commitment-') || (moment && Date.parse(e.metadata.recordedAt) > moment.getTime())) continue;
    byStream.set(e.streamId, evolveCommitmentView(byStream.get(e.streamId) ?? null, commitmentSchemas.upcast(e)));
  }
  return [...byStream.values()].filter((v): v is CommitmentView => v !== null).sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

beforeAll(async () => {
  store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), clock, pollIntervalMs: 10 });
  await seedDemoData(store, clock);
  log = await store.readAll();
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the commitment read model', () => {
  it('equals a full rebuild after following the whole demo log', async () => {
    const models = await SqliteReadModels.open({ path: join(dir, 'rm-a.sqlite'), store, projections: [commitmentViewProjection] });
    expect(models.position()).toBe(log[log.length - 1]!.position);
    const views = models.read(currentViews);
    expect(views).toHaveLength(45);
    expect(views).toEqual(rebuild());
    await models.close();
  });

  it('is unchanged when every event is delivered a second time', async () => {
    const models = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] });
    const before = models.read(currentViews);
    const versions = models.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM commitment_versions'));
    models.read((db) => log.forEach((e) => e.streamId.startsWith('commitment-') && commitmentViewProjection.apply(db, e)));
    expect(models.read(currentViews)).toEqual(before);
    expect(models.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM commitment_versions'))).toEqual(versions);
    await models.close();
  });

  it('answers as of a moment exactly as a rebuild cut at that moment', async () => {
    const models = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] });
    for (const moment of ['2023-12-31T16:59:59Z', '2024-07-01T00:00:00Z', '2025-06-30T17:00:00Z', '2025-10-01T00:00:00Z'].map((t) => new Date(t))) {
      const asOf = models.read((db) => viewsAsOf(db, moment));
      expect(asOf).toEqual(rebuild(moment));
      expect(asOf.length).toBeGreaterThan(0);
    }
    await models.close();
  });

  it('lets a writer wait until its own event is in the read model', async () => {
    const models = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection] });
    const [first] = models.read(currentViews);
    const written = await store.appendToStream(`commitment-${first!.id}`, [
      { type: 'DeadlineMissed', data: { commitmentId: first!.id, deadline: first!.deadline } },
    ]);
    await models.waitFor(written.position);
    expect(models.read(currentViews).find((v) => v.id === first!.id)?.missedDeadlines).toContain(first!.deadline);
    await models.close();
    log = await store.readAll();
  });

  it('has the same digests as a fresh rebuild, until a row is changed behind its back', async () => {
    const models = await SqliteReadModels.open({ path: join(dir, 'rm-c.sqlite'), store, projections: [commitmentViewProjection] });
    const live = models.digests();
    expect(Object.keys(live).sort()).toEqual(['commitment_parties', 'commitment_versions', 'commitment_views']);
    expect(await models.rebuildDigests()).toEqual(live);
    models.read((db) => db.run("UPDATE commitment_views SET doc = json_set(doc, '$.title', 'sửa tay') WHERE rowid = 3"));
    const after = models.digests();
    expect(after['commitment_views']).not.toBe(live['commitment_views']);
    expect(after['commitment_versions']).toBe(live['commitment_versions']);
    expect((await models.rebuildDigests())['commitment_views']).toBe(live['commitment_views']);
    await models.close();
  });

  it('forgets what a rolled-back batch folded: the batch delivered again gives what a rebuild gives', async () => {
    // Read models over an empty log, fed by hand: the projection's batches, one of them rolled back after it was written.
    const empty = new SqliteEventStore({ path: ':memory:', clock, pollIntervalMs: 5 });
    const models = await SqliteReadModels.open({ path: ':memory:', store: empty, projections: [commitmentViewProjection] });
    const events = log.filter((e) => e.streamId.startsWith('commitment-'));
    const batch = (from: number, to: number, outcome: 'COMMIT' | 'ROLLBACK') =>
      models.read((db) => {
        db.run('BEGIN');
        commitmentViewProjection.beginBatch!(db);
        for (const e of events.slice(from, to)) commitmentViewProjection.apply(db, e);
        commitmentViewProjection.endBatch!(db);
        db.run(outcome);
      });
    const half = Math.floor(events.length / 2);
    batch(0, half, 'COMMIT');
    batch(half, events.length, 'ROLLBACK');
    batch(half, events.length, 'COMMIT');
    expect(models.read(currentViews)).toEqual(rebuild());
    expect(countVersions(models)).toBe(events.length);
    await models.close();
    await empty.close();
  });

  it('builds an empty file\'s indexes once it has caught up, and those a cut-short build left out when it opens again', async () => {
    const path = join(dir, 'rm-indexes.sqlite');
    const indexes = (m: SqliteReadModels) => m.read((db) => db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").map((r) => r.name));
    const wanted = commitmentViewProjection.schema.flatMap((sql) => /^CREATE INDEX (\w+)/.exec(sql)?.[1] ?? []).sort();
    const first = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    expect(indexes(first)).toEqual(wanted);
    first.read((db) => db.run('DROP INDEX commitment_versions_by_id'));
    await first.close();
    const again = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    expect(indexes(again)).toEqual(wanted);
    expect(again.read(currentViews)).toEqual(rebuild());
    await again.close();
  });

  it('says it is down, and why, once a batch cannot be committed; the log is untouched', async () => {
    const scratch = new SqliteEventStore({ path: ':memory:', clock: new FixedClock('2025-08-01T02:00:00Z'), pollIntervalMs: 5 });
    const messages: string[] = [];
    const models = await SqliteReadModels.open({ path: ':memory:', store: scratch, projections: [commitmentViewProjection], log: (_l, m) => messages.push(m) });
    expect(models.health()).toEqual({ up: true, position: 0n, rebuilding: false });
    // The checkpoint cannot be written any more: the batch rolls back and the projector stops there.
    models.read((db) => db.run("CREATE TRIGGER no_checkpoint BEFORE INSERT ON _checkpoint BEGIN SELECT RAISE(ABORT, 'đĩa đầy'); END"));
    const { position } = await scratch.appendToStream('commitment-x', [{ type: 'CommitmentProposed', data: {} }], { expectedRevision: 'no_stream' });
    await expect(models.waitFor(position, 2_000)).rejects.toThrow('đĩa đầy');
    expect(models.health()).toEqual({ up: false, position: 0n, rebuilding: false, stoppedBecause: expect.stringContaining('đĩa đầy') });
    expect(messages).toContainEqual(expect.stringContaining('read models stopped at position 0'));
    expect(await scratch.headPosition()).toBe(position);
    await models.close();
    await scratch.close();
  });

  it('resumes from its checkpoint after a restart', async () => {
    const path = join(dir, 'rm-b.sqlite');
    const first = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    const versions = countVersions(first);
    await first.close();
    const resumed = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    expect(countVersions(resumed)).toBe(versions);
    expect(resumed.read(currentViews)).toEqual(rebuild());
    await resumed.close();
  });

  it('after a version bump that keeps the tables, answers from the old file while it rebuilds, then swaps the rebuilt one in', async () => {
    const path = join(dir, 'rm-d.sqlite');
    const old = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    old.read((db) => db.run("UPDATE commitment_views SET doc = json_set(doc, '$.title', 'sửa tay')"));
    await old.close();
    const messages: string[] = [];
    const bumped = await SqliteReadModels.open({
      path, store, log: (_level, message) => messages.push(message),
      projections: [{ ...commitmentViewProjection, version: commitmentViewProjection.version + 1 }],
    });
    const changed = new Promise<bigint>((resolve) => bumped.onChange(resolve));
    // Still the old file: the hand-edited titles are what it answers.
    expect(bumped.isRebuilding()).toBe(true);
    expect(bumped.read(currentViews).every((v) => v.title === 'sửa tay')).toBe(true);
    // The old file had every event already, so its position is the head: the swap is told by onChange.
    expect(await changed).toBe(await store.headPosition());
    expect(bumped.isRebuilding()).toBe(false);
    expect(bumped.read(currentViews)).toEqual(rebuild());
    expect(bumped.digests()).toEqual(await bumped.rebuildDigests());
    expect(messages).toEqual([expect.stringContaining('answers as it stands while it is rebuilt'), expect.stringContaining('swapped it in')]);
    expect(existsSync(`${path}.rebuild`)).toBe(false);
    // It follows the log again after the swap.
    await bumped.close();
    const reopened = await SqliteReadModels.open({ path, store, projections: [{ ...commitmentViewProjection, version: commitmentViewProjection.version + 1 }] });
    expect(reopened.isRebuilding()).toBe(false);
    expect(reopened.read(currentViews)).toEqual(rebuild());
    await reopened.close();
  });

  it('after a version bump that changes the tables, rebuilds before it answers at all', async () => {
    const path = join(dir, 'rm-e.sqlite');
    const old = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    old.read((db) => db.run("UPDATE commitment_views SET doc = json_set(doc, '$.title', 'sửa tay')"));
    await old.close();
    const reshaped = { ...commitmentViewProjection, version: commitmentViewProjection.version + 1, schema: [...commitmentViewProjection.schema, 'CREATE INDEX commitment_views_by_track ON commitment_views (track)'] };
    const bumped = await SqliteReadModels.open({ path, store, projections: [reshaped] });
    expect(bumped.isRebuilding()).toBe(false);
    expect(bumped.read(currentViews)).toEqual(rebuild());
    await bumped.close();
  });

  it('stops a rebuild cleanly when closed during it, leaving the old file whole', async () => {
    const path = join(dir, 'rm-f.sqlite');
    const old = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    const before = old.digests();
    await old.close();
    const bumped = await SqliteReadModels.open({ path, store, batchSize: 10, projections: [{ ...commitmentViewProjection, version: commitmentViewProjection.version + 1 }] });
    await bumped.close();
    expect(existsSync(`${path}.rebuild`)).toBe(false);
    const again = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    expect(again.digests()).toEqual(before);
    await again.close();
  });
});
