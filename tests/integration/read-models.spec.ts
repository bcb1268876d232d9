import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoData } from '@council/commitments/demo-data';
import { commitmentSchemas } from '@council/commitments/domain';
import { type CommitmentView, commitmentViewProjection, currentViews, evolveCommitmentView, viewsAsOf } from '@council/commitments/read-models';
import { FixedClock, type RecordedEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'council-read-models-'));
const clock = new FixedClock('2026-11-23T03:00:00Z');
let store: SqliteEventStore;
let log: RecordedEvent[];

/** The views a full rebuild gives: every commitment stream folded from scratch, cut at `moment`. */
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

  it('resumes from its checkpoint after a restart, and rebuilds into a fresh file when a projection version changes', async () => {
    const path = join(dir, 'rm-b.sqlite');
    const first = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    const countVersions = (m: SqliteReadModels) => m.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM commitment_versions')!.n);
    const versions = countVersions(first);
    await first.close();
    const resumed = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    expect(countVersions(resumed)).toBe(versions);
    resumed.read((db) => db.run("UPDATE commitment_views SET doc = json_set(doc, '$.title', 'sửa tay')"));
    await resumed.close();
    const bumped = await SqliteReadModels.open({ path, store, projections: [{ ...commitmentViewProjection, version: commitmentViewProjection.version + 1 }] });
    expect(bumped.read(currentViews)).toEqual(rebuild());
    expect(countVersions(bumped)).toBe(versions);
    await bumped.close();
  });
});
