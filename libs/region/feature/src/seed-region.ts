import { type Actor, type Clock, type EventStore, handleCommand } from '@council/platform/event-sourcing';
import { REGION_STREAM, type RegionCommand, regionDecider, SOUTHEAST_REGION } from '@council/region/domain';

/** Who records the reference data a fresh platform starts with. */
export const REFERENCE_DATA_ACTOR: Actor = { subject: 'reference-data', roles: ['council'], name: 'Dữ liệu tham chiếu vùng Đông Nam Bộ' };

/** The commandId of reference-data step `index`: the same on every run, so a step already recorded is recognised. */
export const regionReferenceCommandId = (index: number): string => `region-reference-${index}`;

/**
 * Records the Southeast region's reference data (provinces, memberships, projects, the
 * 2025 mergers). Each fact carries the day it took effect; it is recorded at the clock's
 * time. Crash-safe and safe to run on every start and on several nodes at once: each
 * step has a deterministic commandId, so a step recorded before a crash (or by another
 * node) is replayed, not recorded again, and a seeding a SIGKILL cut short is finished
 * by the next run. A region stream begun by someone else (the demo script) is left
 * alone. Returns the number of events recorded by this run.
 */
export async function seedRegionReferenceData(store: EventStore, clock: Clock): Promise<number> {
  const region = await store.readStream(REGION_STREAM);
  if (region.length > 0 && region[0]!.metadata.commandId !== regionReferenceCommandId(0)) return 0;
  const lastStep = regionReferenceCommandId(SOUTHEAST_REGION.length - 1);
  if (region.some((e) => e.metadata.commandId === lastStep)) return 0;
  let recorded = 0;
  for (const [index, { command }] of SOUTHEAST_REGION.entries()) {
    const result = await handleCommand(store, regionDecider, REGION_STREAM, {
      ...command,
      metadata: { now: clock.now(), actor: REFERENCE_DATA_ACTOR, commandId: regionReferenceCommandId(index) },
    } as RegionCommand);
    recorded += result.appended.length;
  }
  return recorded;
}
