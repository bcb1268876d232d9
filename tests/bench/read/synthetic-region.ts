/**
 * A synthetic Southeast region for `bench:read`: about 50,000 commitments across the three
 * tracks and the provinces of SOUTHEAST_REGION, with lifecycles a council would see
 * (proposals declined, withdrawn or left waiting; accepted ones reporting progress month
 * by month, some extended, missed, amended, cancelled, claimed, disputed, fulfilled),
 * until the log holds `events` events. Deterministic for a seed: the same file every time.
 *
 * Every commitment event is decided by the real `commitmentDecider` against the state its
 * stream folds to and the region as recorded, and written to a SqliteEventStore with the
 * clock at the step's moment, in chronological order (so `recordedAt` grows with the log
 * position, as on a real platform). All steps happen before the 2025 mergers take effect,
 * and commitments left open have deadlines after the bench's "today" or a recorded miss,
 * so the server's deadline watcher has nothing to add.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommitmentCommand, commitmentDecider, commitmentSchemas, commitmentStream, type Commitment } from '@council/commitments/domain';
import { type Actor, FixedClock, handleCommand, type JsonValue } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { REGION_STREAM, type RegionCommand, regionDecider, regionFrom, SOUTHEAST_REGION } from '@council/region/domain';
import { seededRandom } from '@council/tests/support';

/** Bump when the generated log changes shape: cached files of another version are not reused. */
export const GENERATOR_VERSION = 2;

export interface SyntheticRegion {
  readonly path: string;
  readonly events: number;
  readonly commitments: number;
  /** Seconds it took to generate (0 when the cached file was reused). */
  readonly generatedInS: number;
}

const TRACKS = ['transport', 'health', 'workforce'] as const;
const MEMBERS = ['79', '74', '75', '77', '70', '72'] as const;
const PARTNERS = ['80', '83'] as const;
const PROJECTS: Record<(typeof TRACKS)[number], readonly string[]> = {
  transport: ['vanh-dai-3', 'vanh-dai-4', 'cao-toc-hcm-tdm-ct', 'quoc-lo-13', 'duong-sat-vung', 'ket-noi-long-thanh', 'cang-cai-mep-thi-vai'],
  health: ['benh-vien-vung', 'chuyen-tuyen-y-te'],
  workforce: ['nhan-luc-chat-luong-cao', 'nha-o-xa-hoi'],
};
const UNITS: Record<(typeof TRACKS)[number], readonly [string, string, number][]> = {
  transport: [['Mặt bằng đã bàn giao', 'ha', 120], ['Km đường hoàn thành', 'km', 40], ['Nút giao đưa vào khai thác', 'nút', 6]],
  health: [['Giường bệnh đưa vào sử dụng', 'giường', 500], ['Ca chuyển tuyến điện tử', 'ca', 20_000]],
  workforce: [['Lao động được đào tạo', 'người', 5_000], ['Căn nhà ở xã hội bàn giao', 'căn', 1_500]],
};
const FIRST_DAY = Date.parse('2023-08-01T00:00:00+07:00');
/** Before the mergers of 1 July 2025: every province acts as itself. */
const LAST_DAY = Date.parse('2025-06-28T00:00:00+07:00');
/** Open commitments are due after this, so the bench's "today" (late 2026) finds them in term. */
const OPEN_DEADLINE_FROM = Date.parse('2027-01-15T00:00:00+07:00');
const DAY = 86_400_000;
const council: Actor = { subject: 'secretariat-1', roles: ['council'] };
const officer = (code: string): Actor => ({ subject: `officer-${code}`, roles: ['province'], province: code });
const day = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);


type Body = Pick<CommitmentCommand, 'type' | 'data'>;
interface Step {
  readonly at: number;
  readonly commitment: number;
  readonly actor: Actor;
  readonly command: Body;
}

