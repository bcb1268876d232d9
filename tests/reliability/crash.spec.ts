import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { seedDemoData } from '@council/commitments/demo-data';
import { commitmentStream } from '@council/commitments/domain';
import { FixedClock, type RecordedEvent } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { ACCEPT, type Answer, type ApiProcess, COMMITTER, COUNTERPARTY, gql, killDuringStart, makeDataDir, proposal, PROPOSE, removeDataDir, REPORT, report, seededRandom, startApi, tokenFor } from '@council/tests/support';
import { type Acknowledged, logProblems, readLog, readModelDifference } from './support/log-check.js';

/**
 * Crash: the real server under a burst of concurrent mutations is killed with SIGKILL
 * at a random moment, then checked on disk and restarted. Every acknowledged command
 * must be in the log; nothing half-written; no gap in positions; hash chains intact;
 * read models equal a rebuild at their own checkpoint. Requests that were in flight
 * at the kill are sent again (same commandId) after the restart: each must succeed
 * once, whether or not it had been recorded before the crash.
 * Every fourth cycle the server is also killed once while it starts.
 * CI: 20 cycles. RELIABILITY_LONG=1: 500.
 * And the very first start, which seeds the region, is killed half-way through the
 * seeding; the next start must finish it (CI: 3 rounds; RELIABILITY_LONG=1: 20).
 */
const LONG = process.env['RELIABILITY_LONG'] === '1';
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? (LONG ? 500 : 20));
const WRITERS = 12;
const FIRST_START_ROUNDS = Number(process.env['CRASH_FIRST_START_ROUNDS'] ?? (LONG ? 20 : 3));

interface Pending {
  readonly token: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly streamOf: (answer: Record<string, unknown>) => string;
}


describe(`council-api killed with SIGKILL under concurrent mutations (${CYCLES} cycles)`, () => {
  let dataDir: string;
  let server: ApiProcess | undefined;
  let finished = false;
  let committer: string;
  let counterparty: string;
  const acknowledged = new Map<string, Acknowledged>();
  const seed = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
  const next = seededRandom(seed);
  const stats = { mutations: 0, retried: 0, recordedBeforeCrash: 0, killedStarting: 0 };

  beforeAll(async () => {
    dataDir = await makeDataDir('council-crash-');
    [committer, counterparty] = await Promise.all([tokenFor(COMMITTER), tokenFor(COUNTERPARTY)]);
  });

  afterAll(async () => {
    // On a timeout jest does not stop the test: the loop must not start servers no one will kill.
    finished = true;
    await server?.kill();
    if (dataDir) await removeDataDir(dataDir);
  });

  /** Sends one mutation; records the acknowledgement; throws only when no answer came. */
  async function send(p: Pending): Promise<Record<string, unknown>> {
    const answer: Answer = await gql(server!.url, p.token, p.query, p.variables);
    const field = Object.values(answer.body.data ?? {})[0] as Record<string, unknown> | null | undefined;
    if (answer.body.errors || !field) throw new Error(`refused: ${JSON.stringify(answer.body.errors)} (${p.variables['commandId']})`);
    const commandId = p.variables['commandId'] as string;
    acknowledged.set(commandId, { commandId, streamId: p.streamOf(field), revision: field['revision'] as number });
    stats.mutations++;
    return field;
  }

  /** One writer: proposes, has it accepted, reports on it, again, until the server dies under it. */
  async function writer(cycle: number, index: number, inFlight: Pending[]): Promise<void> {
    const base = `c${cycle}-w${index}`;
    for (let n = 0; ; n++) {
      let pending: Pending | undefined;
      try {
        pending = { token: committer, query: PROPOSE, variables: { input: proposal(`${base}-${n}`), commandId: `${base}-p${n}` }, streamOf: (a) => commitmentStream(a['id'] as string) };
        const id = (await send(pending))['id'] as string;
        const stream = () => commitmentStream(id);
        pending = { token: counterparty, query: ACCEPT, variables: { id, commandId: `${base}-a${n}`, expectedRevision: 0 }, streamOf: stream };
        let revision = (await send(pending))['revision'] as number;
        for (let k = 0; k < 4; k++) {
          pending = { token: committer, query: REPORT, variables: { id, input: report(k), commandId: `${base}-r${n}-${k}`, expectedRevision: revision }, streamOf: stream };
          revision = (await send(pending))['revision'] as number;
        }
      } catch (error) {
        if ((error as Error).message.startsWith('refused')) throw error;
        if (pending) inFlight.push(pending);
        return;
      }
    }
  }

  it('keeps every acknowledged command, whole, in an intact log, and read models equal to a rebuild', async () => {
    let inFlight: Pending[] = [];
    for (let cycle = 0; cycle < CYCLES && !finished; cycle++) {
      // Every fourth cycle the server also dies while starting (opening files, catching its read models up).
      if (cycle % 4 === 3) {
        const { signal } = await killDuringStart(dataDir, 200 + next() * 2_500);
        if (signal === 'SIGKILL') stats.killedStarting++;
      }
      server = await startApi(dataDir);
      // What was in flight at the last kill, sent again with its commandId: recorded once, answered now.
      for (const p of inFlight) {
        await send(p);
        stats.retried++;
      }
      inFlight = [];
      const writers = Array.from({ length: WRITERS }, (_, i) => writer(cycle, i, inFlight));
      await new Promise((wait) => setTimeout(wait, 50 + next() * 700));
      await server.kill();
      const outcomes = await Promise.allSettled(writers);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      expect(refused).toEqual([]);

      const log = await readLog(dataDir);
      // In flight and yet recorded: the kill fell between the commit and the answer. The retry must still answer it once.
      const logged = new Set(log.map((e) => e.metadata.commandId));
      stats.recordedBeforeCrash += inFlight.filter((p) => logged.has(p.variables['commandId'] as string)).length;
      expect({ cycle, seed, problems: logProblems(log, acknowledged.values()) }).toEqual({ cycle, seed, problems: [] });
      expect({ cycle, seed, readModels: await readModelDifference(dataDir) }).toEqual({ cycle, seed, readModels: null });
    }
    // The last restart catches the read models up to the head; a graceful stop leaves them equal to a rebuild.
    server = await startApi(dataDir);
    for (const p of inFlight) await send(p);
    await server.stop();
    server = undefined;
    const log = await readLog(dataDir);
    expect(logProblems(log, acknowledged.values())).toEqual([]);
    expect(await readModelDifference(dataDir)).toBeNull();
    expect(stats.mutations).toBeGreaterThan(CYCLES * WRITERS);
    process.stdout.write(
      `crash: ${CYCLES} SIGKILLs under load and ${stats.killedStarting} while starting (seed ${seed}), ${stats.mutations} acknowledged mutations, ${log.length} events; ` +
        `${stats.retried} in-flight commands sent again after restart (${stats.recordedBeforeCrash} had been recorded before the kill)\n`,
    );
    // A cycle is a server start (about 3 s on two idle cores, 10–15 s on busy ones) and a burst of under a second.
  }, CYCLES * 45_000 + 60_000);
});

