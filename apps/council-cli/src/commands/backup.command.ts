import { existsSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { verifyLog } from '@council/audit/feature';
import { backupEventLog, SqliteEventStore } from '@council/platform/event-store-sqlite';
import { CliError, type CommonOptions, dataDirOf, emit, eventLogPath, progressBar, runCommand } from '../cli-support.js';

@Command({ name: 'backup', arguments: '<file>', description: 'Copy the embedded event log while the server runs (SQLite online backup), then verify the copy' })
export class BackupCommand extends CommandRunner {
  async run([file]: string[], options: CommonOptions): Promise<void> {
    await runCommand(async () => {
      if (process.env['EVENTSTORE_URL']) throw new CliError('backup copies the embedded SQLite log; back EventStoreDB up with its own tools, or use council export');
      const source = eventLogPath(dataDirOf(options));
      if (!existsSync(source)) throw new CliError(`no event log at ${source}`);
      if (!file) throw new CliError('say where to write the backup');
      if (existsSync(file)) throw new CliError(`${file} exists: a backup never overwrites a file`);
      const bar = progressBar(options, 'backup', 'pages');
      const pages = await backupEventLog(source, file, (p) => bar.update(p.totalPages - p.remainingPages, p.totalPages));
      bar.stop();
      const copy = new SqliteEventStore({ path: file });
      try {
        const report = await verifyLog(copy, { contiguousPositions: true });
        emit(options, { file, pages, events: report.events, headPosition: report.headPosition, logHash: report.logHash, ok: report.ok }, `${file}: ${pages} pages, ${report.events} events up to position ${report.headPosition}, ${report.ok ? 'verified' : 'DOES NOT VERIFY'}; log hash ${report.logHash}`);
        return report.ok ? 0 : 1;
      } finally {
        await copy.close();
      }
    });
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