/** One commitment's whole life as dated commands (the decider still judges each one). */
function lifecycle(n: number, rnd: () => number): Step[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const track = TRACKS[n % 3]!;
  const committer = rnd() < 0.9 ? pick(MEMBERS) : pick(PARTNERS);
  const others = MEMBERS.filter((c) => c !== committer);
  const counterparties = rnd() < 0.7 ? [pick(others)] : [...new Set([pick(others), pick(others)])];
  const proposedAt = FIRST_DAY + Math.floor(rnd() * (LAST_DAY - FIRST_DAY - 120 * DAY)) + 9 * 3_600_000;
  const [indicator, unit, target] = pick(UNITS[track]);
  const fate = rnd();
  // Open at the end: due after the bench's today; otherwise due within 6 to 20 months.
  const stays = fate >= 0.5;
  const deadlineMs = stays ? OPEN_DEADLINE_FROM + Math.floor(rnd() * 700) * DAY : proposedAt + (180 + Math.floor(rnd() * 420)) * DAY;
  const budget = BigInt(50 + Math.floor(rnd() * 5_000)) * 1_000_000_000n;
  const steps: Step[] = [];
  const at = (ms: number, actor: Actor, command: Body) => steps.push({ at: ms, commitment: n, actor, command });
  at(proposedAt, officer(committer), {
    type: 'ProposeCommitment',
    data: {
      commitmentId: `sx-${n}`,
      track,
      projectId: pick(PROJECTS[track]),
      title: `${indicator} – cam kết vùng số ${n}`,
      description: 'Cam kết giữa các địa phương trong vùng, theo kết luận của hội nghị điều phối vùng Đông Nam Bộ.',
      counterparties,
      responsible: { agency: `Sở ngành tỉnh ${committer}`, person: 'Phó Giám đốc Sở' },
      indicator: { name: indicator, unit, baseline: 0, target },
      deadline: day(deadlineMs),
      budget: { amountVnd: budget.toString(), source: rnd() < 0.6 ? 'provincial' : 'central' },
    },
  } as Body);
  let t = proposedAt + (2 + Math.floor(rnd() * 20)) * DAY;
  if (fate < 0.05) return at(t, officer(counterparties[0]!), { type: 'DeclineCommitment', data: { reason: 'Chưa bố trí được nguồn vốn đối ứng.' } }), steps;
  if (fate < 0.08) return at(t, officer(committer), { type: 'WithdrawCommitment', data: { reason: 'Điều chỉnh phạm vi dự án.' } }), steps;
  if (fate < 0.1) return steps;
  for (const party of counterparties) at((t += DAY), officer(party), { type: 'AcceptCommitment', data: {} } as Body);
  const close = Math.min(LAST_DAY - 3 * DAY, deadlineMs - 5 * DAY + Math.floor(rnd() * 40) * DAY);
  const end = stays ? LAST_DAY : close - DAY;
  const reports = Math.max(1, Math.floor((end - t) / (21 * DAY)));
  const every = (end - t) / (reports + 1);
  let disbursed = 0n;
  let extended = false;
  for (let r = 1; r <= reports; r++) {
    const when = Math.floor(t + r * every);
    if (when >= end) break;
    disbursed += budget / BigInt(reports + 2);
    at(when, officer(committer), {
      type: 'ReportProgress',
      data: { value: Math.round((target * r) / (reports + 1)), disbursedVnd: disbursed.toString(), reportedFor: day(when - DAY), ...(rnd() < 0.3 && { note: 'Đúng tiến độ.' }) },
    } as Body);
    if (!extended && !stays && r === Math.floor(reports / 2) && rnd() < 0.15) {
      extended = true;
      at(when + 3_600_000, officer(committer), { type: 'RequestDeadlineExtension', data: { newDeadline: day(deadlineMs + 90 * DAY), reason: 'Vướng giải phóng mặt bằng.' } } as Body);
      at(when + 2 * DAY, council, { type: 'DecideDeadlineExtension', data: { approve: rnd() < 0.7, note: 'Hội đồng đã xem xét.' } } as Body);
    }
    if (r === 2 && rnd() < 0.05) at(when + 3_600_000, council, { type: 'AmendCommitment', data: { target: Math.round(target * 1.1), reason: 'Theo đề nghị của tỉnh.' } } as Body);
  }
  if (stays) return steps;
  if (fate < 0.15) return at(close, council, { type: 'CancelCommitment', data: { reason: 'Dự án được điều chỉnh chủ trương đầu tư.' } } as Body), steps;
  if (deadlineMs + DAY < close) at(deadlineMs + DAY + 3_600_000, council, { type: 'RecordDeadlineMissed', data: {} } as Body);
  // Left overdue, with the miss recorded (so the server's deadline watcher has nothing to add).
  if (fate < 0.2 && !extended && deadlineMs + DAY < LAST_DAY) {
    if (deadlineMs + DAY >= close) at(deadlineMs + DAY + 3_600_000, council, { type: 'RecordDeadlineMissed', data: {} } as Body);
    return steps;
  }
  at(close, officer(committer), { type: 'ClaimFulfillment', data: { note: 'Đã hoàn thành chỉ tiêu.' } } as Body);
  if (rnd() < 0.1) {
    at(close + DAY, officer(counterparties[0]!), { type: 'VerifyFulfillment', data: { accepted: false, note: 'Chưa đủ hồ sơ nghiệm thu.' } } as Body);
    at(close + 2 * DAY, officer(committer), { type: 'ClaimFulfillment', data: { note: 'Bổ sung hồ sơ nghiệm thu.' } } as Body);
  }
  at(close + 3 * DAY, officer(counterparties[0]!), { type: 'VerifyFulfillment', data: { accepted: true, note: 'Đã nghiệm thu.' } } as Body);
  return steps;
}

