import type { Actor } from '@council/platform/event-sourcing';
import type { DatedRegionCommand } from '../reference-data.js';
import type { RegionCommand } from './region.commands.js';
import type { RegionEvent } from './region.events.js';
import { regionDecider } from './region.decide.js';
import type { Region } from './region.state.js';

/** Decides reference commands one after another: the events they record and the region they make. */
export function regionFrom(commands: readonly DatedRegionCommand[], actor: Actor): { events: RegionEvent[]; region: Region } {
  const events: RegionEvent[] = [];
  let region = regionDecider.initialState();
  for (const { effectiveOn, command } of commands) {
    const decided = regionDecider.decide(
      { ...command, metadata: { now: new Date(`${effectiveOn}T00:00:00+07:00`), actor } } as RegionCommand,
      region,
    );
    for (const event of decided) {
      events.push(event);
      region = regionDecider.evolve(region, event);
    }
  }
  return { events, region };
}
