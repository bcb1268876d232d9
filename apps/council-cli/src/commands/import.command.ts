import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command, CommandRunner, Option } from 'nest-commander';
import { LogVerifier, SEAL_STREAM } from '@council/audit/domain';
import { type EventStore, FixedClock, type RecordedEvent } from '@council/platform/event-sourcing';
import { CliError, type CommonOptions, dataDirOf, emit, eventLogPath, openStore, progressBar, runCommand } from '../cli-support.js';
import { fromLogLine } from '../log-lines.js';

const BATCH = 1_000;

@Command({ name: 'import', arguments: '<file>', description: 'Load an export into an empty store, checking every hash and seal; refuse at the first mismatch' })
export class ImportCommand extends CommandRunner {
  async run([file]: string[], options: CommonOptions): Promise<void> {
    await runCommand(async () => {
      if (!file || !existsSync(file)) throw new CliError(`no export file ${file ?? ''}`);
      const { seals, lines } = await survey(file);
      const target = eventLogPath(dataDirOf(options));
      const created = !process.env['EVENTSTORE_URL'] && !existsSync(target);
      const clock = new FixedClock(new Date(0));
      const { store, adapter } = await openStore(options, { create: true, clock });
      // SQLite writes queued appends in order; a server such as EventStoreDB may race them, so one at a time.
      const inOrder = adapter !== 'sqlite';
      let done = false;
      try {
        if ((await store.headPosition()) !== 0n) throw new CliError('the target store is not empty: import only into an empty store');
        const verifier = new LogVerifier({ seals, contiguousPositions: false });
        const bar = progressBar(options, 'import');
        const pending: RecordedEvent[] = [];
        let imported = 0;
        let lastStored = 0n;
        let lineNumber = 0;
        for await (const text of lines()) {
          lineNumber++;
          if (text.trim() === '') continue;
          const e = parseLine(text, lineNumber);
          verifier.add(e);
          const [problem] = verifier.problemsSoFar();
          if (problem) throw new CliError(`refused at line ${lineNumber} (position ${problem.position}${problem.streamId ? `, ${problem.streamId} revision ${problem.revision}` : ''}): ${problem.message}`, 1);
          pending.push(e);
          if (pending.length >= BATCH) {
            lastStored = await writeBatch(store, clock, pending.splice(0), lastStored, inOrder);
            imported += BATCH;
            bar.update(lineNumber, lines.count);
          }
        }
        imported += pending.length;
        await writeBatch(store, clock, pending, lastStored, inOrder);
        bar.stop();
        const report = verifier.finish();
        if (!report.ok) {
          const [first] = report.problems;
          throw new CliError(`refused: ${first?.message ?? 'the export does not verify'}`, 1);
        }
        done = true;
        emit(options, { imported, headPosition: await store.headPosition(), logHash: report.logHash, seals: report.seals.length }, `${imported} events imported, every hash and ${report.seals.length} seal(s) checked; log hash ${report.logHash}`);
      } finally {
        await store.close();
        if (!done && created) await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${target}${suffix}`, { force: true })));
      }
    });
  }

  @Option({ flags: '-d, --data-dir <dir>', description: 'the data directory of the new store (default: DATA_DIR or ./data)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the summary as JSON' })
  parseJson(): boolean {
    return true;
  }
}

function parseLine(text: string, lineNumber: number): RecordedEvent {
  try {
    return fromLogLine(text, lineNumber);
  } catch (error) {
    throw new CliError(`refused: ${(error as Error).message}`, 1);
  }
}

/** First pass: the seals (few) and the number of lines, so the second pass can verify seals and show progress. */
async function survey(file: string) {
  const seals: RecordedEvent[] = [];
  let count = 0;
  const read = () => createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of read()) {
    count++;
    if (text.includes(`"streamId":"${SEAL_STREAM}"`)) seals.push(parseLine(text, count));
  }
  return { seals: seals.filter((e) => e.streamId === SEAL_STREAM), lines: Object.assign(read, { count }) };
}

/**
 * Appends each event through the port with the clock set to its recordedAt and its own id and
 * metadata, so the store computes the same hash; then reads the batch back and compares.
 */
async function writeBatch(store: EventStore, clock: FixedClock, events: readonly RecordedEvent[], after: bigint, inOrder: boolean): Promise<bigint> {
  if (events.length === 0) return after;
  const append = (group: readonly RecordedEvent[]) => {
    const first = group[0]!;
    clock.set(first.metadata.recordedAt);
    const newEvents = group.map((e) => {
      const { recordedAt: _recordedAt, ...metadata } = e.metadata;
      return { id: e.id, type: e.type, data: e.data, metadata };
    });
    return store.appendToStream(first.streamId, newEvents, { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n });
  };
  const groups = appends(events);
  if (inOrder) for (const group of groups) await append(group);
  else await Promise.all(groups.map(append));
  const stored = await store.readAll({ after, maxCount: events.length });
  stored.forEach((s, i) => {
    const e = events[i]!;
    if (s.id !== e.id || s.hash !== e.hash)
      throw new CliError(`refused: ${e.streamId} revision ${e.revision} (exported position ${e.position}) was stored with hash ${s.hash.slice(0, 12)}…, the export says ${e.hash.slice(0, 12)}…`, 1);
  });
  return stored[stored.length - 1]!.position;
}

/** Consecutive events of one stream recorded at the same moment were one append: write them as one again. */
function appends(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const groups: RecordedEvent[][] = [];
  for (const e of events) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && last.streamId === e.streamId && last.metadata.recordedAt === e.metadata.recordedAt && last.revision + 1n === e.revision) group.push(e);
    else groups.push([e]);
  }
  return groups;
}
