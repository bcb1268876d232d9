import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ConfigError, describeEventStore, loadConfig } from './config.js';
import { StoreUnavailableError } from '@council/platform/event-sourcing';
import { seedOnFirstStart, seedWhenReachable } from './seed.js';
import { serveWebApp } from './web-app.js';

// A request that outlives this after SIGTERM is cut off rather than holding the process forever.
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // The one place outside the Clock that reads the time: the moment seeding starts.
  // A log that does not answer yet is no reason not to start: the check runs again once it does.
  const seeded = await seedOnFirstStart(config, new Date()).catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) return error;
    throw error;
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    // A failed start is reported in one line below, not as buffered logs and a stack trace.
    autoFlushLogs: false,
    abortOnError: false,
    // GraphqlPlatformModule reads /graphql bodies itself (size limit, JSON 413); no other route takes a body.
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  if (seeded instanceof StoreUnavailableError) {
    logger.warn(`the event log does not answer at start (${seeded.message}): serving anyway, /health says so; the first-start check runs again until it answers`, 'CouncilApi');
    seedWhenReachable(config, (message, error) =>
      error ? logger.error(`${message}: ${error instanceof Error ? error.message : String(error)}`, 'CouncilApi') : logger.log(message, 'CouncilApi'),
    );
  } else if (seeded) logger.log(seeded, 'CouncilApi');
  app.disable('x-powered-by');
  // No ETag on API answers (every one is `no-store`): Express would hash each body, up to
  // hundreds of kilobytes for a dashboard. The dashboard's files keep theirs (serve-static).
  app.set('etag', false);
  const webApp = config.nodeEnv === 'production' ? { contentSecurityPolicy: { connectTo: config.auth.oidc ? [new URL(config.auth.oidc.authority).origin] : [] } } : {};
  if (!serveWebApp(app, webApp)) logger.warn('the dashboard is not built (npm run build): / serves nothing', 'CouncilApi');
  // app.close() on a signal: stop accepting connections, answer the requests in flight,
  // then the OnApplicationShutdown hooks (the event store closes); then exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      logger.log(`${signal} received: shutting down`, 'CouncilApi');
      setTimeout(() => {
        logger.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms: exiting`, 'CouncilApi');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
    });
  logger.log(
    config.auth.jwksUrl
      ? `bearer tokens verified with RS256/ES256 keys from ${config.auth.jwksUrl}`
      : 'bearer tokens verified with HS256 and AUTH_JWT_SECRET',
    'CouncilApi',
  );
  if (config.auth.oidc)
    logger.log(
      `the dashboard signs in through the identity provider ${config.auth.oidc.authority} as client ${config.auth.oidc.clientId} (scopes: ${config.auth.oidc.scopes})`,
      'CouncilApi',
    );
  if (config.auth.usesDevelopmentSecret)
    logger.warn('AUTH_JWT_SECRET is not set: using the development default secret (never in production)', 'CouncilApi');
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const eventStore = describeEventStore(config.eventStore);
  logger.log({ url, eventStore: config.eventStore.kind }, `listening on ${url}, event store: ${eventStore}`, 'CouncilApi');
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `council-api: could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
