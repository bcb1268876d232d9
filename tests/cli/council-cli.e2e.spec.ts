import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { jwtVerify } from 'jose';
import { sealLog } from '@council/audit/feature';
import { seedDemoData } from '@council/commitments/demo-data';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { FixedClock } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { council, councilJson } from './support/council.js';

interface Problem { kind: string; position: string; streamId: string | null; revision: string | null; message: string }
interface Report { ok: boolean; events: string; headPosition: string; problems: Problem[]; seals: { ok: boolean; outside: boolean }[]; readModels: { ok: boolean; position: string; file: string | null; tables: { table: string; equal: boolean }[] } }

/**
 * The command line end to end, spawned as a user runs it, on the demo region. The
 * tampering tests edit the SQLite file directly, as an operator with file access could,
 * and expect `council verify` to catch each edit (exit 1) and name the first bad event.
 */
// Each test spawns the CLI several times; on a busy machine one start takes seconds.
jest.setTimeout(180_000);

describe('council, the command line, on the demo region', () => {
  let root: string;
  let original: string;
  let seal: { reference: string; position: string; hash: string };

  /** A copy of the sealed demo log in a data directory of its own. */
  async function copyOf(name: string): Promise<string> {
    const dir = join(root, name);
    await mkdir(dir, { recursive: true });
    await copyFile(join(original, 'events.sqlite'), join(dir, 'events.sqlite'));
    return dir;
  }

  /** Edits a data directory's event log with plain SQL, behind the platform's back. */
  function tamper(dir: string, edit: (db: DatabaseSync) => void): void {
    const db = new DatabaseSync(join(dir, 'events.sqlite'));
    try {
      edit(db);
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'council-cli-'));
    original = join(root, 'original');
    await mkdir(original);
    const clock = new FixedClock(new Date('2026-11-01T00:00:00Z'));
    const store = new SqliteEventStore({ path: join(original, 'events.sqlite'), clock });
    await seedDemoData(store, clock);
    await store.close();
    const sealed = await councilJson<{ reference: string; position: string; hash: string }>(['seal', '-d', original]);
    expect(sealed.code).toBe(0);
    seal = sealed.json;
    // Business goes on after the seal: the newest events are not covered by it.
    const after = new SqliteEventStore({ path: join(original, 'events.sqlite'), clock });
    await after.appendToStream('commitment-after-the-seal', [{ type: 'Note', data: { text: 'recorded after the seal' } }]);
    await after.close();
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('verifies the untouched log: every chain and seal holds, and the seal held outside matches (exit 0)', async () => {
    const { code, json } = await councilJson<Report>(['verify', '-d', original, '--seal', seal.reference]);
    expect({ code, ok: json.ok, problems: json.problems }).toEqual({ code: 0, ok: true, problems: [] });
    expect(json.seals).toEqual([expect.objectContaining({ ok: true, outside: false }), expect.objectContaining({ ok: true, outside: true })]);
    expect(json.readModels).toMatchObject({ ok: true, file: null });
    expect(json.readModels.tables.length).toBeGreaterThan(0);
    expect(seal.reference).toBe(`${seal.hash}@${seal.position}`);
  });

  it('compares the server’s read-model file with a rebuild at its checkpoint, and catches a row changed in it', async () => {
    const dir = await copyOf('read-models');
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const models = await SqliteReadModels.open({ path: join(dir, 'read-models.sqlite'), store, projections: [commitmentViewProjection], upTo: 200n });
    await models.close();
    await store.close();
    const sound = await councilJson<Report>(['verify', '-d', dir]);
    expect({ code: sound.code, readModels: sound.json.readModels }).toMatchObject({ code: 0, readModels: { ok: true, position: '200', file: join(dir, 'read-models.sqlite') } });
    // A dashboard row made to look better than the log says.
    const db = new DatabaseSync(join(dir, 'read-models.sqlite'));
    db.exec("UPDATE commitment_views SET status = 'fulfilled' WHERE id = (SELECT min(id) FROM commitment_views WHERE status = 'active')");
    db.close();
    const ran = await councilJson<Report>(['verify', '-d', dir]);
    expect(ran.code).toBe(1);
    expect(ran.json.readModels.ok).toBe(false);
    expect(ran.json.readModels.tables.filter((t) => !t.equal).map((t) => t.table)).toContain('commitment_views');
  });

  it('catches a byte changed in one event’s payload and names that event', async () => {
    const dir = await copyOf('changed-byte');
    let target = { position: 0, stream: '', revision: 0 };
    tamper(dir, (db) => {
      const row = db.prepare(`SELECT position, stream_id, revision, data FROM events WHERE type = 'ProgressReported' ORDER BY position LIMIT 1 OFFSET 5`).get() as { position: number; stream_id: string; revision: number; data: string };
      const at = row.data.search(/[0-8]/);
      const changed = row.data.slice(0, at) + String(Number(row.data[at]) + 1) + row.data.slice(at + 1);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(changed, row.position);
      target = { position: row.position, stream: row.stream_id, revision: row.revision };
    });
    const ran = await council(['verify', '-d', dir]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(`first bad event: position ${target.position}, stream ${target.stream}, revision ${target.revision}: the stored hash does not match`);
  });

  it('catches the newest events removed, seal included, against the seal held outside (and says why it cannot without one)', async () => {
    const dir = await copyOf('newest-removed');
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position >= ?').run(Number(seal.position)));
    const alone = await councilJson<Report>(['verify', '-d', dir]);
    expect(alone.code).toBe(0);
    const { code, json } = await councilJson<Report>(['verify', '-d', dir, '--seal', seal.reference]);
    expect(code).toBe(1);
    expect(json.problems[0]).toMatchObject({ kind: 'outside-seal', message: expect.stringMatching(/ends at position \d+, before the sealed position/) });
  });

  it('deleting the last event goes unnoticed while it is newer than every seal, and is caught once the deletion reaches the seal', async () => {
    const dir = await copyOf('last-removed');
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = (SELECT max(position) FROM events)').run());
    const { code, json } = await councilJson<Report>(['verify', '-d', dir, '--seal', `${seal.hash}@${seal.position}`]);
    // The event after the seal is gone unnoticed by the old seal; the seal itself still holds.
    expect(code).toBe(0);
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = (SELECT max(position) FROM events)').run());
    const sealGone = await councilJson<Report>(['verify', '-d', dir, '--seal', seal.reference]);
    expect(sealGone.code).toBe(1);
    expect(sealGone.json.problems[0]?.message).toMatch(/missing from audit-seals/);
    expect(json.ok).toBe(true);
  });

  it('catches two events of different streams swapped, by the seal recorded in the log', async () => {
    const dir = await copyOf('reordered');
    tamper(dir, (db) => {
      const [a, b] = db.prepare(`SELECT position, stream_id FROM events WHERE position BETWEEN 100 AND 120 ORDER BY position`).all() as { position: number; stream_id: string }[];
      const other = (db.prepare('SELECT position FROM events WHERE position > ? AND stream_id <> ? ORDER BY position LIMIT 1').get(a!.position, a!.stream_id) as { position: number }).position;
      expect(b).toBeDefined();
      db.exec('BEGIN');
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a!.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a!.position, other);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(other);
      db.exec('COMMIT');
    });
    const { code, json } = await councilJson<Report>(['verify', '-d', dir]);
    expect(code).toBe(1);
    expect(json.problems.map((p) => p.kind)).toContain('seal');
  });

  it('catches the whole log rewritten consistently and resealed, only against the seal held outside', async () => {
    const dir = join(root, 'rewritten');
    await mkdir(dir);
    const source = new SqliteEventStore({ path: join(original, 'events.sqlite') });
    const clock = new FixedClock(new Date(0));
    const forged = new SqliteEventStore({ path: join(dir, 'events.sqlite'), clock });
    try {
      let changed = false;
      for (const e of await source.readAll()) {
        if (e.streamId === 'audit-seals') continue;
        clock.set(e.metadata.recordedAt);
        const { recordedAt: _r, ...metadata } = e.metadata;
        const data = !changed && e.type === 'ProgressReported' ? ((changed = true), { ...(e.data as object), value: 100 }) : e.data;
        await forged.appendToStream(e.streamId, [{ id: e.id, type: e.type, data, metadata }]);
      }
      await sealLog(forged, clock, { subject: 'forger', roles: ['system'] });
    } finally {
      await source.close();
      await forged.close();
    }
    expect((await council(['verify', '-d', dir])).code).toBe(0);
    const { code, json } = await councilJson<Report>(['verify', '-d', dir, '--seal', seal.reference]);
    expect(code).toBe(1);
    expect(json.problems).toEqual([expect.objectContaining({ kind: 'outside-seal', message: expect.stringMatching(/no longer hashes to the seal held outside/) })]);
  });

  it('round-trips: export → import into an empty store → verify → identical dashboards', async () => {
    const file = join(root, 'log.jsonl');
    const exported = await councilJson<{ written: number; headPosition: string }>(['export', '-d', original, '-o', file]);
    expect(exported.code).toBe(0);
    const restored = join(root, 'restored');
    const imported = await councilJson<{ imported: number }>(['import', file, '-d', restored]);
    expect({ code: imported.code, imported: imported.json.imported }).toEqual({ code: 0, imported: exported.json.written });
    const verified = await councilJson<Report>(['verify', '-d', restored, '--seal', seal.reference]);
    expect({ code: verified.code, ok: verified.json.ok }).toEqual({ code: 0, ok: true });

    const head = exported.json.headPosition;
    const before = await councilJson<{ overview: unknown; digests: unknown }>(['replay', '-d', original, '--position', head, '-o', join(root, 'replay-original.sqlite')]);
    const after = await councilJson<{ overview: unknown; digests: unknown }>(['replay', '-d', restored, '--position', head, '-o', join(root, 'replay-restored.sqlite')]);
    expect(before.code).toBe(0);
    expect(after.json).toEqual({ ...before.json, file: join(root, 'replay-restored.sqlite') });
    expect(JSON.stringify(before.json.overview)).toContain('transport');
  });

  it('refuses an export with one byte changed, at its line, and leaves no store behind', async () => {
    const file = join(root, 'tampered.jsonl');
    const lines = (await readFile(join(root, 'log.jsonl'), 'utf8')).split('\n');
    lines[41] = lines[41]!.replace(/"value":(\d)/, (_m, d: string) => `"value":${(Number(d) + 1) % 10}`);
    lines[41] = lines[41]!.includes('"value":') ? lines[41]! : lines[41]!.replace('"name":"', '"name":"X');
    await writeFile(file, lines.join('\n'));
    const target = join(root, 'refused');
    const ran = await council(['import', file, '-d', target]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/refused at line 42 .*the stored hash does not match/);
    expect(existsSync(join(target, 'events.sqlite'))).toBe(false);
  });

  it('backs up the log while another process appends, and the copy verifies', async () => {
    const dir = await copyOf('live');
    const writer = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    let writing = true;
    const appends = (async () => {
      for (let i = 0; writing; i++) await writer.appendToStream(`commitment-live-${i % 5}`, [{ type: 'Note', data: { i } }]);
    })();
    try {
      const { code, json } = await councilJson<{ ok: boolean; events: string }>(['backup', join(root, 'backup.sqlite'), '-d', dir]);
      expect({ code, ok: json.ok }).toEqual({ code: 0, ok: true });
    } finally {
      writing = false;
      await appends;
      await writer.close();
    }
  });

  it('exports the commitments as IATI activities and OCDS releases, one per line', async () => {
    const iati = join(root, 'iati.jsonl');
    const ocds = join(root, 'ocds.jsonl');
    expect((await council(['export', '-d', original, '--format', 'iati', '-o', iati])).code).toBe(0);
    expect((await council(['export', '-d', original, '--format', 'ocds', '-o', ocds])).code).toBe(0);
    const activities = (await readFile(iati, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const releases = (await readFile(ocds, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(activities.length).toBe(45);
    expect(releases.length).toBe(45);
    expect(activities[0]).toMatchObject({ 'iati-identifier': expect.stringMatching(/^VN-SERC-/), 'activity-status': { code: expect.any(String) }, result: [expect.objectContaining({ indicator: expect.any(Array) })] });
    expect(releases[0]).toMatchObject({ ocid: expect.stringMatching(/^ocds-serc-/), contracts: [expect.objectContaining({ milestones: expect.any(Array) })] });
    expect(activities.some((a) => (a['transaction'] as unknown[]).length > 0)).toBe(true);
  });

  it('signs a development token with AUTH_JWT_SECRET, and says what is wrong with exit 2', async () => {
    const secret = 'cli-test-secret-0123456789abcdef0123456789';
    const ran = await council(['token', '--role', 'province', '--province', '79'], { AUTH_JWT_SECRET: secret });
    expect(ran.code).toBe(0);
    const { payload } = await jwtVerify(ran.stdout.trim(), new TextEncoder().encode(secret));
    expect(payload).toMatchObject({ roles: ['province'], province: '79', sub: 'cli-province-79' });
    const bad = await council(['token', '--role', 'province']);
    expect({ code: bad.code, stderr: bad.stderr }).toEqual({ code: 2, stderr: 'council: --province <code> is required with --role province\n' });
    const missing = await council(['verify', '-d', join(root, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no event log at .*nowhere/);
  });
});
