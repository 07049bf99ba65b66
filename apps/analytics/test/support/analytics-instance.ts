import 'reflect-metadata';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { loadConfig, MetricsRegistry, PlatformModule, ServiceLifecycle } from '@revisit/platform';
import { kafkaBrokers, testRedisUrl } from '@revisit/testing';
import { Client } from 'pg';
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

/** A database of its own for this test file, so its analytics schema starts empty. */
export async function createScratchDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
