import { commitmentViewProjection, currentViews } from '@council/commitments/read-models';
import { type EventStore, SystemClock, vietnamDate } from '@council/platform/event-sourcing';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { emptyRegion, evolveRegion, REGION_STREAM, type RegionEvent } from '@council/region/domain';
import { iatiActivity, ocdsRelease } from './open-data-shapes.js';

/**
 * Every commitment as one IATI activity or one OCDS release per line, from read models
 * rebuilt in memory up to `head` (the log is the source; the server's files are not touched).
 */
export async function openDataExport(store: EventStore, format: 'iati' | 'ocds', head: bigint, write: (line: string) => Promise<void>, onProgress: (position: bigint) => void): Promise<number> {
  const models = await SqliteReadModels.open({ path: ':memory:', store, projections: [commitmentViewProjection], upTo: head });
  try {
    onProgress(head);
    const region = (await store.readStream(REGION_STREAM)).reduce((r, e) => evolveRegion(r, e as unknown as RegionEvent), emptyRegion());
    const today = vietnamDate(new SystemClock().now());
    const views = models.read(currentViews);
    for (const view of views) await write(JSON.stringify(format === 'iati' ? iatiActivity(view, region) : ocdsRelease(view, region, today)));
    return views.length;
  } finally {
    await models.close();
  }
}
