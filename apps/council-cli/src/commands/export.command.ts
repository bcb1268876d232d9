import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command, CommandRunner, Option } from 'nest-commander';
import { type AuditFilter, matchesAuditFilter } from '@council/audit/domain';
import { readLog } from '@council/audit/feature';
import { CliError, type CommonOptions, emit, openStore, parseDate, progressBar, runCommand } from '../cli-support.js';
import { toLogLine } from '../log-lines.js';
import { openDataExport } from '../open-data/open-data-export.js';

interface ExportOptions extends CommonOptions {
  readonly out?: string;
  readonly format?: 'jsonl' | 'iati' | 'ocds';
  readonly stream?: string;
  readonly type?: string[];
  readonly actor?: string;
  readonly province?: string;
  readonly from?: Date;
  readonly to?: Date;
}

@Command({ name: 'export', description: 'Write the log (or a filtered part) as JSON Lines with hashes, or commitments as IATI or OCDS open data' })
export class ExportCommand extends CommandRunner {
  async run(_params: string[], options: ExportOptions): Promise<void> {
    await runCommand(async () => {
      const { store } = await openStore(options);
      const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
      try {
        const head = await store.headPosition();
        const bar = progressBar({ ...options, json: options.json || !options.out }, 'export');
        let written = 0;
        const write = async (text: string) => {
          if (!out.write(`${text}\n`)) await once(out, 'drain');
        };
        if (options.format === 'iati' || options.format === 'ocds') {
          written = await openDataExport(store, options.format, head, write, (d) => bar.update(Number(d), Number(head)));
        } else {
          const { stream: streamId, type: eventTypes, actor, province, from, to } = options;
          const filter: AuditFilter = { streamId, eventTypes, actor, province, from, to };
          const storeFilter = { ...(streamId && { streamPrefixes: [streamId] }), ...(eventTypes?.length && { eventTypes }) };
          for await (const page of readLog(store, { upTo: head, filter: storeFilter, pageSize: 5_000 })) {
            for (const e of page) {
              if (!matchesAuditFilter(e, filter)) continue;
              await write(toLogLine(e));
              written++;
            }
            bar.update(Number(page[page.length - 1]!.position), Number(head));
          }
        }
        bar.stop();
        if (options.out) {
          out.end();
          await once(out, 'finish');
          emit(options, { file: options.out, written, headPosition: head, format: options.format ?? 'jsonl' }, `${written} ${options.format && options.format !== 'jsonl' ? 'records' : 'events'} up to position ${head} written to ${options.out}`);
        }
      } finally {
        await store.close();
      }
    });
  }

  @Option({ flags: '-o, --out <file>', description: 'write here (default: standard output)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'jsonl (the log, default), iati (activities) or ocds (contracting processes)' })
  parseFormat(value: string): string {
    if (!['jsonl', 'iati', 'ocds'].includes(value)) throw new CliError(`--format must be jsonl, iati or ocds (got ${value})`);
    return value;
  }

  @Option({ flags: '--stream <id>', description: 'only this stream' })
  parseStream(value: string): string {
    return value;
  }

  @Option({ flags: '--type <type>', description: 'only this event type (repeatable)' })
  parseType(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--actor <subject>', description: 'only events recorded by this actor' })
  parseActor(value: string): string {
    return value;
  }

  @Option({ flags: '--province <code>', description: 'only events recorded by an official of this province' })
  parseProvince(value: string): string {
    return value;
  }

  @Option({ flags: '--from <time>', description: 'only events recorded at or after' })
  parseFrom(value: string): Date {
    return parseDate('--from')(value);
  }

  @Option({ flags: '--to <time>', description: 'only events recorded at or before' })
  parseTo(value: string): Date {
    return parseDate('--to')(value);
  }

  @Option({ flags: '-d, --data-dir <dir>', description: 'the server’s data directory (default: DATA_DIR or ./data)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the summary as JSON' })
  parseJson(): boolean {
    return true;
  }
}
