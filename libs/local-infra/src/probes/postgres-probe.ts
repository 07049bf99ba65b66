import { Client } from 'pg';
import type { ProbeResult } from './kafka-probe';

/** Connects and runs `SELECT 1`. */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<ProbeResult> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // pg emits 'error' on an idle client whose server goes away; unhandled it would crash the CLI.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { reachable: true };
  } catch (err) {
    return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
