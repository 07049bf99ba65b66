import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import { eventually, freePort, kafkaBrokers, testDatabaseUrl, testRedisUrl } from '@revisit/testing';
import { Client } from 'pg';

async function onAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export interface ServiceProcess {
  readonly url: string;
  readonly databaseUrl: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

/**
 * A built service (dist/, as `revisit demo` runs it) in a child process against the test broker, Redis and a
 * database of its own; `env` adds the service's own settings. Resolves once `/health/ready` answers 200.
 */
export async function startServiceProcess(
  app: 'analytics' | 'outreach',
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const root = findRepoRoot();
  const script = path.join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(script)) throw new Error(`${app} is not built (${script}); run \`node tools/build.mjs\` first`);
  const database = `console_${app}_${process.pid}`;
  await onAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await onAdmin(`CREATE DATABASE "${database}"`);
  const databaseUrl = new URL(testDatabaseUrl());
  databaseUrl.pathname = `/${database}`;

  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: root,
    env: {
      PATH: process.env['PATH'],
      PORT: String(port),
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      REDIS_URL: testRedisUrl(),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  // A service that dies while starting (bad config, a broken module) fails the test at once, with its log.
  const died = exited.then((code) => {
    throw new Error(`${app} exited with status ${code} while starting:\n${output.join('')}`);
  });
  try {
    await Promise.race([
      died,
      eventually(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), {
        timeoutMs: 150_000,
        intervalMs: 500,
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  died.catch(() => undefined);
  return {
    url,
    databaseUrl: databaseUrl.toString(),
    log: () => output.join(''),
    async stop(): Promise<void> {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      await onAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}
