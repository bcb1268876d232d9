import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { readLog } from '@council/audit/feature';
import { commitmentViewProjection, currentViews, type RegionOverview, regionOverview } from '@council/commitments/read-models';
import { type EventStore, vietnamDate } from '@council/platform/event-sourcing';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { emptyRegion, evolveRegion, REGION_STREAM, type RegionEvent } from '@council/region/domain';
import { CliError, type CommonOptions, dataDirOf, emit, openStore, parseBigInt, parseDate, progressBar, runCommand } from '../cli-support.js';

interface ReplayOptions extends CommonOptions {
  readonly position?: bigint;
  readonly asOf?: Date;
  readonly out?: string;
  readonly asTheyWere?: boolean;
}

@Command({ name: 'replay', description: 'Rebuild the read models as of a position or a moment into a separate file and print the region overview' })
export class ReplayCommand extends CommandRunner {
  async run(_params: string[], options: ReplayOptions): Promise<void> {
    await runCommand(async () => {
      if (options.position !== undefined && options.asOf) throw new CliError('give --position or --as-of, not both');
      const { store } = await openStore(options);
      try {
        const head = await store.headPosition();
        const upTo = options.position ?? (options.asOf ? await lastKnownAt(store, options.asOf, head, options) : head);
        if (upTo > head) throw new CliError(`the log ends at position ${head}, before ${upTo}`);
        const out = options.out ?? join(dataDirOf(options), `replay-${upTo}.sqlite`);
        if (existsSync(out)) throw new CliError(`${out} exists: a replay goes into a new file`);
        const models = await SqliteReadModels.open({ path: out, store, projections: [commitmentViewProjection], upTo });
        try {
          const [at] = upTo === 0n ? [] : await store.readAll({ after: upTo - 1n, maxCount: 1 });
          const moment = options.asOf ?? (at ? new Date(at.metadata.recordedAt) : new Date(0));
          const region = (await store.readStream(REGION_STREAM)).filter((e) => e.position <= upTo).reduce((r, e) => evolveRegion(r, e as unknown as RegionEvent), emptyRegion());
          const overview = regionOverview(models.read(currentViews), vietnamDate(moment), region, { provinces: options.asTheyWere ? 'as-they-were' : 'as-they-are' });
          emit(options, { position: upTo, file: out, digests: models.digests(), overview }, describe(overview, upTo, out));
        } finally {
          await models.close();
        }
      } finally {
        await store.close();
      }
    });
  }

  @Option({ flags: '--position <n>', description: 'replay up to this log position (default: the head)' })
  parsePosition(value: string): bigint {
    return parseBigInt('--position')(value);
  }

  @Option({ flags: '--as-of <time>', description: 'replay what the platform knew at this moment (recorded at or before)' })
  parseAsOf(value: string): Date {
    return parseDate('--as-of')(value);
  }

  @Option({ flags: '-o, --out <file>', description: 'the new read-model file (default DATA_DIR/replay-<position>.sqlite)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--as-they-were', description: 'count provinces as they were then, not as they are after mergers' })
  parseAsTheyWere(): boolean {
    return true;
  }

  @Option({ flags: '-d, --data-dir <dir>', description: 'the server’s data directory (default: DATA_DIR or ./data)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the overview as JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** The last position before the first event recorded after `moment`: the log as the platform knew it then. */
async function lastKnownAt(store: EventStore, moment: Date, head: bigint, options: CommonOptions): Promise<bigint> {
  const bar = progressBar(options, 'find');
  let last = 0n;
  try {
    for await (const page of readLog(store, { upTo: head, pageSize: 5_000 })) {
      for (const e of page) {
        if (Date.parse(e.metadata.recordedAt) > moment.getTime()) return last;
        last = e.position;
      }
      bar.update(Number(last), Number(head));
    }
    return last;
  } finally {
    bar.stop();
  }
}

function describe(o: RegionOverview, position: bigint, file: string): string {
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
  return [
    `Region overview on ${o.today}, from the log up to position ${position} (read models in ${file})`,
    ...o.tracks.map((t) => `  ${t.track.padEnd(10)} ${String(t.total).padStart(4)} commitments · on time ${pct(t.onTimeRate).padStart(4)} · ${Object.entries(t.bySchedule).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(', ')}`),
    `  matrix: ${o.matrix.cells.length} committer→counterparty pairs across ${o.matrix.provinces.length} provinces`,
    `  overdue: ${o.overdue.length}${o.overdue[0] ? ` (longest: ${o.overdue[0].title}, ${o.overdue[0].daysOverdue} days)` : ''}`,
  ].join('\n');
}
