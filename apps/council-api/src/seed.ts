import { seedDemoData } from '@council/commitments/demo-data';
import { FixedClock } from '@council/platform/event-sourcing';
import { seedRegionReferenceData } from '@council/region/feature';
import { openEventStore } from './app.module.js';
import type { AppConfig } from './config.js';

/**
 * On the first start (an empty log) records the region's reference data, and the demo
 * data when it is on. It writes through a store of its own whose clock the demo script
 * moves, so demo events carry the historical times they describe; then it closes it.
 */
export async function seedOnFirstStart(config: AppConfig, now: Date): Promise<string | undefined> {
  const clock = new FixedClock(now);
  const store = await openEventStore(config.eventStore, clock);
  try {
    if ((await store.headPosition()) > 0n) return undefined;
    if (config.demoData) {
      // The demo script begins with the region's reference data, each fact on its own date.
      const demo = await seedDemoData(store, clock);
      return `first start: recorded the demo region, ${demo.commitments} commitments in ${demo.events} events (DEMO_DATA=false starts empty)`;
    }
    const events = await seedRegionReferenceData(store, clock);
    return `first start: recorded the region's reference data (${events} events)`;
  } finally {
    await store.close();
  }
}
