import { type Actor, type Clock, ConcurrencyError, type EventStore } from '@council/platform/event-sourcing';
import { emptyLog, extendLogHash, type LogState, nextSeal, SEAL_STREAM, type Seal, sealData, sealOf } from '@council/audit/domain';
import { readLog } from '../log/read-log.js';

export const SEALER: Actor = { subject: 'log-sealer', roles: ['system'], name: 'Log sealer' };

/** The newest seal recorded in the log, and the seal stream's revision. */
export async function latestSeal(store: EventStore): Promise<{ seal: Seal | null; revision: bigint | 'no_stream' }> {
  const [last] = await store.readStream(SEAL_STREAM, { direction: 'backwards', maxCount: 1 });
  return last ? { seal: sealOf(last), revision: last.revision } : { seal: null, revision: 'no_stream' };
}

/**
 * Seals the log up to its head: extends the newest seal's log hash over the events
 * recorded since, and records the new seal in SEAL_STREAM with the exact expected
 * revision, so two nodes sealing at once cannot fork the chain (the loser retries).
 */
export async function sealLog(store: EventStore, clock: Clock, actor: Actor, onProgress?: (done: bigint, total: bigint) => void): Promise<Seal> {
  for (let attempt = 1; ; attempt++) {
    const { seal: previous, revision } = await latestSeal(store);
    const head = await store.headPosition();
    let state: LogState = previous ?? emptyLog();
    for await (const page of readLog(store, { after: state.position, upTo: head })) {
      for (const e of page) state = extendLogHash(state, e);
      onProgress?.(state.position, head);
    }
    const seal = nextSeal(previous, { ...state, position: head }, clock.now());
    try {
      await store.appendToStream(SEAL_STREAM, [{ type: 'LogSealed', data: sealData(seal), metadata: { actor } }], { expectedRevision: revision });
      return seal;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
    }
  }
}
