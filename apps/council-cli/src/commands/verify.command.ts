import { Command, CommandRunner, Option } from 'nest-commander';
import { type LogReport, parseSealReference, type SealRef } from '@council/audit/domain';
import { verifyLog } from '@council/audit/feature';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { CliError, type CommonOptions, emit, openStore, progressBar, runCommand } from '../cli-support.js';

interface VerifyOptions extends CommonOptions {
  readonly seal?: SealRef[];
}

@Command({ name: 'verify', description: 'Check every hash chain, position and seal of the log (and seals held outside); exit 1 when anything is wrong' })
export class VerifyCommand extends CommandRunner {
  async run(_params: string[], options: VerifyOptions): Promise<void> {
    await runCommand(async () => {
      const { store, adapter } = await openStore(options);
      try {
        const bar = progressBar(options, 'verify');
        const report = await verifyLog(store, { outside: options.seal ?? [], contiguousPositions: adapter === 'sqlite', onProgress: (d, t) => bar.update(Number(d), Number(t)) });
        bar.stop();
        // A fresh rebuild of the read models from this log: two nodes (or a backup) that agree show equal digests.
        const models = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection], upTo: report.headPosition });
        const digests = models.digests();
        await models.close();
        emit(options, { ...report, readModelDigests: digests }, describe(report, digests));
        return report.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
  }

  @Option({ flags: '--seal <hash@position>', description: 'a seal held outside the platform (repeatable)' })
  parseSeal(value: string, previous: SealRef[] = []): SealRef[] {
    try {
      return [...previous, parseSealReference(value)];
    } catch (error) {
      throw new CliError(`--seal: ${(error as Error).message}`);
    }
  }

  @Option({ flags: '-d, --data-dir <dir>', description: 'the server’s data directory (default: DATA_DIR or ./data)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}

function describe(report: LogReport, digests: Record<string, string>): string {
  const lines = [
    `${report.ok ? 'OK' : 'FAILED'}: ${report.events} events in ${report.streams} streams, head position ${report.headPosition}`,
    `log hash: ${report.logHash}`,
    ...report.seals.map((s) => `seal ${s.outside ? 'held outside' : `#${s.sequence}`} at position ${s.position} ${s.hash.slice(0, 16)}…: ${s.ok ? 'holds' : 'BROKEN'}`),
    ...Object.entries(digests).map(([table, digest]) => `read model ${table}: ${digest}`),
  ];
  const [first] = report.problems;
  if (first) {
    lines.push(`first bad event: position ${first.position}${first.streamId ? `, stream ${first.streamId}` : ''}${first.revision !== null ? `, revision ${first.revision}` : ''}: ${first.message}`);
    for (const p of report.problems.slice(1, 20)) lines.push(`  also at position ${p.position}: ${p.message}`);
    if (report.problems.length > 20 || report.moreProblems) lines.push('  … (--json lists up to 100)');
  }
  return lines.join('\n');
}
