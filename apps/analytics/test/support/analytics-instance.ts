import 'reflect-metadata';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { loadConfig, MetricsRegistry, PlatformModule, ServiceLifecycle } from '@revisit/platform';
import { kafkaBrokers, testRedisUrl } from '@revisit/testing';
import { AppModule } from '../../src/app.module';
import { analyticsConfigSchema } from '../../src/config/analytics.config';

/**
 * An analytics service in this process, wired exactly as `main.ts` wires it, on a free port; its consumers
 * and scheduled jobs start once it listens.
 */
export async function startAnalytics(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(analyticsConfigSchema, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: process.env['ANALYTICS_TEST_LOG_LEVEL'] ?? 'warn',
    ...env,
  });
  const logger = createLogger({ service: 'analytics', level: config.LOG_LEVEL });
  const metrics = new MetricsRegistry();
  @Module({
    imports: [
      PlatformModule.forRoot({ service: 'analytics', config, logger, metrics }),
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
