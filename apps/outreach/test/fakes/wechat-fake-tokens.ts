import { randomBytes } from 'node:crypto';

interface IssuedToken {
  readonly account: string;
  expiresAt: number;
}

/** How WeChat-family servers keep access tokens: random strings with an expiry, per account (AppID/CorpID). */
export class FakeTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly latest = new Map<string, string>();
  /** Tokens issued so far, per account: a test asserts that replicas shared one. */
  readonly issued = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimeSeconds: number,
  ) {}

  /** A new token; the previous one stays valid for `overlapMs` more (WeChat: 5 minutes, WeCom: its own expiry). */
  issue(account: string, overlapMs?: number): { token: string; expiresIn: number } {
    const previous = this.latest.get(account);
    const old = previous === undefined ? undefined : this.tokens.get(previous);
    if (old !== undefined && overlapMs !== undefined) old.expiresAt = Math.min(old.expiresAt, this.now() + overlapMs);
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { account, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    this.latest.set(account, token);
    this.issued.set(account, (this.issued.get(account) ?? 0) + 1);
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** The current token if it has more than `minRemainingMs` to live (WeChat `stable_token`). */
  current(account: string, minRemainingMs: number): { token: string; expiresIn: number } | undefined {
    const token = this.latest.get(account);
    const entry = token === undefined ? undefined : this.tokens.get(token);
    if (token === undefined || entry === undefined || entry.expiresAt - this.now() <= minRemainingMs) return undefined;
    return { token, expiresIn: Math.floor((entry.expiresAt - this.now()) / 1000) };
  }

  /** 0 for a good token, else the errcode the providers answer: 41001 missing, 40001/40014 invalid, 42001 expired. */
  check(token: string | null, invalidCode: number): { errcode: number; account?: string } {
    if (token === null || token === '') return { errcode: 41001 };
    const entry = this.tokens.get(token);
    if (entry === undefined) return { errcode: invalidCode };
    if (entry.expiresAt <= this.now()) return { errcode: 42001 };
    return { errcode: 0, account: entry.account };
  }

  /** Revokes every token, as resetting the secret in the console does. */
  revokeAll(): void {
    this.tokens.clear();
  }
}

/** Daily call quotas, as both platforms count them (per account and API). */
export class DailyQuota {
  private readonly used = new Map<string, number>();
  constructor(private readonly limit: number) {}

  take(key: string): boolean {
    const count = this.used.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.used.set(key, count + 1);
    return true;
  }
}
