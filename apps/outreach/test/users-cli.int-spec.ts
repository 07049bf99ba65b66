import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import { createLogger } from '@revisit/observability';
import { buildDataSourceOptions, prepareDatabase } from '@revisit/persistence';
import { createScratchDatabase, dropScratchDatabase, testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { OUTREACH_MIGRATIONS } from '../src/database/migrations';
import { OUTREACH_SCHEMA } from '../src/database/outreach-schema';

jest.setTimeout(120_000);

function usersAdd(databaseUrl: string, username: string, password: string) {
  const root = findRepoRoot();
  const script = path.join(root, 'dist', 'apps', 'outreach', 'src', 'cli', 'main.js');
  if (!existsSync(script)) throw new Error(`outreach is not built (${script}); run \`node tools/build.mjs\` first`);
  const child = spawn(
    process.execPath,
    [script, 'users', 'add', '--username', username, '--roles', 'agent', '--orgs', 'org-cli-test', '--name', '李坐席'],
    { env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(`${password}\n`);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

describe('revisit outreach users add', () => {
  const dbName = `outreach_users_cli_${process.pid}`;
  let url: string;

  beforeAll(async () => {
    url = await createScratchDatabase(testDatabaseUrl(), dbName);
  });

  afterAll(async () => {
    await dropScratchDatabase(testDatabaseUrl(), dbName);
  });

  it('adds a user to a database the running service has already migrated, without replaying migrations', async () => {
    // What the service does at boot: its schema, its migrations table.
    const service = await new DataSource(
      buildDataSourceOptions({
        schema: OUTREACH_SCHEMA,
        url,
        migrations: OUTREACH_MIGRATIONS,
        applicationName: 'outreach-test',
        logger: createLogger({ service: 'outreach-test', level: 'silent' }),
      }),
    ).initialize();
    try {
      await prepareDatabase(service, OUTREACH_SCHEMA);

      const added = await usersAdd(url, 'li.agent', 'Zuoxi#2026-cli');
      expect(added).toEqual({ code: 0, output: expect.stringContaining('li.agent') });
      const users = await service.query(`SELECT username, roles, org_ids FROM "${OUTREACH_SCHEMA}".auth_user`);
      expect(users).toEqual([{ username: 'li.agent', roles: ['agent'], org_ids: ['org-cli-test'] }]);

      // A second installer run with the same name is refused, not duplicated.
      const again = await usersAdd(url, 'li.agent', 'Zuoxi#2026-cli');
      expect(again.code).not.toBe(0);
      expect(await service.query(`SELECT count(*)::int AS n FROM "${OUTREACH_SCHEMA}".auth_user`)).toEqual([{ n: 1 }]);
    } finally {
      await service.destroy();
    }
  });
});
