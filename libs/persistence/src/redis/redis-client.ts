import type { Logger } from '@revisit/observability';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnectOptions {
  readonly url: string;
  readonly clientName: string;
  readonly logger: Logger;
  /** How long boot waits for the first connection before failing. */
  readonly connectTimeoutMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * Connects once at boot, bounded, so a wrong REDIS_URL fails the boot instead of hanging it. After that
 * the client reconnects with capped back-off and readiness reports the outage meanwhile.
 */
export async function connectRedis(options: RedisConnectOptions): Promise<RedisClient> {
  const client = createClient({
    url: options.url,
    name: options.clientName,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
  let lastError: string | undefined;
  client.on('error', (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // A down Redis emits an error per retry; one line per distinct failure is enough.
    if (message !== lastError) options.logger.warn({ err: error }, 'redis connection error');
    lastError = message;
  });
  client.on('ready', () => {
    lastError = undefined;
  });

  const timeoutMs = options.connectTimeoutMs ?? 15000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis not reachable within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}
