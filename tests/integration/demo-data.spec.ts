import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_SCRIPT, seedDemoData, type SeedDemoDataResult } from '@council/commitments/demo-data';
import { type CommitmentView, evolveCommitmentView, scheduleStatus } from '@council/commitments/read-models';
import { daysBetween, FixedClock, type RecordedEvent, verifyStreamChain, vietnamDate } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { REGION_STREAM } from '@council/region/domain';

const NOW = '2026-11-23T09:00:00+07:00';
const clock = new FixedClock(NOW);
let store: SqliteEventStore;
let seeded: SeedDemoDataResult;
let log: RecordedEvent[];

/** Every commitment as the dashboards would show it from what was recorded up to `moment`. */
function viewsAsOf(moment: string): CommitmentView[] {
  const until = Date.parse(moment);
  const views = new Map<string, CommitmentView | null>();
  for (const event of log) {
    if (!event.streamId.startsWith('commitment-') || Date.parse(event.metadata.recordedAt) > until) continue;
    views.set(event.streamId, evolveCommitmentView(views.get(event.streamId) ?? null, event));
  }
  return [...views.values()].filter((v): v is CommitmentView => v !== null);
}

/** Lifecycle as a council member reads it: fulfilled is told apart as on time or late. */
const lifecycle = (v: CommitmentView) => (v.status === 'fulfilled' ? (v.fulfilment?.onTime ? 'fulfilled on time' : 'fulfilled late') : v.status);
const EVERY_LIFECYCLE_STATE = ['proposed', 'active', 'declined', 'withdrawn', 'fulfillment_claimed', 'fulfilled on time', 'fulfilled late', 'cancelled'];

beforeAll(async () => {
  store = new SqliteEventStore({ path: ':memory:', clock });
  seeded = await seedDemoData(store, clock);
  log = await store.readAll({ maxCount: 100_000 });
});
afterAll(() => store.close());

