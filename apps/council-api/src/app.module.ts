import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type DynamicModule, Module } from '@nestjs/common';
import { commitmentViewProjection } from '@council/commitments/read-models';
import { Clock, EventStore } from '@council/platform/event-sourcing';
import { SqliteReadModels } from '@council/platform/read-model-sqlite';
import { SqliteEventStore } from '@council/platform/event-store-sqlite';
import {
  AuthModule,
  ConnectionDrainModule,
  DEFAULT_RATE_LIMIT,
  EventSourcingModule,
  GraphqlPlatformModule,
  HealthModule,
  HttpSecurityModule,
  LoggingModule,
  MetricsModule,
  ReadModelsModule,
} from '@council/platform/nest';
import { COMMITMENTS_POLICY, CommitmentsModule, DashboardsAnswerVersion } from '@council/commitments/feature';
import { REGION_POLICY } from '@council/region/feature';
import { AUDIT_POLICY, AuditModule } from '@council/audit/feature';
import type { AppConfig, EventStoreConfig } from './config.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ level: config.logLevel, name: 'council-api' }),
        MetricsModule,
        ConnectionDrainModule,
        HttpSecurityModule.forRoot({ corsOrigins: config.corsOrigins, production: config.nodeEnv === 'production' }),
        EventSourcingModule.forRoot({
          useFactory: (clock: Clock) => openEventStore(config.eventStore, clock),
          inject: [Clock],
        }),
        ReadModelsModule.forRoot({
          useFactory: (store: EventStore) => openReadModels(config, store),
          inject: [EventStore],
        }),
        HealthModule,
        AuthModule.forRoot({
          secret: config.auth.jwtSecret,
          jwksUrl: config.auth.jwksUrl,
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          demoTokens: config.auth.demoTokens,
          oidc: config.auth.oidc,
          production: config.nodeEnv === 'production',
        }),
        GraphqlPlatformModule.forRoot({
          mode: config.nodeEnv,
          policies: [COMMITMENTS_POLICY, REGION_POLICY, AUDIT_POLICY],
          rateLimit: { ...DEFAULT_RATE_LIMIT, ...config.rateLimit },
          answerCache: DashboardsAnswerVersion,
        }),
        CommitmentsModule.forRoot({ deadlineWatcher: { intervalMs: 60_000 } }),
        AuditModule.forRoot({ seals: { intervalMs: config.sealIntervalMs } }),
      ],
    };
  }
}

/** The node's own read models, next to it whichever log it follows; rebuildable from the log at any time. */
async function openReadModels(config: AppConfig, store: EventStore): Promise<SqliteReadModels> {
  await mkdir(config.dataDir, { recursive: true });
  const logger = new Logger('ReadModels');
  return SqliteReadModels.open({
    path: join(config.dataDir, 'read-models.sqlite'),
    store,
    projections: [commitmentViewProjection],
    log: (level, message) => (level === 'info' ? logger.log(message) : level === 'warn' ? logger.warn(message) : logger.error(message)),
  });
}

/** Opens the configured adapter; the app's only place that knows adapters exist. */
export async function openEventStore(config: EventStoreConfig, clock: Clock): Promise<EventStore> {
  const { maxEventBytes } = config;
  if (config.kind === 'esdb') {
    // Loaded only when used: the gRPC client costs about 130 ms and 35 MB at start.
    const { EsdbEventStore } = await import('@council/platform/event-store-esdb');
    return new EsdbEventStore({ connectionString: config.connectionString, clock, maxEventBytes });
  }
  await mkdir(dirname(config.path), { recursive: true });
  return new SqliteEventStore({ path: config.path, synchronous: config.synchronous, clock, maxEventBytes });
}
