import { findRepoRoot } from '@revisit/local-infra';
import { ORGANISATIONS } from '@revisit/sample-data';
import { createScratchDatabase, dropScratchDatabase, testDatabaseUrl } from '@revisit/testing';
import { Client } from 'pg';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo-accounts';

jest.setTimeout(120_000);

describe('demo sign-ins', () => {
  const dbName = `demo_accounts_${process.pid}`;
  let url: string;

  beforeAll(async () => {
    url = await createScratchDatabase(testDatabaseUrl(), dbName);
  });

  afterAll(async () => {
    await dropScratchDatabase(testDatabaseUrl(), dbName);
  });

  it('creates the printed accounts for every demo organisation once, and keeps them on the next demo run', async () => {
    const root = findRepoRoot();
    expect(await ensureDemoAccounts(root, url)).toEqual(DEMO_ACCOUNTS.map((a) => `created ${a.username}`));
    expect(await ensureDemoAccounts(root, url)).toEqual(DEMO_ACCOUNTS.map((a) => `kept ${a.username}`));

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT username, roles, org_ids, staff_id FROM outreach.auth_user ORDER BY username',
      );
      expect(rows).toEqual(
        [...DEMO_ACCOUNTS]
          .sort((a, b) => a.username.localeCompare(b.username))
          .map((a) => ({
            username: a.username,
            roles: [...a.roles],
            org_ids: ORGANISATIONS.map((o) => o.id),
            staff_id: a.staffId,
          })),
      );
    } finally {
      await db.end();
    }
  });
});
