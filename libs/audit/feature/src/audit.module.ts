import { type DynamicModule, Module } from '@nestjs/common';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver.js';
import { SEAL_SCHEDULE, type SealSchedule, SealScheduler } from './seal-log/seal-scheduler.js';
import { SealLogResolver } from './seal-log/seal-log.resolver.js';
import { VerifyIntegrityResolver } from './verify-integrity/verify-integrity.resolver.js';

export interface AuditModuleOptions {
  readonly seals: SealSchedule;
}

/** The audit trail, seals (on demand and on a schedule) and the integrity check. */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: SEAL_SCHEDULE, useValue: options.seals }, SealScheduler, AuditTrailResolver, SealLogResolver, VerifyIntegrityResolver],
      exports: [SealScheduler],
    };
  }
}
