import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { testDatabaseUrl } from '../test-env';
import { currentDescriptor, writeDescriptor } from '../test-infra-descriptor';
import path from 'node:path';
import { runWorkDir } from './provision-test-infra';
import { releaseStaleRuns } from './stale-runs';
import { createDatabase, testDatabaseName, withDatabase } from './test-database';

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('releaseStaleRuns', () => {
  it('drops the database and removes the work dir of a run whose Jest process died', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const serverUrl = withDatabase(testDatabaseUrl(), 'postgres');
    const databaseName = testDatabaseName(Date.now(), deadPid);
    await createDatabase(serverUrl, databaseName);
    const workDir = runWorkDir(deadPid);
    mkdirSync(workDir, { recursive: true });
    writeDescriptor(path.join(workDir, 'infra.json'), {
      version: 1,
      ownerPid: deadPid,
      workDir,
      kafka: { kind: 'external', brokers: ['127.0.0.1:1'] },
      databaseName,
      databaseUrl: withDatabase(serverUrl, databaseName),
      serverUrl,
      redisUrl: 'redis://127.0.0.1:6379',
      containerIds: [],
    });

    expect(await releaseStaleRuns()).toBeGreaterThanOrEqual(1);

    expect(existsSync(workDir)).toBe(false);
    expect(await databaseExists(serverUrl, databaseName)).toBe(false);
    // The live run (owned by the Jest parent process) is untouched.
    expect(existsSync(currentDescriptor().workDir)).toBe(true);
  }, 30_000);
});
