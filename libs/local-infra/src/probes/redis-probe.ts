import { createClient } from 'redis';
import type { ProbeResult } from './kafka-probe';

/** Connects once (no reconnect loop) and sends PING. */
export async function probeRedis(url: string, timeoutMs = 3_000): Promise<ProbeResult> {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const pong = await client.ping();
    return pong === 'PONG' ? { reachable: true } : { reachable: false, detail: `unexpected reply ${pong}` };
  } catch (err) {
    return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    if (client.isOpen) client.destroy();
  }
}
