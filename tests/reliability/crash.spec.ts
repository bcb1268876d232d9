import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { commitmentStream } from '@council/commitments/domain';
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
 */
const LONG = process.env['RELIABILITY_LONG'] === '1';
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? (LONG ? 500 : 20));
const WRITERS = 12;

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
