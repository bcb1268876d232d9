import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@council/platform/event-sourcing';
import { emptyRegion, evolveRegion, REGION_STREAM, type Region, type RegionEvent } from '@council/region/domain';

/**
 * The region's reference data as it stands, for decisions and for names. The stream is
 * small and changes rarely: each read fetches only the events after the cached revision.
 */
@Injectable()
export class RegionReader {
  private cached: { region: Region; revision: bigint } = { region: emptyRegion(), revision: -1n };

  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async current(): Promise<Region> {
    const newer = await this.store.readStream(REGION_STREAM, { fromRevision: this.cached.revision + 1n });
    if (newer.length === 0) return this.cached.region;
    const region = newer.reduce((r, e) => evolveRegion(r, e as unknown as RegionEvent), this.cached.region);
    this.cached = { region, revision: newer[newer.length - 1]!.revision };
    return region;
  }
}