describe('the demo data seeded into an empty log', () => {
  it('plays every step and puts the clock back to now', () => {
    expect(seeded).toMatchObject({ seeded: true, steps: DEMO_SCRIPT.length });
    expect(seeded.events).toBe(log.length);
    expect(clock.now().toISOString()).toBe(new Date(NOW).toISOString());
  });

  it('holds at least 40 commitments, at least 8 in each track', () => {
    const views = viewsAsOf(NOW);
    expect(views.length).toBeGreaterThanOrEqual(40);
    expect(seeded.commitments).toBe(views.length);
    for (const track of ['transport', 'health', 'workforce']) expect(views.filter((v) => v.track === track).length).toBeGreaterThanOrEqual(8);
  });

  it.each(['2024-12-31T23:59:59+07:00', '2025-06-30T23:59:59+07:00', NOW])('shows every lifecycle state as of %s', (moment) => {
    expect(new Set(viewsAsOf(moment).map(lifecycle))).toEqual(new Set(EVERY_LIFECYCLE_STATE));
  });

  it('shows every schedule state today, and an overdue promise always has its missed deadline recorded', () => {
    const today = vietnamDate(new Date(NOW));
    const views = viewsAsOf(NOW);
    const schedules = new Set(views.map((v) => scheduleStatus(v, today)));
    for (const s of ['IN_TERM', 'DUE_SOON', 'AT_RISK', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE']) expect(schedules).toContain(s);
    for (const v of views.filter((v) => scheduleStatus(v, today) === 'OVERDUE')) expect(v.missedDeadlines).toContain(v.deadline);
  });

  it('never leaves a passed deadline unrecorded past the next morning, at any moment of its history', () => {
    const streams = Map.groupBy(log.filter((e) => e.streamId.startsWith('commitment-')), (e) => e.streamId);
    for (const [streamId, events] of streams) {
      let view: CommitmentView | null = null;
      for (const event of events) {
        const day = vietnamDate(new Date(event.metadata.recordedAt));
        const unrecorded = view?.status === 'active' && daysBetween(view.deadline, day) > 1 && !view.missedDeadlines.includes(view.deadline);
        expect({ streamId, day, unrecorded }).toEqual({ streamId, day, unrecorded: false });
        view = evolveCommitmentView(view, event);
      }
    }
  });

  it('keeps deadlines ahead, well into 2027, so the demo stays meaningful as time passes', () => {
    const open = viewsAsOf(NOW).filter((v) => v.status === 'active' || v.status === 'proposed');
    expect(open.filter((v) => v.deadline >= '2027-06-01').length).toBeGreaterThanOrEqual(5);
    expect(open.filter((v) => v.deadline > '2026-11-23' && v.deadline <= '2026-12-31').length).toBeGreaterThanOrEqual(2);
  });

  it('has an approved and a rejected extension, amendments of target and budget, and a dispute later resolved', () => {
    const types = (type: string) => log.filter((e) => e.type === type);
    expect(types('DeadlineExtensionApproved').length).toBeGreaterThanOrEqual(1);
    expect(types('DeadlineExtensionRejected').length).toBeGreaterThanOrEqual(1);
    expect(types('CommitmentAmended').some((e) => (e.data as { target?: unknown }).target)).toBe(true);
    expect(types('CommitmentAmended').some((e) => (e.data as { budgetVnd?: unknown }).budgetVnd)).toBe(true);
    const disputed = viewsAsOf(NOW).find((v) => v.disputes > 0);
    expect(disputed).toMatchObject({ status: 'fulfilled', disputed: false });
  });

  it('records the 2025 mergers with their legal basis, on the day they took effect', () => {
    const mergers = log.filter((e) => e.streamId === REGION_STREAM && e.type === 'ProvincesMerged');
    expect(mergers.map((e) => (e.data as { successor: string }).successor)).toEqual(['79', '75', '80', '86']);
    for (const m of mergers) {
      expect(m.data).toMatchObject({ effectiveOn: '2025-07-01', legalBasis: { number: '202/2025/QH15' } });
      expect(vietnamDate(new Date(m.metadata.recordedAt))).toBe('2025-07-01');
    }
  });

  it('keeps a Bình Dương → Hồ Chí Minh City promise made before the merger, with its original parties, acted on by the city afterwards', async () => {
    const hospital = viewsAsOf(NOW).find((v) => v.id === 'benh-vien-vung-1500-giuong');
    expect(hospital).toMatchObject({ committer: '74', counterparties: [{ code: '79' }], status: 'active' });
    expect(hospital!.proposedOn < '2025-07-01').toBe(true);
    const events = await store.readStream('commitment-benh-vien-vung-1500-giuong');
    const after = events.filter((e) => e.metadata.recordedAt >= '2025-07-01');
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) expect(e.metadata.actor?.province).toBe('79');
  });

  it('stamps recordedAt historically, spread over 2023–2025 and never going back with the position', () => {
    const times = log.map((e) => Date.parse(e.metadata.recordedAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(new Set(log.map((e) => e.metadata.recordedAt.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025']));
    expect(log[0]!.metadata.recordedAt.slice(0, 10)).toBe('2023-07-18');
  });

  it('carries budgets as exact digit strings up to thousands of billions of đồng, and some promises without budget', () => {
    const budgets = viewsAsOf(NOW).map((v) => v.budgetVnd);
    expect(budgets).toContain(null);
    for (const b of budgets.filter((b): b is string => b !== null)) expect(b).toMatch(/^[1-9]\d*$/);
    expect(budgets.some((b) => b !== null && BigInt(b) >= 10n ** 13n)).toBe(true);
  });

  it('has an intact hash chain on every stream', async () => {
    const streams = new Set(log.map((e) => e.streamId));
    for (const streamId of streams) expect(verifyStreamChain(await store.readStream(streamId))).toBeNull();
  });

  it('fails loudly, naming the step, when the domain refuses one, and still puts the clock back', async () => {
    const fresh = new SqliteEventStore({ path: ':memory:', clock });
    const early = DEMO_SCRIPT.find((s) => s.command.type === 'ProposeCommitment')!;
    const script = [...DEMO_SCRIPT.slice(0, 2), early];
    await expect(seedDemoData(fresh, clock, { script })).rejects.toThrow(
      `demo step 2 (ProposeCommitment on ${early.stream} at ${early.at}) was refused: committer: province ${early.actor.province} is not a member or partner of the region today`,
    );
    expect(clock.now().toISOString()).toBe(new Date(NOW).toISOString());
    await fresh.close();
  });

  it('does nothing when seeded a second time', async () => {
    const head = await store.headPosition();
    await expect(seedDemoData(store, clock)).resolves.toEqual({ seeded: false, steps: 0, events: 0, commitments: 0 });
    expect(await store.headPosition()).toBe(head);
  });
});
