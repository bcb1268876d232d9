import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type Clock, type EventStore, SystemClock } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';

/** A failure the user can act on, with the exit status to end with (1: the record is wrong, 2: usage or I/O). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export const dataDirOf = (options: CommonOptions) => resolve(options.dataDir ?? process.env['DATA_DIR'] ?? './data');
export const eventLogPath = (dataDir: string) => join(dataDir, 'events.sqlite');

export interface OpenedStore {
  readonly store: EventStore;
  readonly adapter: 'sqlite' | 'esdb';
  /** The SQLite file, when the log is embedded. */
  readonly path?: string;
}

/**
 * The log the server uses: EventStoreDB when EVENTSTORE_URL is set, else DATA_DIR/events.sqlite
 * (which must exist, unless `create`: an import makes a new one).
 */
export async function openStore(options: CommonOptions, { create = false, clock = new SystemClock() as Clock, path }: { create?: boolean; clock?: Clock; path?: string } = {}): Promise<OpenedStore> {
  const url = process.env['EVENTSTORE_URL'];
  if (url && !path) {
    const { EsdbEventStore } = await import('@council/platform/event-store-esdb');
    return { store: new EsdbEventStore({ connectionString: url, clock }), adapter: 'esdb' };
  }
  const file = path ?? eventLogPath(dataDirOf(options));
  if (!create && !existsSync(file)) throw new CliError(`no event log at ${file}: set DATA_DIR or --data-dir to the server's data directory`);
  if (create) await mkdir(resolve(file, '..'), { recursive: true });
  // NORMAL: a CLI writing a whole log (import) need not fsync every batch; the file is checked after.
  return { store: new SqliteEventStore({ path: file, clock, synchronous: create ? 'NORMAL' : 'FULL' }), adapter: 'sqlite', path: file };
}

/** A progress bar with rate and ETA on stderr, when a person is watching (a TTY, no --json). */
export function progressBar(options: CommonOptions, label: string, unit = 'events') {
  if (options.json || !process.stderr.isTTY) return { update: (_done: number, _total: number) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(done: number, total: number) {
      const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000)).toLocaleString('en');
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else bar.update(done, { rate });
    },
    stop: () => running && bar.stop(),
  };
}

/** Prints the result: JSON for scripts, or text for people. */
export function emit(options: CommonOptions, json: unknown, text: string): void {
  process.stdout.write(options.json ? `${JSON.stringify(json, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n` : `${text}\n`);
}

/** Runs a command body, turning failures into a message and an exit status. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await body()) ?? 0;
  } catch (error) {
    const cli = error instanceof CliError ? error : null;
    process.stderr.write(`council: ${cli ? cli.message : (error as Error).stack ?? String(error)}\n`);
    process.exitCode = cli?.exitCode ?? 2;
  }
}

export const parseBigInt = (flag: string) => (value: string) => {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} must be a whole number (got ${value})`);
  return BigInt(value);
};

export const parseDate = (flag: string) => (value: string) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CliError(`${flag} must be an ISO 8601 date or time (got ${value})`);
  return date;
};
