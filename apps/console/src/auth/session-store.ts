import { AnalyticsApi } from '../api/analytics-api';
import { sessionFromToken, signIn as requestToken, type Session } from '../api/auth-api';
import { HttpClient } from '../api/http-client';
import { OutreachApi } from '../api/outreach-api';

// sessionStorage, not localStorage: the token dies with the tab, which suits shared ward and call-centre PCs.
const STORAGE_KEY = 'revisit.console.token';

export interface SessionSnapshot {
  readonly session: Session | undefined;
  /** True after the services refused the token (expired or revoked), until the next sign-in. */
  readonly expired: boolean;
}

/** The signed-in user and the API clients bound to their token; React reads it as an external store. */
export class SessionStore {
  readonly http: HttpClient;
  readonly analytics: AnalyticsApi;
  readonly outreach: OutreachApi;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly now: () => number = Date.now,
  ) {
    this.snapshot = { session: this.restore(), expired: false };
    this.http = new HttpClient(
      () => this.snapshot.session?.accessToken,
      () => this.signOut(true),
    );
    this.analytics = new AnalyticsApi(this.http);
    this.outreach = new OutreachApi(this.http);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): SessionSnapshot => this.snapshot;

  async signIn(username: string, password: string): Promise<void> {
    const session = await requestToken(this.http, username, password);
    this.storage.setItem(STORAGE_KEY, session.accessToken);
    this.update({ session, expired: false });
  }

  signOut(expired = false): void {
    this.storage.removeItem(STORAGE_KEY);
    this.update({ session: undefined, expired });
  }

  private update(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private restore(): Session | undefined {
    const token = this.storage.getItem(STORAGE_KEY);
    if (!token) return undefined;
    try {
      const session = sessionFromToken(token, this.now());
      return session.expiresAt > this.now() ? session : undefined;
    } catch {
      return undefined;
    }
  }
}
