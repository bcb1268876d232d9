import { ErrorResponse, type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcSettings } from './sign-in-config.js';

/**
 * Sign-in through the identity provider (Authorization Code flow with PKCE, public
 * client), with oidc-client-ts. Loaded only when used (the sign-in button, the
 * callback, or a session already open in this tab), so the demo and pasted-token
 * paths never download it.
 */

/** Where the provider sends the browser back with the code; register it at the provider. */
export const CALLBACK_PATH = '/sign-in/callback';
/** Where the provider sends the browser after sign-out; register it as a post-logout redirect URI. */
export const SIGNED_OUT_PATH = '/sign-in';

/** How an OIDC session reports to the page. */
export interface OidcListener {
  /** A new access token (after sign-in or a renewal). */
  token(accessToken: string): void;
  /** The session is over: the token expired and could not be renewed, or the provider refused the renewal. */
  expired(): void;
}

export interface OidcSession {
  /** The access token of a session already open in this tab (it survives a reload), if any. */
  current(): Promise<string | null>;
  /** Leaves for the provider's sign-in page; `returnTo` is where the page goes back afterwards. */
  signIn(returnTo: string, locale: string): Promise<void>;
  /** Completes the sign-in on the callback page: the access token and where to go. */
  complete(): Promise<{ token: string; returnTo: string }>;
  /** Forgets the session here and ends it at the provider (RP-initiated logout). */
  signOut(): Promise<void>;
  /** Forgets the session here only. */
  forget(): Promise<void>;
}

/**
 * One session with the provider. Tokens live in this tab's sessionStorage (not
 * localStorage): gone when the tab closes, kept across a reload. Before the access
 * token expires it is renewed with the refresh token when the provider issued one;
 * otherwise, or when the provider refuses (the session was ended or revoked there),
 * the page is told the session expired.
 */
export function openOidcSession(settings: OidcSettings, listener: OidcListener, origin = window.location.origin): OidcSession {
  const manager = new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scopes,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    // Renewal is driven below: a refresh token when there is one, never a hidden iframe
    // (third-party cookies are blocked by most browsers now).
    automaticSilentRenew: false,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  let renewing: Promise<void> | null = null;
  const renew = async (user: User | null) => {
    if (!user?.refresh_token) return; // nothing to renew with: the expiry ends the session
    try {
      const renewed = await manager.signinSilent();
      if (renewed) listener.token(renewed.access_token);
    } catch (error) {
      // The provider said no (invalid_grant: session ended, token revoked): the session is over.
      // A network failure leaves the current token in use until it expires.
      if (error instanceof ErrorResponse) {
        await manager.removeUser();
        listener.expired();
      }
    }
  };
  const onExpiring = () => {
    renewing ??= manager.getUser().then(renew).finally(() => (renewing = null));
  };
  const onExpired = () => {
    void manager.removeUser().then(() => listener.expired());
  };
  manager.events.addAccessTokenExpiring(onExpiring);
  manager.events.addAccessTokenExpired(onExpired);
  return {
    async current() {
      const user = await manager.getUser();
      if (!user) return null;
      if (user.expired) {
        // A tab reopened after its token lapsed: renew if possible, else start over.
        await renew(user);
        const renewed = await manager.getUser();
        return renewed && !renewed.expired ? renewed.access_token : null;
      }
      return user.access_token;
    },
    async signIn(returnTo, locale) {
      await manager.signinRedirect({ state: { returnTo }, ui_locales: locale });
    },
    async complete() {
      const user = await manager.signinRedirectCallback();
      const state = user.state as { returnTo?: unknown } | undefined;
      const returnTo = typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') && !state.returnTo.startsWith('//') ? state.returnTo : '/';
      return { token: user.access_token, returnTo };
    },
    async signOut() {
      const user = await manager.getUser();
      await manager.removeUser();
      await manager.signoutRedirect({ id_token_hint: user?.id_token });
    },
    async forget() {
      await manager.removeUser();
    },
  };
}
