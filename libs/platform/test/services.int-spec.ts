import { eventually, freePort, kafkaBrokers, testDatabaseUrl, testRedisUrl } from '@revisit/testing';
import { Client } from 'pg';
import { buildDist, logRecords, spawnService, type SpawnedService } from './spawned-service';

// Each app booted as it runs in production: compiled, as a child process, against the run's real
// PostgreSQL, Kafka and Redis.
const APPS = ['ingest', 'scheduler', 'outreach', 'analytics'] as const;
const BOOT_TIMEOUT_MS = 60_000;
// What each app starts once HTTP listens; ingest also opens its HL7 v2 MLLP port (on a free port here).
const STARTED_AFTER_LISTENING: Record<(typeof APPS)[number], string[]> = {
  ingest: ['empi-feed', 'messaging', 'mllp'],
  scheduler: ['messaging', 'dispatcher'],
  outreach: ['outreach-timers', 'messaging', 'complaint-sla-timer'],
  analytics: ['messaging', 'weekly-summary'],
};

function infraEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: kafkaBrokers().join(','),
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: testRedisUrl(),
  };
}

beforeAll(() => buildDist());

describe.each(APPS)('%s service', (app) => {
  let service: SpawnedService | undefined;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = spawnService(app, { ...infraEnv(), PORT: String(port), MLLP_PORT: '0', SHUTDOWN_TIMEOUT_MS: '15000' });
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
  });

  it(
    'becomes ready once database, Kafka, Redis and consumers are up',
    async () => {
      const report = await eventually(
        async () => {
          const response = await fetch(`${base}/health/ready`);
          expect(response.status).toBe(200);
          return (await response.json()) as { status: string; checks: { name: string; status: string }[] };
        },
        { timeoutMs: BOOT_TIMEOUT_MS, intervalMs: 250 },
      );
      expect(report.status).toBe('ready');
      expect(report.checks.map((check) => check.name).sort()).toEqual([
        'consumers',
        'database',
        'kafka',
        'redis',
        'startup',
      ]);
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
    },
    BOOT_TIMEOUT_MS + 5000,
  );

  it('serves Prometheus metrics labelled with the service name', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(`process_cpu_seconds_total{service="${app}"}`);
    expect(text).toMatch(
      new RegExp(
        `http_request_duration_seconds_count\\{service="${app}",method="GET",route="/health/ready",status_code="200"\\} \\d+`,
      ),
    );
    expect(text).toContain('# TYPE outbox_publish_lag_seconds histogram');
  });

  it('writes JSON log lines and shuts down cleanly on SIGTERM', async () => {
    const running = service!;
    running.child.kill('SIGTERM');
    const { code, signal } = await running.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const records = logRecords(running.stdout());
    const messages = records.map((record) => record['msg']);
    expect(messages).toEqual(expect.arrayContaining([`${app} listening`, 'shutdown started', 'shutdown complete']));
    expect(records.find((record) => record['msg'] === `${app} listening`)).toMatchObject({
      service: app,
      level: 'info',
      startedAfterListening: STARTED_AFTER_LISTENING[app],
    });
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  }, 30_000);
});

describe('configuration', () => {
  it('refuses to boot listing every problem without echoing values', async () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/revisit',
      KAFKA_BROKERS: 'not a broker list',
      ORG_TIMEZONE: 'Mars/Olympus',
      SHUTDOWN_TIMEOUT_MS: '-5',
    };
    const service = spawnService('scheduler', env);
    const { code } = await service.exited;
    expect(code).toBe(78);
    const lines = service.stderr().trim().split('\n');
    expect(lines).toEqual([
      'scheduler: invalid configuration (6 problems):',
      '  - DATABASE_URL: must be a valid postgres-url',
      '  - KAFKA_BROKERS: must be a valid broker-list',
      '  - ORG_TIMEZONE: must be a valid iana-timezone',
      '  - PORT: must be integer',
      '  - REDIS_URL: is required',
      '  - SHUTDOWN_TIMEOUT_MS: must be >= 1000',
    ]);
    for (const value of Object.values(env)) expect(service.stderr()).not.toContain(value);
    expect(service.stdout()).toBe('');
  }, 30_000);
});

describe('migration job mode', () => {
  it('applies the migrations into a fresh schema and exits 0 without serving', async () => {
    const url = new URL(testDatabaseUrl());
    const fresh = `revisit_migrate_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${fresh}`);
      url.pathname = `/${fresh}`;
      const port = await freePort();
      const service = spawnService('outreach', {
        ...infraEnv(),
        DATABASE_URL: url.toString(),
        PORT: String(port),
        REVISIT_MIGRATE_ONLY: 'true',
      });
      const { code } = await service.exited;
      expect({ code, stderr: service.stderr() }).toEqual({ code: 0, stderr: '' });

      const db = new Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const tables = await db.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'outreach' ORDER BY 1",
        );
        expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['inbox', 'outbox']));
      } finally {
        await db.end();
      }
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
