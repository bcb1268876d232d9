import { describe, expect, it } from '@jest/globals';
import { type CommitmentCommand, commitmentDecider, commitmentSchemas, commitmentStream } from '@council/commitments/domain';
import { region } from '@council/commitments/domain/testing';
import { commitmentViewProjection, currentViews, viewsAsOf } from '@council/commitments/read-models';
import { type Actor, FixedClock, handleCommand } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROVINCES = ['79', '75', '80'] as const;
const province = (code: string): Actor => ({ subject: `officer-${code}`, roles: ['province'], province: code });
const council: Actor = { subject: 'council', roles: ['council'] };

/** One step of a random history: an action on one of a few commitments, some days after the last. */
const step = fc.record({
  days: fc.integer({ min: 0, max: 45 }),
  commitment: fc.integer({ min: 0, max: 3 }),
  action: fc.constantFrom('propose', 'accept', 'accept', 'accept', 'decline', 'report', 'report', 'report', 'extend', 'decide', 'claim', 'claim', 'verify', 'dispute', 'cancel', 'watch'),
  by: fc.constantFrom(...PROVINCES),
  value: fc.integer({ min: 0, max: 100 }),
});

type Step = { days: number; commitment: number; action: string; by: string; value: number };

/**
 * The command a step means, by the party whose turn it would be (the committer reports,
 * the counterparty accepts and verifies, the council decides); the domain still refuses
 * those the lifecycle does not allow at that point, and the history skips them.
 */
function commandFor(s: Step, id: string, day: string, parties: Map<string, string>): Pick<CommitmentCommand, 'type' | 'data'> & { actor: Actor } {
  const committer = parties.get(id) ?? s.by;
  const counterparty = PROVINCES.find((p) => p !== committer)!;
  // A commitment's first step proposes it (a second proposal of the same id is refused).
  switch (parties.has(id) ? s.action : 'propose') {
    case 'propose':
      return { type: 'ProposeCommitment', actor: province(committer), data: { commitmentId: id, track: 'health', title: `Cam kết ${id}`, counterparties: [counterparty], responsible: { agency: 'Sở Y tế', person: 'Giám đốc' }, indicator: { name: 'Giường bệnh', unit: 'giường', baseline: 0, target: 100 }, deadline: addDays(day, 60 + s.value) } };
    case 'accept':
      return { type: 'AcceptCommitment', actor: province(counterparty), data: {} };
    case 'decline':
      return { type: 'DeclineCommitment', actor: province(counterparty), data: { reason: 'Chưa đủ nguồn lực' } };
    case 'report':
      return { type: 'ReportProgress', actor: province(committer), data: { value: s.value, reportedFor: day } };
    case 'extend':
      return { type: 'RequestDeadlineExtension', actor: province(committer), data: { newDeadline: addDays(day, 200), reason: 'Vướng thủ tục' } };
    case 'decide':
      return { type: 'DecideDeadlineExtension', actor: council, data: { approve: s.value % 2 === 0, note: 'Xem xét' } };
    case 'claim':
      return { type: 'ClaimFulfillment', actor: province(committer), data: { note: 'Đã hoàn thành' } };
    case 'verify':
    case 'dispute':
      return { type: 'VerifyFulfillment', actor: province(counterparty), data: { accepted: s.action === 'verify', note: 'Đã kiểm tra' } };
    case 'cancel':
      return { type: 'CancelCommitment', actor: council, data: { reason: 'Dừng' } };
    default:
      return { type: 'RecordDeadlineMissed', actor: { subject: 'deadline-watcher', roles: ['system'] }, data: {} };
  }
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the commitment read model, for random valid histories', () => {
  it('followed live (restarted now and then) equals a fresh rebuild, and every as-of answer equals a rebuild cut at that moment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-property-'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), fc.integer({ min: 2, max: 12 }), async (steps, restartEvery) => {
        const clock = new FixedClock('2025-08-01T02:00:00Z');
        const store = new SqliteEventStore({ path: ':memory:', clock, pollIntervalMs: 5 });
        // A projection that skips an event only logs it: here any such message fails the run.
        const skipped: string[] = [];
        const log = (_level: string, message: string) => skipped.push(message);
        // A file, so that a restart finds what it wrote and goes on from the stored views (not from what it remembered).
        const path = join(dir, `live-${run++}.sqlite`);
        let live = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection], log });
        const moments: Date[] = [];
        const proposed = new Set<string>();
        const parties = new Map<string, string>();
        for (const s of steps) {
          clock.advance(s.days * 86_400_000 + 3_600_000);
          const day = new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
          const id = `p-${s.commitment}`;
          const { actor, ...command } = commandFor(s, id, day, parties);
          try {
            await handleCommand(store, commitmentDecider, commitmentStream(id), { ...command, metadata: { now: clock.now(), actor }, context: { region } } as CommitmentCommand, { schemas: commitmentSchemas });
          } catch {
            continue;
          }
          moments.push(clock.now());
          if (moments.length % restartEvery === 0) {
            await live.waitFor(await store.headPosition());
            await live.close();
            live = await SqliteReadModels.open({ path, store, projections: [commitmentViewProjection], log });
          }
          if (command.type === 'ProposeCommitment') {
            proposed.add(id);
            parties.set(id, s.by);
          }
        }
        await live.waitFor(await store.headPosition());
        const rebuilt = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection], log });
        expect(live.read(currentViews).map((v) => v.id).sort()).toEqual([...proposed].sort());
        expect(live.read(currentViews)).toEqual(rebuilt.read(currentViews));
        expect(live.digests()).toEqual(rebuilt.digests());
        for (const moment of moments) {
          const cut = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection], log, upTo: await positionAt(store, moment) });
          expect(live.read((db) => viewsAsOf(db, moment))).toEqual(cut.read(currentViews));
          await cut.close();
        }
        expect(skipped).toEqual([]);
        await Promise.all([live.close(), rebuilt.close()]);
        await store.close();
      }),
      { numRuns: 50 },
    );
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

/** The last position recorded at or before `moment`. */
async function positionAt(store: SqliteEventStore, moment: Date): Promise<bigint> {
  const all = await store.readAll();
  return all.filter((e) => Date.parse(e.metadata.recordedAt) <= moment.getTime()).at(-1)?.position ?? 0n;
}