describe(`council-api killed during its first start, while it seeds the demo region (${FIRST_START_ROUNDS} rounds)`, () => {
  /** What a log says, without what differs from run to run (event ids, and the hashes chained on them). */
  const facts = (log: readonly RecordedEvent[]) =>
    log.map((e) => `${e.position} ${e.streamId}@${e.revision} ${e.type} ${e.metadata.commandId} ${e.metadata.recordedAt} ${JSON.stringify(e.data)}`);

  it('finishes the seeding on the next start: the log as if seeded in one go, read models equal to a rebuild', async () => {
    // As the server seeds: the store stamps each step at the time the demo script sets on the shared clock.
    const clock = new FixedClock('2026-11-30T00:00:00Z');
    const reference = new SqliteEventStore({ path: ':memory:', clock });
    await seedDemoData(reference, clock);
    const whole = await reference.readAll();
    await reference.close();
    const seed = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    const next = seededRandom(seed);
    const cutAt: number[] = [];
    for (let round = 0; round < FIRST_START_ROUNDS; round++) {
      const dataDir = await makeDataDir('council-first-start-');
      try {
        // SIGKILL once the log holds a random share of the demo (the kill lands a little later).
        const target = 1 + Math.floor(next() * (whole.length - 1) * 0.8);
        const path = join(dataDir, 'events.sqlite');
        const head = () => {
          try {
            const db = new DatabaseSync(path, { readOnly: true });
            try {
              return (db.prepare('SELECT coalesce(max(position), 0) AS head FROM events').get() as { head: number }).head;
            } finally {
              db.close();
            }
          } catch {
            return 0; // not created yet
          }
        };
        const { signal } = await killDuringStart(dataDir, () => head() >= target, { DEMO_DATA: 'true' });
        expect(signal).toBe('SIGKILL');
        const cut = await readLog(dataDir);
        cutAt.push(cut.length);
        // What the kill left: a prefix of the demo that ends at the end of a command (none half-written).
        expect({ round, seed, log: facts(cut) }).toEqual({ round, seed, log: facts(whole.slice(0, cut.length)) });
        expect({ round, seed, endsMidCommand: cut.length > 0 && whole[cut.length]?.metadata.commandId === cut.at(-1)!.metadata.commandId }).toEqual({ round, seed, endsMidCommand: false });
        const server = await startApi(dataDir, { DEMO_DATA: 'true' }, 60_000);
        await server.stop();
        const log = await readLog(dataDir);
        // Positions without a gap and intact chains (the demo's acceptances by several counterparties are not the burst's shape).
        expect({ round, seed, problems: logProblems(log, []).filter((p) => !/^command demo-\d+ recorded /.test(p)) }).toEqual({ round, seed, problems: [] });
        // The demo first, whole and once; after it only what the running server adds (a seal, deadlines it sees missed).
        expect({ round, seed, log: facts(log.slice(0, whole.length)) }).toEqual({ round, seed, log: facts(whole) });
        expect(log.slice(whole.length).filter((e) => e.metadata.commandId?.startsWith('demo-'))).toEqual([]);
        expect({ round, seed, readModels: await readModelDifference(dataDir) }).toEqual({ round, seed, readModels: null });
      } finally {
        await removeDataDir(dataDir);
      }
    }
    // The kills did land inside the seeding, not before or after it.
    expect(cutAt.filter((n) => n > 0 && n < whole.length)).toHaveLength(FIRST_START_ROUNDS);
    process.stdout.write(`crash: ${FIRST_START_ROUNDS} first starts killed while seeding the demo (${whole.length} events) after ${cutAt.join(', ')} events (seed ${seed}); each finished by the next start\n`);
  }, FIRST_START_ROUNDS * 90_000 + 30_000);
});
