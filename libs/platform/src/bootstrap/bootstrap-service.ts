import type { Server } from 'node:http';
import type { ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type Logger, NestPinoLogger } from '@revisit/observability';
import type { Static, TObject } from '@sinclair/typebox';
import type { CommonConfig } from '../config/common-config';
import { ConfigValidationError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { ReadinessRegistry } from '../health/readiness-registry';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { PlatformModule } from '../platform.module';
import { installGracefulShutdown } from './graceful-shutdown';
import { ServiceLifecycle } from './service-lifecycle';

/** Exit status for an invalid configuration (sysexits EX_CONFIG), so orchestrators can tell it apart. */
export const EXIT_INVALID_CONFIG = 78;
export const EXIT_BOOT_FAILED = 1;

/** What a service may set for HTTPS: its key pair and, for client certificates, the CA and the request. */
export type HttpsListenOptions = Pick<
  HttpsServerOptions,
  'key' | 'cert' | 'ca' | 'crl' | 'passphrase' | 'requestCert' | 'rejectUnauthorized'
>;

export interface ServiceDefinition<S extends TObject> {
  readonly name: string;
  /** The app's env schema; must include the common keys (`commonConfigProperties`). */
  readonly config: S;
  /** Builds the app module from the validated config. */
  readonly module: (config: Static<S> & CommonConfig, context: ServiceContext) => DynamicModule;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Serve HTTPS instead of HTTP when this returns options (key, cert, and for client certificates ca and
   * requestCert). Off unless a service opts in; throwing here fails the boot.
   */
  readonly https?: (config: Static<S> & CommonConfig) => HttpsListenOptions | undefined;
}

/** What module factories may need before Nest's container exists (library options are static). */
export interface ServiceContext {
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
}

export interface RunningService {
  readonly app: INestApplication;
  readonly url: string;
  readonly logger: Logger;
}

/**
 * The one way a service starts: validate config (fail fast, all problems), build the Nest app with the JSON
 * logger and the platform module, listen, then run the after-listening hooks (Kafka consumers), and install
 * graceful shutdown. Boot failures end the process with a non-zero status.
 */
export async function bootstrapService<S extends TObject>(definition: ServiceDefinition<S>): Promise<RunningService> {
  const config = loadConfigOrExit(definition);
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  try {
    return await start(definition, config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'boot failed');
    process.exit(EXIT_BOOT_FAILED);
  }
}

function loadConfigOrExit<S extends TObject>(definition: ServiceDefinition<S>): Static<S> & CommonConfig {
  try {
    return loadConfig(definition.config, definition.env ?? process.env) as Static<S> & CommonConfig;
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    process.exit(EXIT_INVALID_CONFIG);
  }
}

async function start<S extends TObject>(
  definition: ServiceDefinition<S>,
  config: Static<S> & CommonConfig,
  logger: Logger,
): Promise<RunningService> {
  const metrics = new MetricsRegistry();
  const httpsOptions = definition.https?.(config);
  @Module({
    imports: [
      PlatformModule.forRoot({ service: definition.name, config, logger, metrics }),
      definition.module(config, { logger, metrics }),
    ],
  })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, {
    logger: new NestPinoLogger(logger),
    bufferLogs: true,
    // Keeps the exact bytes of JSON and form bodies (`req.rawBody`) next to the parsed body: signed webhooks
    // (CTI, voice robot) are verified over the bytes as sent.
    rawBody: true,
    abortOnError: false,
    ...(httpsOptions ? { httpsOptions } : {}),
  });
  if (config.REVISIT_MIGRATE_ONLY) {
    // Building the container ran the migrations (under the per-schema lock); nothing listened or consumed.
    await app.close();
    logger.info(`${definition.name} migrations applied; exiting (REVISIT_MIGRATE_ONLY)`);
    process.exit(0);
  }
  app.disable('x-powered-by');
  const server = app.getHttpServer() as Server;
  installGracefulShutdown({
    app,
    server,
    readiness: app.get(ReadinessRegistry),
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });

  await app.listen(config.PORT);
  const port = (server.address() as AddressInfo).port;
  const url = `${httpsOptions ? 'https' : 'http'}://127.0.0.1:${port}`;
  const started = await app.get(ServiceLifecycle).runListeningHooks();
  logger.info({ port, url, startedAfterListening: started }, `${definition.name} listening`);
  return { app, url, logger };
}