/** The generated log for `events` and `seed`, from the cache when it is there. */
export async function syntheticRegion(events: number, seed: number, log: (message: string) => void): Promise<SyntheticRegion> {
  const dir = join(process.env['BENCH_CACHE_DIR'] ?? join(tmpdir(), 'council-bench-read'), `v${GENERATOR_VERSION}-seed${seed}-${events}`);
  const path = join(dir, 'events.sqlite');
  const doneMarker = join(dir, 'complete.sqlite');
  const meta = join(dir, 'complete.json');
  if (existsSync(doneMarker) && existsSync(meta)) {
    const known = JSON.parse(readFileSync(meta, 'utf8')) as { events: number; commitments: number };
    log(`synthetic region: reusing ${doneMarker} (${known.events} events, ${known.commitments} commitments)`);
    return { path: doneMarker, ...known, generatedInS: 0 };
  }
  mkdirSync(dir, { recursive: true });
  rmSync(path, { force: true });
  const started = performance.now();
  const clock = new FixedClock('2023-07-18T08:00:00+07:00');
  const store = new SqliteEventStore({ path, synchronous: 'NORMAL', clock });
  let region = regionDecider.initialState();
  for (const [index, { command }] of SOUTHEAST_REGION.entries())
    region = (await handleCommand(store, regionDecider, REGION_STREAM, { ...command, metadata: { now: clock.now(), actor: council, commandId: `region-reference-${index}` } } as RegionCommand)).state;
  const reference = regionFrom(SOUTHEAST_REGION, council).region;
  if (JSON.stringify(reference) !== JSON.stringify(region)) log('synthetic region: note, the recorded region differs from regionFrom');

  // Whole lifecycles until the log would hold `events` (with a margin for steps that decide
  // nothing), then every step in time order, cut at exactly `events`.
  const rnd = seededRandom(seed);
  const steps: Step[] = [];
  let commitments = 0;
  for (let estimate = SOUTHEAST_REGION.length; estimate < events * 1.01; commitments++) {
    const life = lifecycle(commitments, rnd);
    // An acceptance by the last counterparty adds CommitmentActivated; an extension decided adds nothing more.
    estimate += life.length + (life.some((s) => s.command.type === 'AcceptCommitment') ? 1 : 0);
    for (const step of life) steps.push(step);
  }
  steps.sort((a, b) => a.at - b.at || a.commitment - b.commitment);
  log(`synthetic region: ${commitments} commitments, ${steps.length} steps; writing ${path} …`);

  const states: Commitment[] = new Array(commitments);
  const revisions = new Int32Array(commitments).fill(-1);
  let written = SOUTHEAST_REGION.length;
  let refused = 0;
  let proposedCount = 0;
  let pending: Promise<unknown>[] = [];
  const inFlight = new Set<number>();
  const flush = async () => {
    await Promise.all(pending);
    pending = [];
    inFlight.clear();
  };
  for (const step of steps) {
    if (written >= events) break;
    if (inFlight.has(step.commitment) || pending.length >= 400) await flush();
    const now = new Date(step.at);
    const command = { ...step.command, metadata: { now, actor: step.actor }, context: { region } } as CommitmentCommand;
    const state = states[step.commitment] ?? commitmentDecider.initialState();
    let decided;
    try {
      decided = commitmentDecider.decide(command, state);
    } catch (error) {
      if (refused++ < 5) log(`  refused: ${step.command.type} on sx-${step.commitment}: ${(error as Error).message}`);
      continue;
    }
    // Whole decisions only: near the end, steps that would overshoot are left out.
    if (decided.length === 0 || decided.length > events - written) continue;
    const take = decided;
    if (step.command.type === 'ProposeCommitment') proposedCount++;
    states[step.commitment] = take.reduce(commitmentDecider.evolve, state);
    const expected = revisions[step.commitment]! < 0 ? 'no_stream' : BigInt(revisions[step.commitment]!);
    revisions[step.commitment] = revisions[step.commitment]! + take.length;
    written += take.length;
    clock.set(now.toISOString());
    inFlight.add(step.commitment);
    pending.push(
      store.appendToStream(
        commitmentStream(`sx-${step.commitment}`),
        take.map((e) => ({
          type: e.type,
          data: e.data as JsonValue,
          metadata: { schemaVersion: commitmentSchemas.version(e.type), ...e.metadata, actor: step.actor },
        })),
        { expectedRevision: expected },
      ),
    );
    if (written % 100_000 < take.length) log(`  ${written} events`);
  }
  await flush();
  const head = await store.headPosition();
  await store.close();
  renameSync(path, doneMarker);
  writeFileSync(meta, JSON.stringify({ events: Number(head), commitments: proposedCount }));
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const generatedInS = (performance.now() - started) / 1000;
  log(`synthetic region: ${head} events, ${proposedCount} commitments (${refused} steps refused by the domain) in ${generatedInS.toFixed(1)} s`);
  return { path: doneMarker, events: Number(head), commitments: proposedCount, generatedInS };
}
