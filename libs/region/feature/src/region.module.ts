import { Module } from '@nestjs/common';
import type { PolicyTable } from '@council/platform/nest';
import { RegisterProjectResolver } from './register-project/register-project.resolver.js';
import { RegionReader } from './region-reader.js';
import { RegionResolver } from './region.resolver.js';

/** Who may do what with the region's reference data. */
export const REGION_POLICY: PolicyTable = {
  'Query.provinces': 'authenticated',
  'Query.projects': 'authenticated',
  'Mutation.registerProject': ['council'],
};

@Module({
  providers: [RegionReader, RegionResolver, RegisterProjectResolver],
  exports: [RegionReader],
})
export class RegionModule {}
