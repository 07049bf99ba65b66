import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import {
  createScratchDatabase,
  dropScratchDatabase,
  freePort,
  kafkaBrokers,
  spawnService,
  testDatabaseUrl,
  testRedisUrl,
} from '@revisit/testing';

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
  const script = path.join(findRepoRoot(), 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(script)) throw new Error(`${app} is not built (${script}); run \`node tools/build.mjs\` first`);
  const database = `console_${app}_${process.pid}`;
  const databaseUrl = await createScratchDatabase(testDatabaseUrl(), database);
  const port = await freePort();
  const service = await spawnService(app, script, {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    REDIS_URL: testRedisUrl(),
    LOG_LEVEL: 'warn',
    ...env,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    log: service.log,
    async stop(): Promise<void> {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGTERM');
        const timer = setTimeout(() => service.child.kill('SIGKILL'), 30_000);
        await service.exited;
        clearTimeout(timer);
      }
      await dropScratchDatabase(testDatabaseUrl(), database);
    },
  };
}
