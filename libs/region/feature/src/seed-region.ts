import { type Actor, type Clock, type EventStore, handleCommand } from '@council/platform/event-sourcing';
import { REGION_STREAM, type RegionCommand, regionDecider, SOUTHEAST_REGION } from '@council/region/domain';

/** Who records the reference data a fresh platform starts with. */
export const REFERENCE_DATA_ACTOR: Actor = { subject: 'reference-data', roles: ['council'], name: 'Dữ liệu tham chiếu vùng Đông Nam Bộ' };

/**
 * Records the Southeast region's reference data (provinces, memberships, projects, the
 * 2025 mergers) when the region stream is empty. Each fact carries the day it took
 * effect; it is recorded at the clock's time. Safe to run on every start and on several
 * nodes at once: each step has a commandId, and the first writer wins.
 */
export async function seedRegionReferenceData(store: EventStore, clock: Clock): Promise<number> {
  if ((await store.readStream(REGION_STREAM, { maxCount: 1 })).length > 0) return 0;
  let recorded = 0;
  for (const [index, { command }] of SOUTHEAST_REGION.entries()) {
    const result = await handleCommand(store, regionDecider, REGION_STREAM, {
      ...command,
      metadata: { now: clock.now(), actor: REFERENCE_DATA_ACTOR, commandId: `region-reference-${index}` },
    } as RegionCommand);
    recorded += result.appended.length;
  }
  return recorded;
}
