import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoData } from '@council/commitments/demo-data';
import { ProjectedCommitmentViews } from '@council/commitments/feature';
import { commitmentDecider, commitmentSchemas, commitmentStream, type ReportProgress, type RequestDeadlineExtension } from '@council/commitments/domain';
import { type CommitmentView, commitmentViewProjection, currentViews, lastReportedFor, reportCount, viewsAsOf } from '@council/commitments/read-models';
import { FixedClock, handleCommand, type RecordedEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { regionFrom, SOUTHEAST_REGION, successorOn } from '@council/region/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'council-projected-views-'));
const clock = new FixedClock('2026-11-23T03:00:00Z');
let store: SqliteEventStore;
let models: SqliteReadModels;
let views: ProjectedCommitmentViews;
let log: RecordedEvent[];

const byDeadlineThenId = (a: CommitmentView, b: CommitmentView) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (list: readonly CommitmentView[]) => [...list].sort(byDeadlineThenId);
/** What the dashboards read of each view's reports: from the summary the view carries, or from its reports. */
const reporting = (list: readonly CommitmentView[]) => list.map((v) => [v.id, reportCount(v), lastReportedFor(v)]);
const reportingOf = (list: readonly CommitmentView[]) => list.map((v) => [v.id, v.reports.length, v.reports.at(-1)?.reportedFor ?? null]);
/** Each view with its reports read (the dashboards' views read them on demand, through a getter that equality does not see). */
const full = (list: readonly CommitmentView[]) => list.map((v) => ({ ...v, reports: v.reports }));

/** Records `command` on `active`'s commitment as an officer of its committer's province, and waits until the read models have it. */
async function recordByCommitter(active: CommitmentView, command: Pick<ReportProgress, 'type' | 'data'> | Pick<RequestDeadlineExtension, 'type' | 'data'>): Promise<void> {
  const region = regionFrom(SOUTHEAST_REGION, { subject: 'seed', roles: ['council'] }).region;
  const metadata = { now: clock.now(), actor: { subject: 'officer', roles: ['province'], province: successorOn(region, active.committer, '2026-11-23') } };
  const result = await handleCommand(store, commitmentDecider, commitmentStream(active.id), { ...command, metadata, context: { region } } as ReportProgress | RequestDeadlineExtension, {
    schemas: commitmentSchemas,
  });
  await models.waitFor(result.position);
}

beforeAll(async () => {
  store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), clock, pollIntervalMs: 10 });
  await seedDemoData(store, clock);
  log = await store.readAll();
  models = await SqliteReadModels.open({ path: join(dir, 'read-models.sqlite'), store, projections: [commitmentViewProjection] });
  views = new ProjectedCommitmentViews(models, store);
}, 60_000);

afterAll(async () => {
  await models.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboards\' decoded views', () => {
  it('equal the read model\'s current views', async () => {
    const now = await views.current();
    expect(full(now)).toEqual(sorted(models.read(currentViews)));
    expect(reporting(now)).toEqual(reportingOf(sorted(models.read(currentViews))));
    expect(reporting(now).some(([, count]) => (count as number) > 1)).toBe(true);
  });

  it('equal the read model\'s views as of every moment something was recorded', async () => {
    const moments = [...new Set(log.map((e) => e.metadata.recordedAt))].map((t) => new Date(t));
    for (const moment of [new Date('2020-01-01T00:00:00Z'), ...moments.filter((_, i) => i % 7 === 0), moments[moments.length - 1]!]) {
      const then = await views.asOf(moment);
      expect(full(then)).toEqual(sorted(models.read((db) => viewsAsOf(db, moment))));
      expect(reporting(then)).toEqual(reportingOf(sorted(models.read((db) => viewsAsOf(db, moment)))));
    }
  });

  it('follow new events: a report changes the current view and leaves the past as it was', async () => {
    const active = models.read(currentViews).find((v) => v.status === 'active')!;
    const before = new Date(clock.now().getTime() - 1);
    const pastViews = await views.asOf(before);
    await recordByCommitter(active, { type: 'ReportProgress', data: { value: 1, reportedFor: '2026-11-22' } });
    const now = await views.current();
    expect(full(now)).toEqual(sorted(models.read(currentViews)));
    expect(now.find((v) => v.id === active.id)!.reports).toHaveLength(active.reports.length + 1);
    expect(full(await views.asOf(before))).toEqual(full(pastViews));
  });

  it('follow a change of state: the state it replaced, let go of as the current one, is read back for the past', async () => {
    const active = models.read(currentViews).find((v) => v.status === 'active' && !v.pendingExtension)!;
    const before = new Date(clock.now().getTime() - 1);
    const pastViews = await views.asOf(before);
    await recordByCommitter(active, { type: 'RequestDeadlineExtension', data: { newDeadline: '2031-12-31', reason: 'mưa lũ kéo dài' } });
    expect((await views.current()).find((v) => v.id === active.id)!.pendingExtension?.newDeadline).toBe('2031-12-31');
    const then = await views.asOf(before);
    expect(full(then)).toEqual(full(pastViews));
    expect(full(then)).toEqual(sorted(models.read((db) => viewsAsOf(db, before))));
    expect(then.find((v) => v.id === active.id)!.pendingExtension).toBeUndefined();
  });

  it('read in the background before the first question, still equal the read model now and as of every moment', async () => {
    const early = new ProjectedCommitmentViews(models, store);
    // Let the background read run (views a page per turn, then the versions), with a change arriving after it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const active = models.read(currentViews).find((v) => v.status === 'active')!;
    await recordByCommitter(active, { type: 'ReportProgress', data: { value: 2, reportedFor: '2026-11-22' } });
    expect(full(await early.current())).toEqual(sorted(models.read(currentViews)));
    const moments = [...new Set((await store.readAll()).map((e) => e.metadata.recordedAt))].map((t) => new Date(t));
    for (const moment of moments.filter((_, i) => i % 11 === 0)) {
      expect(full(await early.asOf(moment))).toEqual(sorted(models.read((db) => viewsAsOf(db, moment))));
    }
    early.onModuleDestroy();
  });

  it('reads everything again when a rebuilt file is swapped in at the same position', async () => {
    const path = join(dir, 'swapped.sqlite');
    const old = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection] });
    old.read((db) => db.run("UPDATE commitment_views SET doc = json_set(doc, '$.title', 'sửa tay')"));
    await old.close();
    const bumped = await SqliteReadModels.open({ path, store, projections: [{ ...commitmentViewProjection, version: commitmentViewProjection.version + 1 }] });
    const swapped = new Promise<void>((resolve) => bumped.onChange(() => resolve()));
    const onBumped = new ProjectedCommitmentViews(bumped, store);
    expect((await onBumped.current()).every((v) => v.title === 'sửa tay')).toBe(true);
    const stampBefore = onBumped.stamp();
    await swapped;
    expect(bumped.position()).toBe(await store.headPosition());
    expect(onBumped.stamp()).not.toBe(stampBefore);
    expect(full(await onBumped.current())).toEqual(sorted(models.read(currentViews)));
    onBumped.onModuleDestroy();
    await bumped.close();
  });
});
