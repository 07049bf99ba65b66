import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SessionStore, type SessionSnapshot } from './session-store';

const SessionContext = createContext<SessionStore | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [store] = useState(() => new SessionStore(window.sessionStorage));
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export interface SessionView extends SessionSnapshot {
  readonly store: SessionStore;
  readonly analytics: SessionStore['analytics'];
  readonly outreach: SessionStore['outreach'];
}

export function useSession(): SessionView {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside SessionProvider');
  const snapshot = useSyncExternalStore(store.subscribe, store.current);
  return { ...snapshot, store, analytics: store.analytics, outreach: store.outreach };
}
