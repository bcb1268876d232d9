import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Clock, vietnamDate } from '@council/platform/event-sourcing';
import { DateScalar } from '@council/platform/nest';
import { provinceName } from '@council/region/domain';
import { RegionReader } from './region-reader.js';
import { Project, Province } from './region.model.js';

@Resolver()
export class RegionResolver {
  constructor(
    @Inject(RegionReader) private readonly reader: RegionReader,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => [Province], { description: 'Every province the platform knows, as it was on `on` (default today): names, roles, mergers.' })
  async provinces(@Args('on', { type: () => DateScalar, nullable: true }) on?: string): Promise<Province[]> {
    const region = await this.reader.current();
    const day = on ?? vietnamDate(this.clock.now());
    return Object.values(region.provinces)
      .filter((p) => p.registeredOn <= day)
      .map((p) => {
        const name = provinceName(region, p.code, day)!;
        const role = (region.memberships[p.code] ?? []).find((m) => m.from <= day && (m.until === undefined || day < m.until))?.role;
        const merged = p.mergedInto && p.mergedInto.on <= day ? p.mergedInto : undefined;
        return { code: p.code, name: name.name, nameEn: name.nameEn, ...(role && !merged && { role }), ...(merged && { mergedInto: merged.code, mergedOn: merged.on }) };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  @Query(() => [Project], { description: 'The regional projects registered by the council.' })
  async projects(): Promise<Project[]> {
    const region = await this.reader.current();
    return Object.values(region.projects).map((p) => ({ id: p.projectId, name: p.name, track: p.track, provinces: [...p.provinces], ...(p.nameEn && { nameEn: p.nameEn }) }));
  }
}
