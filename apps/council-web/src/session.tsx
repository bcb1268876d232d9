import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type Client, type CombinedError, Provider, useQuery, useSubscription } from 'urql';
import { createApiClient, DASHBOARDS_CHANGED, type Identity, ME } from './api.js';
import type { OidcSession } from './oidc.js';
import { fetchSignInConfig, hasOidcSession } from './sign-in-config.js';

const TOKEN_KEY = 'council.token';
/** Set while the browser visits the provider to sign out, so the page it comes back to can say so. */
const SIGNED_OUT_KEY = 'council.signedOut';
const CALLBACK_PATH = '/sign-in/callback';

/** Why the sign-in page is shown instead of the dashboard. */
export type SignInNotice =
  | { readonly kind: 'rejected'; readonly reason: string | null }
  | { readonly kind: 'expired' }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'providerFailed'; readonly reason: string }
  /** Back from the identity provider (or resuming this tab's session with it): finishing. */
  | { readonly kind: 'completing' };

interface Session {
  readonly token: string | null;
  readonly me: Identity | null;
  /** How many times the dashboards changed since this page opened: queries refetch on each. */
  readonly changes: number;
  /** A pasted or demo token: kept in this browser until sign-out. */
  signIn(token: string): void;
  /** Leaves for the identity provider's sign-in (configured by `GET /auth/config`). */
  signInWithProvider(): Promise<void>;
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

function remember(key: string, on: boolean): void {
  try {
    if (on) sessionStorage.setItem(key, '1');
    else sessionStorage.removeItem(key);
  } catch {
    // Without storage the page just does not say it.
  }
}

/** "You have signed out" once, on the page the provider sends the browser back to. */
function backFromSignOut(): SignInNotice | null {
  try {
    if (sessionStorage.getItem(SIGNED_OUT_KEY) === null) return null;
  } catch {
    return null;
  }
  remember(SIGNED_OUT_KEY, false);
  return { kind: 'signedOut' };
}

/** What the provider's session tells the page; the mounted SessionProvider sets it. */
const providerListener = { token: (_token: string): void => undefined, expired: (): void => undefined };
let providerSessionOnce: Promise<OidcSession | null> | null = null;
let callbackOnce: Promise<{ token: string; returnTo: string }> | null = null;

/** The page's one session with the identity provider, with oidc-client-ts loaded on first use. */
function providerSession(): Promise<OidcSession | null> {
  providerSessionOnce ??= fetchSignInConfig().then(async ({ oidc }) => {
    if (!oidc) return null;
    const { openOidcSession } = await import('./oidc.js');
    return openOidcSession(oidc, { token: (t) => providerListener.token(t), expired: () => providerListener.expired() });
  });
  return providerSessionOnce;
}

/** Who signed in, and how: the token source decides how sign-out and expiry go. */
interface Signed {
  readonly source: 'stored' | 'oidc';
  /** Changes at each sign-in, not at a renewal: the GraphQL client lives as long as it. */
  readonly id: number;
}

/**
 * The bearer token, a GraphQL client made for the signed-in caller, who the caller is
 * (`me`) and the live change counter from `dashboardsChanged`. A pasted or demo token is
 * kept in localStorage until sign-out; a token from the identity provider lives in this
 * tab (oidc.ts), is renewed in place, and ends with "session expired" when it cannot be.
 */
export function SessionProvider({ children, signIn: signInPage }: { children: ReactNode; signIn: (notice: SignInNotice | null) => ReactNode }) {
  const stored = useMemo(readToken, []);
  const [resuming] = useState(() => !stored && (window.location.pathname === CALLBACK_PATH || hasOidcSession()));
  const [signed, setSigned] = useState<Signed | null>(stored ? { source: 'stored', id: 1 } : null);
  const [loading, setLoading] = useState(resuming);
  const [notice, setNotice] = useState<SignInNotice | null>(backFromSignOut);
  const token = useRef<string | null>(stored);

  const end = useCallback((next: SignInNotice | null) => {
    writeToken(null);
    token.current = null;
    setNotice(next);
    setSigned(null);
  }, []);

  useEffect(() => {
    providerListener.token = (renewed) => (token.current = renewed);
    providerListener.expired = () => end({ kind: 'expired' });
  }, [end]);

  const startOidc = useCallback((accessToken: string) => {
    token.current = accessToken;
    setNotice(null);
    setSigned((previous) => ({ source: 'oidc', id: (previous?.id ?? 0) + 1 }));
  }, []);

  // A session of this tab with the provider (reload), or the provider's answer on the callback page.
  useEffect(() => {
    if (!resuming) return;
    let live = true;
    void (async () => {
      try {
        const session = await providerSession();
        if (!session) return;
        if (window.location.pathname === CALLBACK_PATH) {
          // Once per page load: the code can be exchanged only once.
          callbackOnce ??= session.complete();
          const { token: accessToken, returnTo } = await callbackOnce;
          window.history.replaceState(null, '', returnTo);
          window.dispatchEvent(new PopStateEvent('popstate'));
          if (live) startOidc(accessToken);
        } else {
          const accessToken = await session.current();
          if (live && accessToken) startOidc(accessToken);
          else if (live) setNotice({ kind: 'expired' });
        }
      } catch (error) {
        window.history.replaceState(null, '', '/sign-in');
        window.dispatchEvent(new PopStateEvent('popstate'));
        if (live) setNotice({ kind: 'providerFailed', reason: error instanceof Error ? error.message : String(error) });
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [resuming, startOidc]);

  const signIn = useCallback((next: string) => {
    writeToken(next);
    token.current = next;
    setNotice(null);
    setSigned((previous) => ({ source: 'stored', id: (previous?.id ?? 0) + 1 }));
  }, []);

  const signInWithProvider = useCallback(async () => {
    try {
      const session = await providerSession();
      if (!session) throw new Error('no identity provider is configured');
      const here = window.location.pathname.startsWith('/sign-in') ? '/' : `${window.location.pathname}${window.location.search}`;
      // The provider's token replaces a pasted one when the browser comes back.
      writeToken(null);
      await session.signIn(here, document.documentElement.lang || 'vi');
    } catch (error) {
      setNotice({ kind: 'providerFailed', reason: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const signOut = useCallback(() => {
    writeToken(null);
    if (signed?.source === 'oidc') {
      // The provider ends its session too, then sends the browser back to /sign-in
      // (the page keeps its token until the browser leaves: no request goes out without one).
      remember(SIGNED_OUT_KEY, true);
      void providerSession()
        .then((session) => session?.signOut())
        .catch(() => end({ kind: 'signedOut' }));
      return;
    }
    end({ kind: 'signedOut' });
  }, [signed, end]);

  const onRejected = useCallback(
    (reason: string | null) => {
      if (signed?.source === 'oidc') void providerSession().then((session) => session?.forget());
      end({ kind: 'rejected', reason });
    },
    [signed, end],
  );

  // One client per sign-in; a renewed token is read from the ref at each request.
  const sessionId = signed?.id ?? null;
  const api = useMemo(() => (sessionId === null ? null : createApiClient(() => token.current ?? '')), [sessionId]);
  useEffect(() => () => api?.dispose(), [api]);

  if (loading || !signed || !api)
    return (
      <SessionContext.Provider value={{ token: null, me: null, changes: 0, signIn, signInWithProvider, signOut }}>
        {signInPage(loading ? { kind: 'completing' } : notice)}
      </SessionContext.Provider>
    );
  return (
    <Provider value={api.client} key={signed.id}>
      <SignedIn token={token.current ?? ''} signIn={signIn} signInWithProvider={signInWithProvider} signOut={signOut} onRejected={onRejected}>
        {children}
      </SignedIn>
    </Provider>
  );
}

/** Why the API refused the token (`Not authenticated: …`), when it said. */
function refusal(error: CombinedError | undefined): { refused: boolean; reason: string | null } {
  const unauthenticated = error?.graphQLErrors.find((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  const refused = unauthenticated !== undefined || error?.response?.status === 401;
  const reason = unauthenticated?.message.replace(/^Not authenticated: /, '') ?? null;
  return { refused, reason };
}

function SignedIn({
  token,
  signIn,
  signInWithProvider,
  signOut,
  onRejected,
  children,
}: {
  token: string;
  signIn(t: string): void;
  signInWithProvider(): Promise<void>;
  signOut(): void;
  onRejected(reason: string | null): void;
  children: ReactNode;
}) {
  const [{ data, error }] = useQuery<{ me: Identity }>({ query: ME, requestPolicy: 'network-only' });
  const [{ data: changes }] = useSubscription<{ dashboardsChanged: { position: string } }, number>({ query: DASHBOARDS_CHANGED }, (count = 0) => count + 1);
  const { refused, reason } = refusal(error);
  useEffect(() => {
    if (refused) onRejected(reason);
  }, [refused, reason, onRejected]);
  const value = useMemo(
    () => ({ token, me: data?.me ?? null, changes: changes ?? 0, signIn, signInWithProvider, signOut }),
    [token, data, changes, signIn, signInWithProvider, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A fixed session around a given client: for component tests and embedding. */
export function StaticSession({ client, me, changes = 0, children }: { client: Client; me: Identity; changes?: number; children: ReactNode }) {
  const value = useMemo(
    () => ({ token: 'static', me, changes, signIn: () => undefined, signInWithProvider: async () => undefined, signOut: () => undefined }),
    [me, changes],
  );
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
