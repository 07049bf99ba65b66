import { Client } from 'pg';
import { redactUrl } from '@revisit/local-infra';

/** `revisit_test_<epoch ms>_<pid>`: unique per run even when two engineers start runs on one server. */
export function testDatabaseName(now: number = Date.now(), pid: number = process.pid): string {
  return `revisit_test_${now}_${pid}`;
}

/** The same server URL with another database name (path), keeping credentials and parameters. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}

/** WITH (FORCE) (PostgreSQL 13+) ends the connections a crashed test left open. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

async function withClient(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await work(client);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `PostgreSQL at ${redactUrl(serverUrl)} refused the test database operation (${reason}); start PostgreSQL or set DATABASE_URL to a server where this user may create databases.`,
      { cause: err },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A database of its own for one test file (its app schema starts empty), dropped first if a crashed run
 * left it behind. Returns its URL on the same server.
 */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await createDatabase(serverUrl, name);
  return withDatabase(serverUrl, name);
}

export const dropScratchDatabase = dropDatabase;
