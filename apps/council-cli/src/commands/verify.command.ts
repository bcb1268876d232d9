import { Command, CommandRunner, Option } from 'nest-commander';
import { type LogReport, parseSealReference, type SealRef } from '@council/audit/domain';
import { verifyLog } from '@council/audit/feature';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { readModelFileDigests, SqliteReadModels } from '@council/platform/read-model-sqlite';
import type { EventStore } from '@council/platform/event-sourcing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, type CommonOptions, dataDirOf, emit, openStore, progressBar, runCommand } from '../cli-support.js';

interface VerifyOptions extends CommonOptions {
  readonly seal?: SealRef[];
  readonly skipReadModels?: boolean;
}

interface ReadModelComparison {
  readonly ok: boolean;
  /** The position both sides stand at: the live file's checkpoint, or the head when there is no file. */
  readonly position: bigint;
  readonly file: string | null;
  readonly tables: { table: string; live: string | null; rebuilt: string; equal: boolean }[];
}

/**
 * The server's read-model file (read-only, at its own checkpoint) against a rebuild from the log
 * up to that checkpoint, in memory. Without a file (EventStoreDB, another node), the rebuild's
 * digests alone: compare them with another node's.
 */
async function compareReadModels(store: EventStore, file: string, head: bigint): Promise<ReadModelComparison> {
  const live = existsSync(file) ? readModelFileDigests(file) : null;
  const position = live?.position ?? head;
  const fresh = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection], upTo: position });
  const rebuilt = fresh.digests();
  await fresh.close();
  const tables = Object.entries(rebuilt).map(([table, digest]) => ({ table, live: live ? (live.digests[table] ?? null) : null, rebuilt: digest, equal: !live || live.digests[table] === digest }));
  const extra = live ? Object.keys(live.digests).filter((t) => !(t in rebuilt)) : [];
  return { ok: tables.every((t) => t.equal) && extra.length === 0, position, file: live ? file : null, tables };
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
        const readModels = options.skipReadModels ? null : await compareReadModels(store, join(dataDirOf(options), 'read-models.sqlite'), report.headPosition);
        const ok = report.ok && (readModels?.ok ?? true);
        emit(options, { ...report, ok, readModels }, describe(report, readModels));
        return ok ? 0 : 1;
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

  @Option({ flags: '--skip-read-models', description: 'check the log only, not the server’s read models against a rebuild' })
  parseSkipReadModels(): boolean {
    return true;
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

function describe(report: LogReport, readModels: ReadModelComparison | null): string {
  const lines = [
    `${report.ok ? 'OK' : 'FAILED'}: ${report.events} events in ${report.streams} streams, head position ${report.headPosition}`,
    `log hash: ${report.logHash}`,
    ...report.seals.map((s) => `seal ${s.outside ? 'held outside' : `#${s.sequence}`} at position ${s.position} ${s.hash.slice(0, 16)}…: ${s.ok ? 'holds' : 'BROKEN'}`),
    ...(readModels
      ? [
          readModels.file ? `read models ${readModels.file} at position ${readModels.position} against a rebuild: ${readModels.ok ? 'equal' : 'DIFFERENT'}` : `read models rebuilt up to position ${readModels.position} (no read-model file to compare with):`,
          ...readModels.tables.map((t) => `  ${t.table}: ${t.rebuilt}${t.live !== null && !t.equal ? ` ≠ live ${t.live}` : ''}`),
        ]
      : []),
  ];
  const [first] = report.problems;
  if (first) {
    lines.push(`first bad event: position ${first.position}${first.streamId ? `, stream ${first.streamId}` : ''}${first.revision !== null ? `, revision ${first.revision}` : ''}: ${first.message}`);
    for (const p of report.problems.slice(1, 20)) lines.push(`  also at position ${p.position}: ${p.message}`);
    if (report.problems.length > 20 || report.moreProblems) lines.push('  … (--json lists up to 100)');
  }
  return lines.join('\n');
}
