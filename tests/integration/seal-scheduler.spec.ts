import { describe, expect, it } from '@jest/globals';
import { SealScheduler, verifyLog } from '@council/audit/feature';
import { SEAL_STREAM, sealReference } from '@council/audit/domain';
import { FixedClock } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';

const HOUR = 3_600_000;

describe('the seal schedule, driven by the injected clock', () => {
  it('seals when the newest seal is older than the interval and the log moved, and not otherwise', async () => {
    const clock = new FixedClock('2025-07-01T00:00:00Z');
    const store = new SqliteEventStore({ path: ':memory:', clock });
    const scheduler = new SealScheduler(store, clock, { intervalMs: HOUR });
    try {
      expect(await scheduler.sealIfDue()).toBeNull(); // an empty log has nothing to seal
      for (let i = 0; i < 5; i++) await store.appendToStream(`commitment-${i}`, [{ type: 'ProgressReported', data: { value: i } }]);
      const first = await scheduler.sealIfDue();
      expect(first).toMatchObject({ sequence: 1, position: 5n, eventCount: 5n });

      await store.appendToStream('commitment-0', [{ type: 'ProgressReported', data: { value: 9 } }]);
      clock.advance(HOUR - 1);
      expect(await scheduler.sealIfDue()).toBeNull(); // not yet due
      clock.advance(1);
      const second = await scheduler.sealIfDue();
      expect(second).toMatchObject({ sequence: 2, position: 7n, eventCount: 7n, previous: first!.hash });
      clock.advance(2 * HOUR);
      expect(await scheduler.sealIfDue()).toBeNull(); // due, but only its own seal was recorded since

      expect((await store.readStream(SEAL_STREAM)).map((e) => e.metadata.actor?.subject)).toEqual(['log-sealer', 'log-sealer']);
      const report = await verifyLog(store, { contiguousPositions: true, outside: [first!, second!].map((s) => ({ hash: s.hash, position: s.position })) });
      expect(report).toMatchObject({ ok: true, events: 8n, problems: [] });
      expect(report.seals.map((s) => s.ok)).toEqual([true, true, true, true]);
      expect(sealReference(second!)).toBe(`${second!.hash}@7`);
    } finally {
      await store.close();
    }
  });
});
