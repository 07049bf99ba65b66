import 'reflect-metadata';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { loadConfig, MetricsRegistry, PlatformModule, ServiceLifecycle } from '@revisit/platform';
import { kafkaBrokers, testRedisUrl } from '@revisit/testing';
import { AppModule } from '../../src/app.module';
import { schedulerConfigSchema } from '../../src/config/scheduler.config';

/**
 * A scheduler service in this process, wired exactly as `main.ts` wires it (platform, persistence,
 * messaging, tasks), listening on a free port, its consumers and dispatcher started after listening.
 */
export async function startScheduler(
  databaseUrl: string,
  authIssuer?: string,
): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(schedulerConfigSchema, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'warn',
    DISPATCH_INTERVAL_MS: '100',
    ...(authIssuer === undefined ? {} : { AUTH_ISSUER: authIssuer }),
  });
  const logger = createLogger({ service: 'scheduler', level: config.LOG_LEVEL });
  const metrics = new MetricsRegistry();
  @Module({
    imports: [
      PlatformModule.forRoot({ service: 'scheduler', config, logger, metrics }),
      AppModule.forConfig(config, { logger, metrics }),
    ],
  })
  class TestRootModule {}
  const app = await NestFactory.create(TestRootModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  await app.get(ServiceLifecycle).runListeningHooks();
  return { app, url: await app.getUrl() };
}

export { createScratchDatabase, dropScratchDatabase } from '@revisit/testing';
