import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Static checks of docker-compose.yml and the app Dockerfiles: CI has no Docker engine, so this is what
 * stops a service without a health check, a missing env var or an image running as root from landing.
 */
const root = path.resolve(__dirname, '..', '..');
const APPS = ['ingest', 'scheduler', 'outreach', 'analytics'] as const;
const APP_ENV = ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'PORT'] as const;
const INFRA = { kafka: 'apache/kafka:4.1.1', postgres: 'postgres:16-alpine', redis: 'redis:7-alpine' } as const;

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | null>;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
  profiles?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);

describe('docker-compose.yml', () => {
  it.each(services)('%s has an image or a build, and a health check', (_name, service) => {
    expect(Boolean(service.image) || Boolean(service.build?.dockerfile)).toBe(true);
    const test = service.healthcheck?.test;
    expect(Array.isArray(test) ? test.length : (test ?? '').length).toBeGreaterThan(0);
  });

  it('runs the pinned infrastructure images', () => {
    for (const [name, image] of Object.entries(INFRA))
      expect([name, compose.services[name]?.image]).toEqual([name, image]);
    expect(compose.services.kafka?.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
  });

  it.each(APPS)(
    '%s builds from its Dockerfile, gets every required variable and waits for healthy infrastructure',
    (app) => {
      const service = compose.services[app];
      expect(service?.build?.dockerfile).toBe(`apps/${app}/Dockerfile`);
      for (const key of APP_ENV) expect([key, service?.environment?.[key]]).toEqual([key, expect.anything()]);
      expect(JSON.stringify(service?.healthcheck?.test)).toContain('/health/ready');
      for (const dependency of Object.keys(INFRA)) {
        expect([dependency, service?.depends_on?.[dependency]?.condition]).toEqual([dependency, 'service_healthy']);
      }
    },
  );

  it('gives the four services distinct ports and points them at the compose network, not localhost', () => {
    const ports = APPS.map((app) => String(compose.services[app]?.environment?.PORT));
    expect(new Set(ports).size).toBe(APPS.length);
    for (const app of APPS) {
      const env = compose.services[app]?.environment ?? {};
      expect(String(env.KAFKA_BROKERS)).toBe('kafka:19092');
      expect(String(env.DATABASE_URL)).toContain('@postgres:5432/');
      expect(String(env.REDIS_URL)).toBe('redis://redis:6379');
    }
  });

  it('keeps the OpenTelemetry collector and Jaeger behind the tracing profile', () => {
    for (const name of ['otel-collector', 'jaeger']) expect(compose.services[name]?.profiles).toEqual(['tracing']);
  });
});

describe.each(APPS)('apps/%s/Dockerfile', (app) => {
  const file = path.join(root, 'apps', app, 'Dockerfile');
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('#'))
    : [];
  const finalStage = lines.slice(lines.map((line) => line.startsWith('FROM ')).lastIndexOf(true));

  it('exists and is multi-stage', () => {
    expect(existsSync(file)).toBe(true);
    expect(lines.filter((line) => line.startsWith('FROM ')).length).toBeGreaterThanOrEqual(2);
  });

  it('runs as a non-root user in the final stage', () => {
    const user = finalStage.filter((line) => line.startsWith('USER ')).pop();
    expect(user).toBeDefined();
    expect(user!.slice('USER '.length).split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('preloads OpenTelemetry, starts the compiled service and declares a health check', () => {
    expect(finalStage).toContain(
      `CMD ["node", "--require", "./dist/libs/observability/src/otel-register.js", "dist/apps/${app}/src/main.js"]`,
    );
    expect(finalStage.some((line) => line.startsWith('HEALTHCHECK '))).toBe(true);
  });
});
