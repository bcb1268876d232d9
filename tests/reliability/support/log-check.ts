import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { type RecordedEvent, verifyStreamChain } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';

/** The projections council-api runs (apps/council-api/src/app.module.ts). */
export const APP_PROJECTIONS = [commitmentViewProjection];

/** What a caller was told: this command is recorded, and its stream stood at `revision` after it. */
export interface Acknowledged {
  readonly commandId: string;
  readonly streamId: string;
  readonly revision: number;
}

/** How many events each kind of command records, told by the first event's type. */
export const EVENTS_PER_COMMAND: Readonly<Record<string, readonly string[]>> = {
  CommitmentProposed: ['CommitmentProposed'],
  // One counterparty: its acceptance activates the commitment, in the same append.
  CommitmentAccepted: ['CommitmentAccepted', 'CommitmentActivated'],
  ProgressReported: ['ProgressReported'],
};

/**
 * Everything that must hold of a log after any crash; an empty list when it does.
 * Positions 1…head without a gap; every stream's hash chain intact; every command's
 * events in one stream, consecutive, and all of them (none half-written); every
 * acknowledged command there, ending at the revision the caller was told.
 */
export function logProblems(events: readonly RecordedEvent[], acknowledged: Iterable<Acknowledged>): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.position !== BigInt(i + 1)) problems.push(`position ${i + 1} is missing (found ${e.position})`);
  });
  const streams = new Map<string, RecordedEvent[]>();
  const commands = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    const id = e.metadata.commandId;
    if (id) commands.set(id, [...(commands.get(id) ?? []), e]);
  }
  for (const stream of streams.values()) {
    const broken = verifyStreamChain(stream);
    if (broken) problems.push(`hash chain of ${broken.streamId} breaks at revision ${broken.revision}: ${broken.reason}`);
  }
  for (const [id, recorded] of commands) {
    const expected = EVENTS_PER_COMMAND[recorded[0]!.type];
    if (!expected) continue;
    const types = recorded.map((e) => e.type);
    if (JSON.stringify(types) !== JSON.stringify(expected)) problems.push(`command ${id} recorded ${types.join(', ')}; expected ${expected.join(', ')}`);
    if (new Set(recorded.map((e) => e.streamId)).size !== 1) problems.push(`command ${id} spans streams`);
    recorded.forEach((e, i) => {
      if (i > 0 && e.revision !== recorded[i - 1]!.revision + 1n) problems.push(`command ${id} is not consecutive in its stream`);
    });
  }
  for (const ack of acknowledged) {
    const recorded = commands.get(ack.commandId);
    if (!recorded) {
      problems.push(`acknowledged command ${ack.commandId} is not in the log`);
      continue;
    }
    const last = recorded[recorded.length - 1]!;
    if (last.streamId !== ack.streamId || last.revision !== BigInt(ack.revision))
      problems.push(`acknowledged command ${ack.commandId} answered ${ack.streamId}@${ack.revision}, the log has ${last.streamId}@${last.revision}`);
  }
  return problems;
}

/** Reads the whole log of a data directory (the server must not be running). */
export async function readLog(dataDir: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  try {
    const all: RecordedEvent[] = [];
    for (;;) {
      const page = await store.readAll({ after: all.at(-1)?.position ?? 0n, maxCount: 5_000 });
      all.push(...page);
      if (page.length < 5_000) return all;
    }
  } finally {
    await store.close();
  }
}

/**
 * The read models of a data directory as a crash left them, compared with a fresh
 * rebuild from the log up to the same checkpoint. Null when they are equal.
 */
export async function readModelDifference(dataDir: string): Promise<{ checkpoint: bigint; live: Record<string, string>; rebuilt: Record<string, string> } | null> {
  const path = join(dataDir, 'read-models.sqlite');
  const db = new DatabaseSync(path);
  let checkpoint: bigint;
  try {
    const row = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number } | undefined;
    checkpoint = BigInt(row?.position ?? 0);
  } finally {
    db.close();
  }
  const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  try {
    const models = await SqliteReadModels.open({ path, store, projections: APP_PROJECTIONS, upTo: checkpoint });
    try {
      if (models.position() !== checkpoint) throw new Error(`read models moved from ${checkpoint} to ${models.position()}`);
      const live = models.digests();
      const rebuilt = await models.rebuildDigests();
      return JSON.stringify(live) === JSON.stringify(rebuilt) ? null : { checkpoint, live, rebuilt };
    } finally {
      await models.close();
    }
  } finally {
    await store.close();
  }
}
