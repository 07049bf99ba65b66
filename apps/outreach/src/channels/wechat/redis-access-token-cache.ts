import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { RedisClient } from '@revisit/persistence';
import { ChannelError, ChannelErrorCode } from '../channel.errors';

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

export interface RedisAccessTokenCacheOptions {
  readonly redis: RedisClient;
  /** Redis key of the cached token, one per provider account, e.g. `outreach:token:wechat-oa:<appid>`. */
  readonly key: string;
  /** For errors and logs. */
  readonly provider: string;
  /**
   * Asks the provider for a new token; called by at most one replica at a time. `forceRefresh` is true when
   * the provider rejected the cached token (WeChat `stable_token` then needs `force_refresh`).
   */
  readonly issue: (forceRefresh: boolean) => Promise<IssuedAccessToken>;
  /** Refresh this long before the provider's expiry (WeChat advises 5 minutes: tokens overlap that long). */
  readonly refreshMarginMs?: number;
  /** Lock lease; a refresher that dies frees it after this long. */
  readonly lockTtlMs?: number;
  /** How long a caller waits for another replica's refresh before giving up. */
  readonly waitTimeoutMs?: number;
  readonly pollIntervalMs?: number;
  readonly now?: () => number;
}

interface CachedToken {
  readonly token: string;
  /** When replicas start refreshing it: the provider's expiry less the margin (or half its life). */
  readonly refreshAt: number;
  readonly expiresAt: number;
  /** The fencing number of the refresh that wrote it. */
  readonly fence: number;
}

// Writes the token only if no refresh with a higher fence has written one already: a refresher whose lock
// lease ran out while the provider was slow cannot overwrite the newer token of the one that came after.
const WRITE_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' and tonumber(decoded.fence) and tonumber(decoded.fence) > tonumber(ARGV[2]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * An access token (WeChat Official Account, WeCom) shared by every replica through Redis. Providers cap how
 * often a token may be issued and `/cgi-bin/token` revokes the previous one, so exactly one replica refreshes
 * at a time: it takes a lock (SET NX PX with an owner id) and a fencing number (INCR); the others poll the
 * cache until the new token appears.
 */
export class RedisAccessTokenCache {
  private readonly refreshMarginMs: number;
  private readonly lockTtlMs: number;
  private readonly waitTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RedisAccessTokenCacheOptions) {
    this.refreshMarginMs = options.refreshMarginMs ?? 300_000;
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 20_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.now = options.now ?? Date.now;
  }

  /** A token valid for at least the refresh margin, refreshing it if needed. */
  get(): Promise<string> {
    return this.obtain(undefined);
  }

  /**
   * The provider said `stale` is invalid or expired (WeChat 40001/42001, WeCom 40014/42001): returns a newer
   * token, refreshing only if the cache still holds `stale` (another replica may have replaced it already).
   */
  replace(stale: string): Promise<string> {
    return this.obtain(stale);
  }

  private async obtain(stale: string | undefined): Promise<string> {
    // Real time, even when tests move `now`: this bounds how long a caller really waits.
    const deadline = Date.now() + this.waitTimeoutMs;
    for (;;) {
      const cached = await this.read();
      if (cached !== undefined && cached.refreshAt > this.now() && cached.token !== stale) return cached.token;
      const refreshed = await this.tryRefresh(stale).catch(async (error: unknown) => {
        // A failed refresh inside the margin still leaves a token the provider accepts for a while.
        const fallback = await this.read();
        if (fallback !== undefined && fallback.token !== stale) return fallback.token;
        throw error;
      });
      if (refreshed !== undefined) return refreshed;
      // Another replica is refreshing; the provider keeps accepting the current token meanwhile.
      if (cached !== undefined && cached.token !== stale) return cached.token;
      if (Date.now() >= deadline) {
        throw new ChannelError(
          ChannelErrorCode.PROVIDER_UNAVAILABLE,
          this.options.provider,
          undefined,
          'timed out waiting for another replica to refresh the access token',
        );
      }
      await delay(this.pollIntervalMs);
    }
  }

  /** The cached token while the provider still accepts it. */
  private async read(): Promise<CachedToken | undefined> {
    const raw = await this.options.redis.get(this.options.key);
    const cached = raw === null ? undefined : parseCached(raw);
    if (cached === undefined || cached.expiresAt <= this.now()) return undefined;
    return cached;
  }

  /** Refreshes under the lock and returns the token, or undefined when another replica holds the lock. */
  private async tryRefresh(stale: string | undefined): Promise<string | undefined> {
    const { redis, key } = this.options;
    const owner = randomUUID();
    const locked = await redis.set(`${key}:lock`, owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: this.lockTtlMs },
    });
    if (locked !== 'OK') return undefined;
    try {
      const fence = await redis.incr(`${key}:fence`);
      // The previous lock holder may have written between our read and our lock.
      const current = await this.read();
      if (current !== undefined && current.refreshAt > this.now() && current.token !== stale) return current.token;
      const issued = await this.options.issue(stale !== undefined);
      const lifetimeMs = issued.expiresInSeconds * 1000;
      const issuedAt = this.now();
      const entry: CachedToken = {
        token: issued.token,
        refreshAt: issuedAt + Math.max(lifetimeMs - this.refreshMarginMs, lifetimeMs / 2),
        expiresAt: issuedAt + lifetimeMs,
        fence,
      };
      const expiresAt = entry.expiresAt;
      const written = await redis.eval(WRITE_IF_NEWER, {
        keys: [key],
        arguments: [JSON.stringify(entry), String(fence), String(Math.max(1, expiresAt - this.now()))],
      });
      if (written === 1) return issued.token;
      return (await this.read())?.token;
    } finally {
      await redis.eval(RELEASE_IF_OWNER, { keys: [`${key}:lock`], arguments: [owner] });
    }
  }
}

function parseCached(raw: string): CachedToken | undefined {
  try {
    const value = JSON.parse(raw) as Partial<CachedToken>;
    const numbers = [value.refreshAt, value.expiresAt, value.fence];
    if (typeof value.token !== 'string' || numbers.some((n) => typeof n !== 'number')) return undefined;
    return value as CachedToken;
  } catch {
    return undefined;
  }
}
