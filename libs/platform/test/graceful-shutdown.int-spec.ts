import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Controller,
  Get,
  type INestApplication,
  Injectable,
  Module,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { eventually } from '@revisit/testing';
import { type CommonConfig, PlatformModule, ReadinessRegistry, ServiceLifecycle } from '../src';
import { createShutdown } from '../src/bootstrap/graceful-shutdown';

const config: CommonConfig = {
  PORT: 0,
  DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
  KAFKA_BROKERS: '127.0.0.1:9',
  REDIS_URL: 'redis://127.0.0.1:9',
  ORG_TIMEZONE: 'Asia/Shanghai',
  REVISIT_MIGRATE_ONLY: false,
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: 5000,
};

/** Stands for a consumer finishing its in-flight batch during Nest's shutdown hooks. */
@Injectable()
class InFlightWork implements BeforeApplicationShutdown {
  readonly events: string[] = [];
  /** When set, draining waits for it: a consumer stuck on a slow handler. */
  stuck: Promise<void> | undefined;

  async beforeApplicationShutdown(): Promise<void> {
    this.events.push('consumer draining');
    await this.stuck;
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.events.push('consumer committed');
  }
}

@Controller('slow')
class SlowController {
  constructor(private readonly work: InFlightWork) {}

  @Get()
  async slow(): Promise<{ done: true }> {
    this.work.events.push('request received');
    await new Promise((resolve) => setTimeout(resolve, 400));
    this.work.events.push('request answered');
    return { done: true };
  }
}

async function startApp(timeoutMs: number) {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'shutdown-test',
    destination: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  });
  @Module({
    imports: [PlatformModule.forRoot({ service: 'shutdown-test', config, logger })],
    controllers: [SlowController],
    providers: [InFlightWork],
  })
  class RootModule {}
  const app: INestApplication = await NestFactory.create(RootModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  await app.get(ServiceLifecycle).runListeningHooks();
  const exits: number[] = [];
  const shutdown = createShutdown({
    app,
    server: app.getHttpServer() as Server,
    readiness: app.get(ReadinessRegistry),
    logger,
    timeoutMs,
    exit: (code) => exits.push(code),
  });
  return { app, base: await app.getUrl(), work: app.get(InFlightWork), shutdown, exits, lines };
}

describe('graceful shutdown', () => {
  it('drains: readiness 503, in-flight request answered, consumers committed, then exit 0', async () => {
    const { base, work, shutdown, exits, app } = await startApp(5000);
    const readinessAtStart = await fetch(`${base}/health/ready`);
    expect(readinessAtStart.status).toBe(200);
    const inFlight = fetch(`${base}/slow`);
    await eventually(() => expect(work.events).toEqual(['request received']), { timeoutMs: 2000, intervalMs: 10 });
    const stopping = shutdown.trigger('SIGTERM');
    expect(shutdown.started()).toBe(true);
    expect((await app.get(ReadinessRegistry).evaluate()).status).toBe('draining');

    const response = await inFlight;
    expect(response.status).toBe(200);
    await stopping;
    expect(work.events).toEqual(['request received', 'request answered', 'consumer draining', 'consumer committed']);
    expect(exits).toEqual([0]);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });

  it('exits with 1 when the shutdown overruns its budget', async () => {
    const { work, shutdown, exits, lines } = await startApp(300);
    let release: () => void = () => undefined;
    work.stuck = new Promise((resolve) => (release = resolve));
    const started = Date.now();
    const stopping = shutdown.trigger('SIGTERM');
    await eventually(() => expect(exits).toEqual([1]), { timeoutMs: 3000, intervalMs: 20 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lines.join('')).toContain('shutdown timed out, exiting');
    // Let the stuck hook finish so the app closes and the test leaves nothing running.
    release();
    await stopping;
    expect(exits).toEqual([1]);
  });
});
