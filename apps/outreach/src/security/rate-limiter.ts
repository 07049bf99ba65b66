import { createHash } from 'node:crypto';
import { type RedisClient } from '@revisit/persistence';
import { RateLimitError } from './rate-limit.errors';

export interface RateLimits {
  readonly perMinute: number;
  readonly loginPerMinute: number;
  /** Provider callbacks: batch results arrive in bursts from a few addresses, each request signed. */
  readonly callbacksPerMinute: number;
  /** Redis key prefix; tests isolate themselves with it. */
  readonly prefix: string;
}

/**
 * Fixed one-minute windows counted in Redis, so every replica shares the count. Keys are hashed: a
 * username or IP never sits in Redis in clear.
 */
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly limits: RateLimits,
  ) {}

  consumeRequest(caller: string): Promise<void> {
    return this.consume('req', caller, this.limits.perMinute);
  }

  consumeCallback(caller: string): Promise<void> {
    return this.consume('callback', caller, this.limits.callbacksPerMinute);
  }

  consumeLogin(caller: string): Promise<void> {
    return this.consume('login', caller, this.limits.loginPerMinute);
  }

  private async consume(kind: string, caller: string, limit: number): Promise<void> {
    const window = Math.floor(Date.now() / 60_000);
    const digest = createHash('sha256').update(caller).digest('base64url').slice(0, 22);
    const key = `${this.limits.prefix}rl:${kind}:${digest}:${window}`;
    const [count] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as unknown as [number, number];
    if (Number(count) > limit) throw new RateLimitError(60 - (Math.floor(Date.now() / 1000) % 60));
  }
}
