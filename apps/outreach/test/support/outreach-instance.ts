import 'reflect-metadata';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { loadConfig, MetricsRegistry, PlatformModule, ServiceLifecycle } from '@revisit/platform';
import { kafkaBrokers, testRedisUrl } from '@revisit/testing';
import { AppModule } from '../../src/app.module';
import { outreachConfigSchema } from '../../src/config/outreach.config';

export interface OutreachInstance {
  readonly app: INestApplication;
  readonly url: string;
}

/**
 * An outreach service in this process, wired exactly as `main.ts` wires it, on a free port, consumers and
 * timers started after listening. `env` adds or overrides configuration keys.
 */
export async function startOutreach(databaseUrl: string, env: Record<string, string> = {}): Promise<OutreachInstance> {
  const config = loadConfig(outreachConfigSchema, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const logger = createLogger({ service: 'outreach', level: config.LOG_LEVEL });
  const metrics = new MetricsRegistry();
  @Module({
    imports: [
      PlatformModule.forRoot({ service: 'outreach', config, logger, metrics }),
      AppModule.forConfig(config, { logger, metrics }),
    ],
  })
  class TestRootModule {}
  // rawBody as in bootstrapService: signed provider callbacks are verified over the exact bytes.
  const app = await NestFactory.create(TestRootModule, { logger: false, rawBody: true });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  await app.get(ServiceLifecycle).runListeningHooks();
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
