import { seedDemoData } from '@council/commitments/demo-data';
import { FixedClock, StoreUnavailableError } from '@council/platform/event-sourcing';
import { seedRegionReferenceData } from '@council/region/feature';
import { openEventStore } from './app.module.js';
import type { AppConfig } from './config.js';

/**
 * On the first start (an empty log) records the region's reference data, and the demo
 * data when it is on. It writes through a store of its own whose clock the demo script
 * moves, so demo events carry the historical times they describe; then it closes it.
 * Crash-safe: a first start killed half-way is finished by the next start, whatever
 * DEMO_DATA says then (the log tells which seeding began); every step has a
 * deterministic commandId, so nothing is recorded twice (docs/adr/0014).
 */
export async function seedOnFirstStart(config: AppConfig, now: Date): Promise<string | undefined> {
  const clock = new FixedClock(now);
  const store = await openEventStore(config.eventStore, clock);
  try {
    const empty = (await store.headPosition()) === 0n;
    if (empty ? config.demoData : true) {
      // The demo script begins with the region's reference data, each fact on its own date.
      const demo = await seedDemoData(store, clock);
      if (demo.resumed) return `first start finished: recorded the rest of the demo region, ${demo.events} events (an earlier first start was cut short)`;
      if (demo.seeded) return `first start: recorded the demo region, ${demo.commitments} commitments in ${demo.events} events (DEMO_DATA=false starts empty)`;
    }
    const events = await seedRegionReferenceData(store, clock);
    if (events === 0) return undefined;
    return empty
      ? `first start: recorded the region's reference data (${events} events)`
      : `first start finished: recorded the rest of the region's reference data, ${events} events (an earlier first start was cut short)`;
  } finally {
    await store.close();
  }
}

/**
 * The first-start check again and again, from 1 s to a 30 s pause, while the log does not
 * answer (a network store down when the node starts); stops after it ran once or on any
 * other error. Its timers do not keep the process alive. The node serves meanwhile:
 * /health says the store is down and commands get the retryable error.
 */
export function seedWhenReachable(config: AppConfig, report: (message: string, error?: unknown) => void): void {
  let pauseMs = 1_000;
  const attempt = () => {
    seedOnFirstStart(config, new Date()).then(
      (seeded) => report(seeded ?? 'the event log answers again: the first-start check found nothing to do'),
      (error: unknown) => {
        if (!(error instanceof StoreUnavailableError)) return report('the first-start check failed', error);
        pauseMs = Math.min(pauseMs * 2, 30_000);
        setTimeout(attempt, pauseMs).unref();
      },
    );
  };
  setTimeout(attempt, pauseMs).unref();
}
