import { testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { UserRepository } from '../src/auth/user.repository';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn, TEST_PASSWORD } from './support/users';

jest.setTimeout(180_000);

const ORG = 'org-rate-limits';
const PER_MINUTE = 6;
const LOGINS_PER_MINUTE = 3;
const CALLBACKS_PER_MINUTE = 12;

/** Limits count in fixed minutes: start a sequence with at least 15 s of the minute left, never across two. */
async function freshEnoughMinute(): Promise<void> {
  const second = new Date().getSeconds();
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe('rate limits (real Redis, shared by every replica)', () => {
  const dbName = `outreach_rate_${process.pid}`;
  let instance: OutreachInstance;
  let db: DataSource;

  beforeAll(async () => {
    const url = await createScratchDatabase(testDatabaseUrl(), dbName);
    instance = await startOutreach(url, {
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('rate'),
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGINS_PER_MINUTE),
      RATE_LIMIT_CALLBACKS_PER_MINUTE: String(CALLBACKS_PER_MINUTE),
    });
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    await instance?.app.close();
    await db?.destroy();
    await dropScratchDatabase(testDatabaseUrl(), dbName);
  });

  it("refuses a user's requests beyond the limit with 429, Retry-After and problem+json; other users go on", async () => {
    await freshEnoughMinute();
    const [busy, calm] = await Promise.all([
      signIn(db, instance.url, { username: 'agent.busy', roles: ['agent'], orgIds: [ORG], staffId: 's-1' }),
      signIn(db, instance.url, { username: 'agent.calm', roles: ['agent'], orgIds: [ORG], staffId: 's-2' }),
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE + 1; i++) {
      statuses.push((await fetch(`${instance.url}/v1/worklist`, { headers: bearer(busy) })).status);
    }
    expect(statuses).toEqual([...Array<number>(PER_MINUTE).fill(200), 429]);
    const refused = await fetch(`${instance.url}/v1/worklist`, { headers: bearer(busy) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${instance.url}/v1/worklist`, { headers: bearer(calm) })).status).toBe(200);
  });

  it('stops password guessing on one account after a few tries a minute', async () => {
    await freshEnoughMinute();
    await new UserRepository(db.manager).create({
      username: 'agent.target',
      roles: ['agent'],
      orgIds: [ORG],
      password: TEST_PASSWORD,
    });
    const attempt = (password: string) =>
      fetch(`${instance.url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: 'agent.target', password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < LOGINS_PER_MINUTE; i++) statuses.push((await attempt(`guess-${i}`)).status);
    expect(statuses.every((status) => status === 400 || status === 401)).toBe(true);
    // Even the right password waits for the next minute once the account's tries are spent.
    expect((await attempt(TEST_PASSWORD)).status).toBe(429);
  });

  it("counts provider callbacks apart from the address's public requests, with their own budget", async () => {
    await freshEnoughMinute();
    // The public pages' budget of this address is spent...
    for (let i = 0; i < PER_MINUTE + 1; i++) await fetch(`${instance.url}/.well-known/jwks.json`);
    expect((await fetch(`${instance.url}/.well-known/jwks.json`)).status).toBe(429);
    // ...and a provider pushing results from it is still heard (refused here only for its missing signature).
    const push = () =>
      fetch(`${instance.url}/v1/channels/phone/robot-results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    const statuses: number[] = [];
    for (let i = 0; i < CALLBACKS_PER_MINUTE; i++) statuses.push((await push()).status);
    expect(statuses).not.toContain(429);
    expect((await push()).status).toBe(429);
  });
});
