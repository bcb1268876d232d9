import { afterAll, describe, expect, it } from '@jest/globals';
import { ConcurrencyError, StoreUnavailableError, verifyStreamChain } from '@council/platform/event-sourcing';
import { eventStoreContract } from '@council/platform/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'council-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const freshFile = () => join(dir, `${randomUUID()}.sqlite`);

eventStoreContract('SQLite (one file, a connection per store)', async () =>
  new SqliteEventStore({ path: join(dir, 'contract.sqlite'), pollIntervalMs: 20 }),
);

describe('SQLite event store', () => {
  describe('appends issued in the same turn of the event loop (one group commit)', () => {
    it('succeed or fail each on its own, and a failed one leaves nothing behind', async () => {
      const store = new SqliteEventStore({ path: freshFile() });
      const reused = randomUUID();
      const outcomes = await Promise.allSettled([
        store.appendToStream('s-1', [{ id: reused, type: 'A', data: {} }]),
        store.appendToStream('s-2', [{ type: 'B', data: {} }], { expectedRevision: 4n }),
        store.appendToStream('s-1', [{ type: 'C', data: {} }], { expectedRevision: 0n }),
        store.appendToStream('s-3', [{ type: 'D', data: {} }, { id: reused, type: 'E', data: {} }]),
        store.appendToStream('s-3', [{ type: 'F', data: {} }], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      expect((outcomes[3] as PromiseRejectedResult).reason.message).toMatch(/already recorded elsewhere in the log/);
      expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A', 'C']);
      expect(await store.readStream('s-2')).toEqual([]);
      expect((await store.readStream('s-3')).map((e) => e.type)).toEqual(['F']);
      expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n]);
      await store.close();
    });
  });

  describe('an append on its own whose second event reuses a recorded id', () => {
    it('fails and leaves its first event unwritten', async () => {
      const store = new SqliteEventStore({ path: freshFile() });
      const reused = randomUUID();
      await store.appendToStream('s-1', [{ id: reused, type: 'A', data: {} }]);
      await expect(
        store.appendToStream('s-2', [{ type: 'B', data: {} }, { id: reused, type: 'C', data: {} }]),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream('s-2')).toEqual([]);
      await expect(store.appendToStream('s-2', [{ type: 'D', data: {} }])).resolves.toMatchObject({ position: 2n });
      await store.close();
    });
  });

  describe('metadata stored in columns', () => {
    it('comes back exactly as written, whatever shape the actor has and whatever extra keys there are', async () => {
      const store = new SqliteEventStore({ path: freshFile() });
      const odd = [
        { actor: { subject: 'u-1', roles: [] } },
        { actor: { subject: 'u-2', roles: ['council', 'a,b'], province: '79' } },
        { actor: { subject: 'u-3', roles: ['auditor'], unit: 'Kiểm toán Nhà nước' } },
        { origin: 'import', note: { batch: 7 } },
        {},
      ] as const;
      await store.appendToStream('odd', odd.map((metadata, i) => ({ type: 'Noted', data: { i }, metadata: metadata as never })));
      const events = await store.readStream('odd');
      odd.forEach((metadata, i) => expect(events[i]?.metadata).toMatchObject(metadata));
      expect(events[0]?.metadata).not.toHaveProperty('commandId');
      expect(events[0]?.metadata.actor).toEqual({ subject: 'u-1', roles: [] });
      expect(verifyStreamChain(events)).toBeNull();
      await store.close();
    });
  });

  describe('a log closed and opened again', () => {
    it('holds every acknowledged event with its hash chain, and leaves no unmerged write-ahead log', async () => {
      const path = freshFile();
      const first = new SqliteEventStore({ path });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => first.appendToStream(`commitment-${i % 4}`, [{ type: 'ProgressReported', data: { value: i } }])),
      );
      await first.close();
      expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
      const again = new SqliteEventStore({ path });
      expect(await again.headPosition()).toBe(20n);
      for (let i = 0; i < 4; i++) expect(verifyStreamChain(await again.readStream(`commitment-${i}`))).toBeNull();
      await again.close();
      await expect(again.appendToStream('late', [{ type: 'A', data: {} }])).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });

  describe('while another process holds the write lock', () => {
    it('answers a retryable StoreUnavailableError instead of leaking SQLITE_BUSY, and writes once the lock is free', async () => {
      const path = freshFile();
      const store = new SqliteEventStore({ path, busyTimeoutMs: 30 });
      const other = new DatabaseSync(path);
      other.exec('BEGIN IMMEDIATE');
      const blocked = store.appendToStream('s', [{ type: 'A', data: {} }]);
      await expect(blocked).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(blocked).rejects.toThrow('another process holds the write lock');
      other.exec('ROLLBACK');
      other.close();
      await expect(store.appendToStream('s', [{ type: 'A', data: {} }])).resolves.toMatchObject({ nextExpectedRevision: 0n });
      await store.close();
    });
  });
});
