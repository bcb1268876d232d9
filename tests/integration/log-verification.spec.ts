import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type LogReport, LogVerifier, SEAL_STREAM } from '@council/audit/domain';
import { readLog, sealLog, verifyLog } from '@council/audit/feature';
import { FixedClock } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';

/**
 * `verifyLog` hashes the log's stored text (EventStore.readAllRecords), not values parsed
 * and serialised again. Each case edits a copy of the SQLite file behind the platform's
 * back, as an operator with file access could, and expects the edit caught and the event named.
 */
describe('verifying the embedded log as stored', () => {
  let dir: string;
  let original: string;
  const clock = new FixedClock(new Date('2026-11-01T00:00:00Z'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'log-verification-'));
    original = join(dir, 'original.sqlite');
    const store = new SqliteEventStore({ path: original, clock });
    try {
      const actor = { subject: 'u-75', roles: ['province'], province: '75', name: 'Sở Tài chính Đồng Nai' };
      for (let i = 0; i < 6; i++)
        await store.appendToStream(`commitment-${i}`, [
          { type: 'CommitmentProposed', data: { title: `Cam kết số ${i}`, amountVnd: `${i}000000000`, milestones: [{ dueOn: '2027-01-31' }] }, metadata: { actor, commandId: `cmd-${i}` } },
          { type: 'ProgressReported', data: { value: 10 * i, note: 'Đã bàn giao mặt bằng' }, metadata: { actor, causationId: `cmd-${i}` } },
        ]);
      // Metadata outside the usual shape is kept in metadata_extra.
      await store.appendToStream('commitment-extra', [{ type: 'Noted', data: { b: 1, a: 2 }, metadata: { actor: { subject: 's', roles: ['a,b'] }, origin: { system: 'import' } } as never }]);
      await sealLog(store, clock, { subject: 'auditor', roles: ['auditor'] });
      await store.appendToStream('commitment-0', [{ type: 'ProgressReported', data: { value: 99, note: 'sau khi niêm phong' } }]);
    } finally {
      await store.close();
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the log edited with plain SQL; returns its path. */
  function tampered(name: string, edit: (db: DatabaseSync) => void): string {
    const path = join(dir, `${name}.sqlite`);
    copyFileSync(original, path);
    const db = new DatabaseSync(path);
    try {
      edit(db);
    } finally {
      db.close();
    }
    return path;
  }

  async function verify(path: string): Promise<LogReport> {
    const store = new SqliteEventStore({ path });
    try {
      return await verifyLog(store, { contiguousPositions: true });
    } finally {
      await store.close();
    }
  }

  /** The same check fed parsed events (readAll), as an import is: what the stored text is compared with. */
  async function verifyParsed(path: string): Promise<LogReport> {
    const store = new SqliteEventStore({ path });
    try {
      const verifier = new LogVerifier({ seals: await store.readStream(SEAL_STREAM), contiguousPositions: true });
      for await (const page of readLog(store)) for (const e of page) verifier.add(e);
      return verifier.finish();
    } finally {
      await store.close();
    }
  }

  const rowAt = (db: DatabaseSync, type: string, offset: number) =>
    db.prepare('SELECT position, stream_id, revision, data FROM events WHERE type = ? ORDER BY position LIMIT 1 OFFSET ?').get(type, offset) as { position: number; stream_id: string; revision: number; data: string };

  it('holds for the untouched log, with the same log hash as a pass over the parsed events', async () => {
    const stored = await verify(original);
    expect(stored).toMatchObject({ ok: true, events: 15n, streams: 8, problems: [] });
    expect(stored.seals.map((s) => s.ok)).toEqual([true]);
    const parsed = await verifyParsed(original);
    expect(parsed.logHash).toBe(stored.logHash);
  });

  it.each([
    ['a digit changed', (data: string) => data.replace('10', '11')],
    ['white space added, the value the same', (data: string) => data.replace(':', ': ')],
    ['keys reordered, the value the same', (data: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(data) as object).reverse()))],
    ['a number written another way, the value the same', (data: string) => data.replace('10', '1e1')],
    ['text no longer JSON', (data: string) => data.slice(0, -1)],
    ['text emptied', () => ''],
  ])('catches the data text of an event with %s, and names that event first', async (_, edit) => {
    let target = { position: 0, stream_id: '', revision: 0, data: '' };
    const path = tampered(`data-${_.replace(/\W+/g, '-')}`, (db) => {
      target = rowAt(db, 'ProgressReported', 1);
      const changed = edit(target.data);
      expect(changed).not.toBe(target.data);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(changed, target.position);
    });
    const report = await verify(path);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'hash', position: BigInt(target.position), streamId: target.stream_id, revision: BigInt(target.revision) });
  });

  it('catches what a pass over parsed events cannot: text changed to another spelling of the same value', async () => {
    const path = tampered('same-value', (db) => {
      const row = rowAt(db, 'ProgressReported', 1);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace(':', ': '), row.position);
    });
    expect((await verifyParsed(path)).ok).toBe(true);
    expect((await verify(path)).ok).toBe(false);
  });

  it.each([
    ['actor_province', "'79'"],
    ['command_id', "'cmd-other'"],
    ['effective_at', "'2020-01-01T00:00:00.000Z'"],
    ['schema_version', '2'],
    ['actor_roles', "'province,council'"],
  ])('catches a changed metadata column (%s)', async (column, value) => {
    let position = 0;
    const path = tampered(`metadata-${column}`, (db) => {
      position = rowAt(db, 'CommitmentProposed', 2).position;
      db.exec(`UPDATE events SET ${column} = ${value} WHERE position = ${position}`);
    });
    expect((await verify(path)).problems[0]).toMatchObject({ kind: 'hash', position: BigInt(position) });
  });

  it('catches a changed value in metadata kept outside the columns', async () => {
    const path = tampered('metadata-extra', (db) => db.exec(`UPDATE events SET metadata_extra = replace(metadata_extra, 'import', 'export') WHERE stream_id = 'commitment-extra'`));
    expect((await verify(path)).problems[0]).toMatchObject({ kind: 'hash', streamId: 'commitment-extra', revision: 0n });
  });

  it('catches a seal’s own text changed', async () => {
    const path = tampered('seal', (db) => db.exec(`UPDATE events SET data = replace(data, '"sequence":1', '"sequence":2') WHERE stream_id = '${SEAL_STREAM}'`));
    const report = await verify(path);
    expect(report.problems.map((p) => p.kind)).toContain('hash');
    expect(report.problems[0]).toMatchObject({ streamId: SEAL_STREAM });
  });
});
