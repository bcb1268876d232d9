import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Client, Provider, useQuery, useSubscription } from 'urql';
import { createApiClient, DASHBOARDS_CHANGED, type Identity, ME } from './api.js';

const TOKEN_KEY = 'council.token';

interface Session {
  readonly token: string | null;
  readonly me: Identity | null;
  /** How many times the dashboards changed since this page opened: queries refetch on each. */
  readonly changes: number;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the sign-in lasts for this page only.
  }
}

/**
 * The bearer token (kept in this browser until sign-out), a GraphQL client made for it,
 * who the caller is (`me`) and the live change counter from `dashboardsChanged`.
 */
export function SessionProvider({ children, signIn: signInPage }: { children: ReactNode; signIn: (rejected: boolean) => ReactNode }) {
  const [token, setToken] = useState<string | null>(readToken);
  const [rejected, setRejected] = useState(false);
  const signIn = useCallback((next: string) => {
    writeToken(next);
    setRejected(false);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    writeToken(null);
    setToken(null);
  }, []);
  const api = useMemo(() => (token ? createApiClient(token) : null), [token]);
  useEffect(() => () => api?.dispose(), [api]);
  const onRejected = useCallback(() => {
    writeToken(null);
    setRejected(true);
    setToken(null);
  }, []);
  if (!token || !api) return <SessionContext.Provider value={{ token: null, me: null, changes: 0, signIn, signOut }}>{signInPage(rejected)}</SessionContext.Provider>;
  return (
    <Provider value={api.client} key={token}>
      <SignedIn token={token} signIn={signIn} signOut={signOut} onRejected={onRejected}>
        {children}
      </SignedIn>
    </Provider>
  );
}

function SignedIn({ token, signIn, signOut, onRejected, children }: { token: string; signIn(t: string): void; signOut(): void; onRejected(): void; children: ReactNode }) {
  const [{ data, error }] = useQuery<{ me: Identity }>({ query: ME, requestPolicy: 'network-only' });
  const [{ data: changes }] = useSubscription<{ dashboardsChanged: { position: string } }, number>({ query: DASHBOARDS_CHANGED }, (count = 0) => count + 1);
  const unauthenticated = error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED') || error?.response?.status === 401;
  useEffect(() => {
    if (unauthenticated) onRejected();
  }, [unauthenticated, onRejected]);
  const value = useMemo(() => ({ token, me: data?.me ?? null, changes: changes ?? 0, signIn, signOut }), [token, data, changes, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A fixed session around a given client: for component tests and embedding. */
export function StaticSession({ client, me, changes = 0, children }: { client: Client; me: Identity; changes?: number; children: ReactNode }) {
  const value = useMemo(() => ({ token: 'static', me, changes, signIn: () => undefined, signOut: () => undefined }), [me, changes]);
  return (
    <Provider value={client}>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
