import { Writable } from 'node:stream';
import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@revisit/observability';
import { Type } from '@sinclair/typebox';
import {
  type CommonConfig,
  DomainError,
  parseRequest,
  PlatformModule,
  type ProblemCatalogue,
  ReadinessRegistry,
  ServiceLifecycle,
} from '../src';

enum PlanErrorCode {
  NotFound = 'plans.not-found',
  AlreadyClosed = 'plans.already-closed',
}
const PLAN_PROBLEMS: ProblemCatalogue<PlanErrorCode> = {
  [PlanErrorCode.NotFound]: { status: 404, title: 'Plan not found' },
  [PlanErrorCode.AlreadyClosed]: { status: 409, title: 'Plan already closed' },
};
class PlanError extends DomainError<PlanErrorCode> {
  constructor(code: PlanErrorCode, message: string) {
    super(code, message, PLAN_PROBLEMS);
  }
}

const CreatePlanBody = Type.Object({ name: Type.String({ minLength: 1 }), days: Type.Integer({ minimum: 1 }) });

@Controller('plans')
class PlansController {
  @Get('missing')
  missing(): never {
    throw new PlanError(PlanErrorCode.NotFound, 'plan 42 does not exist');
  }

  @Get('leaky')
  leaky(): never {
    throw new Error('connection to patient 13812345678 failed');
  }

  @Post()
  create(@Body() body: unknown): { days: number } {
    return { days: parseRequest(CreatePlanBody, body).days };
  }
}

@Module({ controllers: [PlansController] })
class PlansModule {}

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

describe('platform HTTP edge', () => {
  let app: INestApplication;
  let base: string;
  const logLines: string[] = [];
  let databaseUp = true;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const logger = createLogger({ service: 'platform-test', destination });
    @Module({ imports: [PlatformModule.forRoot({ service: 'platform-test', config, logger }), PlansModule] })
    class RootModule {}
    app = await NestFactory.create(RootModule, { logger: false });
    app
      .get(ReadinessRegistry)
      .register('database', () => (databaseUp ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED'))));
    await app.listen(0, '127.0.0.1');
    await app.get(ServiceLifecycle).runListeningHooks();
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  it('maps a domain error to problem+json with its code and status', async () => {
    const response = await fetch(`${base}/plans/missing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'urn:revisit:problem:plans.not-found',
      title: 'Plan not found',
      status: 404,
      code: 'plans.not-found',
      detail: 'plan 42 does not exist',
      instance: '/plans/missing',
    });
  });

  it('answers an unknown error with only an error id and logs the details under it, masked', async () => {
    const response = await fetch(`${base}/plans/leaky`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(500);
    expect(Object.keys(body).sort()).toEqual(['errorId', 'instance', 'status', 'title', 'type']);
    expect(JSON.stringify(body)).not.toContain('patient');
    const logged = logLines.find((line) => line.includes(String(body['errorId'])));
    expect(logged).toContain('connection to patient [REDACTED] failed');
    expect(logged).not.toContain('13812345678');
  });

  it('lists each invalid field of a request', async () => {
    const response = await fetch(`${base}/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 0 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'request.invalid',
      errors: [
        { field: '/name', message: 'is required' },
        { field: '/days', message: 'must be >= 1' },
      ],
    });
  });

  it('answers unknown routes and malformed JSON as problems', async () => {
    const notFound = await fetch(`${base}/nowhere`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ code: 'http.404', title: 'Not found', instance: '/nowhere' });
    const byPhone = await fetch(`${base}/patients/13812345678`);
    expect(await byPhone.json()).toMatchObject({ status: 404, instance: '/patients/[REDACTED]' });
    const malformed = await fetch(`${base}/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'http.400' });
  });

  it('reports readiness per check with 200 or 503', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'startup', status: 'up' },
        { name: 'database', status: 'up' },
      ],
    });
    databaseUp = false;
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      status: 'not-ready',
      checks: [
        { name: 'startup', status: 'up' },
        { name: 'database', status: 'down', reason: 'connect ECONNREFUSED' },
      ],
    });
    databaseUp = true;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('serves Prometheus metrics including the HTTP histogram by matched route', async () => {
    await fetch(`${base}/plans/missing`);
    const response = await fetch(`${base}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{service="platform-test",method="GET",route="\/plans\/missing",status_code="404"\} 2/,
    );
  });

  it('echoes a valid correlation id and issues one otherwise', async () => {
    const echoed = await fetch(`${base}/health/live`, { headers: { 'x-correlation-id': 'abc-123' } });
    expect(echoed.headers.get('x-correlation-id')).toBe('abc-123');
    const issued = await fetch(`${base}/health/live`, { headers: { 'x-correlation-id': 'bad value with spaces' } });
    expect(issued.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
