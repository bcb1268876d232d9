/**
 * A projector process that dies with SIGKILL inside a read-model transaction: while
 * applying the event at position `killAt`, after the earlier events of its batch were
 * applied and before the checkpoint commits. With `from`, the read-model file is first
 * built up to that position (and closed), so the kill lands in a catch-up of a file that
 * answers; without it, in the build of a new file. Started by redelivery.spec.ts (dist build).
 */
import type { Projection } from '@council/platform/event-sourcing';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { APP_PROJECTIONS } from './log-check.js';

const [eventsPath, readModelsPath, killAt, batchSize, from] = [process.argv[2]!, process.argv[3]!, BigInt(process.argv[4]!), Number(process.argv[5]), process.argv[6]];
const dying: Projection[] = APP_PROJECTIONS.map((p) => ({
  ...p,
  schema: p.schema,
  streamPrefixes: p.streamPrefixes,
  apply: (db, event) => {
    p.apply(db, event);
    if (event.position === killAt) process.kill(process.pid, 'SIGKILL');
  },
}));
const store = new SqliteEventStore({ path: eventsPath });
if (from !== undefined) await (await SqliteReadModels.open({ path: readModelsPath, store, projections: APP_PROJECTIONS, upTo: BigInt(from) })).close();
await SqliteReadModels.open({ path: readModelsPath, store, projections: dying, batchSize, upTo: killAt + 1_000n });
process.exit(3); // never reached when killAt is in the log
