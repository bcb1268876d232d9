import type { EventStore, ReadModels } from '@council/platform/event-sourcing';
import { type LogReport, LogVerifier, SEAL_STREAM, type SealRef } from '@council/audit/domain';

export interface VerifyLogOptions {
  readonly outside?: readonly SealRef[];
  /** Whether positions are 1, 2, 3… (the SQLite adapter), so a gap is a removed event. */
  readonly contiguousPositions: boolean;
  readonly onProgress?: (done: bigint, total: bigint) => void;
}

/**
 * One pass over the log up to its head as the pass starts: every stream's chain, positions, every
 * seal recorded in it and every seal held outside. Memory grows with streams, not events. The
 * events are read as stored (`readAllRecords`): their text is hashed, never parsed.
 */
export async function verifyLog(store: EventStore, options: VerifyLogOptions): Promise<LogReport> {
  const head = await store.headPosition();
  const seals = (await store.readStream(SEAL_STREAM)).filter((e) => e.position <= head);
  const verifier = new LogVerifier({ seals, outside: options.outside ?? [], contiguousPositions: options.contiguousPositions });
  for (let after = 0n; after < head; ) {
    const page = await store.readAllRecords({ after, upTo: head, maxCount: PAGE });
    if (page.length === 0) break;
    for (const record of page) verifier.addRecord(record);
    after = page[page.length - 1]!.position;
    options.onProgress?.(after, head);
  }
  return verifier.finish();
}

const PAGE = 1_000;

export interface TableDigest {
  readonly table: string;
  readonly live: string | null;
  readonly rebuilt: string | null;
  readonly equal: boolean;
}

export interface ReadModelCheck {
  readonly ok: boolean;
  readonly position: bigint;
  readonly tables: readonly TableDigest[];
  /** Why nothing was compared (the read models cannot digest themselves). */
  readonly skipped?: string;
}

/** Read models that can digest themselves and a fresh rebuild (SqliteReadModels can). */
interface DigestingReadModels extends ReadModels {
  digests(): Record<string, string>;
  rebuildDigests(): Promise<Record<string, string>>;
}

const digesting = (models: ReadModels): models is DigestingReadModels =>
  typeof (models as Partial<DigestingReadModels>).digests === 'function' && typeof (models as Partial<DigestingReadModels>).rebuildDigests === 'function';

/** The live read models against a fresh rebuild from the log up to the same position. */
export async function checkReadModels(models: ReadModels): Promise<ReadModelCheck> {
  if (!digesting(models)) return { ok: true, position: models.position(), tables: [], skipped: 'these read models cannot compute digests' };
  // Both at one position: the live digests are read and the rebuild's bound is fixed before any await.
  const position = models.position();
  const live = models.digests();
  const rebuilt = await models.rebuildDigests();
  const tables = [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])].sort().map((table) => ({
    table,
    live: live[table] ?? null,
    rebuilt: rebuilt[table] ?? null,
    equal: live[table] !== undefined && live[table] === rebuilt[table],
  }));
  return { ok: tables.every((t) => t.equal), position, tables };
}
