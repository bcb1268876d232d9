import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@council/tests/support';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from '../support/server.js';
import { audit } from './support/axe.js';
import { browserSkipReason, endBrowserTest, launchBrowser, newPage, screenshot } from './support/browser.js';
import { type IdentityProvider, startIdentityProvider } from './support/identity-provider.js';

const CLIENT_ID = 'council-web';
// oidc-provider names resource servers by absolute URI (RFC 8707); Keycloak would use a client id.
const AUDIENCE = 'urn:council:api';
/** Access tokens live 70 s; the page renews 60 s before expiry, so about 10 s after signing in. */
const ACCESS_TOKEN_TTL = 70;

const suite = browserSkipReason ? describe.skip : describe;
const title = 'signing in to the dashboard through a real OpenID Connect provider (Authorization Code + PKCE), in headless Chromium';

/** The provider's own sign-in and consent pages, as a person fills them in. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password: the development interactions accept it');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

suite(browserSkipReason ? `${title} — skipped: ${browserSkipReason}` : title, () => {
  let browser: Browser;
  let provider: IdentityProvider;
  let stranger: IdentityProvider;
  let server: RunningServer;
  let misconfigured: RunningServer;
  const dataDirs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const [apiPort, otherApiPort, providerPort, strangerPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    provider = await startIdentityProvider({ port: providerPort, dashboardOrigin: `http://127.0.0.1:${apiPort}`, clientId: CLIENT_ID, audience: AUDIENCE, accessTokenTtlSeconds: ACCESS_TOKEN_TTL });
    // Another provider, whose tokens the API must refuse: it is not the issuer the API trusts.
    stranger = await startIdentityProvider({ port: strangerPort, dashboardOrigin: `http://127.0.0.1:${otherApiPort}`, clientId: CLIENT_ID, audience: AUDIENCE, accessTokenTtlSeconds: 300 });
    dataDirs.push(await makeDataDir(), await makeDataDir());
    [server, misconfigured] = await Promise.all([
      startServer(dataDirs[0]!, {
        PORT: String(apiPort),
        AUTH_JWKS_URL: provider.jwksUrl,
        AUTH_JWT_ISSUER: provider.issuer,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_OIDC_CLIENT_ID: CLIENT_ID,
        AUTH_OIDC_SCOPES: 'openid profile council',
      }),
      // Signs in at the stranger (and holds its keys) but trusts only the first provider's issuer.
      startServer(dataDirs[1]!, {
        PORT: String(otherApiPort),
        DEMO_DATA: 'false',
        AUTH_JWKS_URL: stranger.jwksUrl,
        AUTH_JWT_ISSUER: provider.issuer,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_OIDC_CLIENT_ID: CLIENT_ID,
        AUTH_OIDC_AUTHORITY: stranger.issuer,
        AUTH_OIDC_SCOPES: 'openid profile council',
      }),
    ]);
  }, 180_000);

  afterEach(endBrowserTest);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), misconfigured?.stop()]);
    await Promise.all([provider?.stop(), stranger?.stop()]);
    await Promise.all(dataDirs.map(removeDataDir));
  });

  /** Signs in as `login` from the dashboard's sign-in page, through the provider, back to `path`. */
  async function signIn(page: Page, login: string, path = '/'): Promise<void> {
    await page.goto(path);
    await page.getByRole('button', { name: 'Đăng nhập qua cổng định danh' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page, login);
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/sign-in'));
    await page.getByTestId('who').waitFor();
  }

  it('tells the page how to sign in: the provider, the client and the scopes; no demo identities', async () => {
    const answer = await fetch(`${server.url}/auth/config`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ demoTokens: false, oidc: { authority: provider.issuer, clientId: CLIENT_ID, scopes: 'openid profile council' } });
    expect((await fetch(`${server.url}/auth/demo-tokens`)).status).toBe(404);
  });

  it('signs a province official in at the provider and shows their province’s dashboard, the token renewed before it expires', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/provinces/79');
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Chọn một danh tính thử nghiệm' }).count()).toBe(0);
    await screenshot(page, 'sign-in-oidc');
    const bearers: string[] = [];
    page.on('request', (request) => {
      if (request.url() === `${server.url}/graphql` && request.method() === 'POST') bearers.push(request.headers()['authorization'] ?? '');
    });
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
    await page.getByRole('button', { name: 'Đăng nhập qua cổng định danh' }).click();
    // The page asked for a code with PKCE (S256) as the public client, with a state.
    const asked = new URL((await authorization).url()).searchParams;
    expect(Object.fromEntries(['client_id', 'response_type', 'code_challenge_method', 'redirect_uri', 'scope'].map((name) => [name, asked.get(name)]))).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${server.url}/sign-in/callback`,
      scope: 'openid profile council',
    });
    expect([asked.get('code_challenge')?.length, (asked.get('state')?.length ?? 0) >= 20]).toEqual([43, true]);
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page, 'phuc.lh@tphcm.gov.vn');
    // Back where the official started, signed in: the token's claims name the person and the province.
    await page.waitForURL(`${server.url}/provinces/79`);
    await expect(page.getByTestId('who').textContent()).resolves.toBe('Đang đăng nhập: Lê Hoàng Phúc · Tỉnh, thành (79)');
    await page.getByTestId('scorecard-made').waitFor();
    expect(Number(await page.getByTestId('scorecard-made').textContent())).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Đề xuất cam kết' }).count()).toBe(1);
    await screenshot(page, 'scorecard-oidc');
    // Nothing of the provider's session in localStorage: the tokens stay in this tab.
    expect(await page.evaluate('Object.keys(localStorage).filter((k) => k !== "council.locale")')).toEqual([]);
    const first = bearers[0];
    expect(first).toMatch(/^Bearer eyJ/);

    // About 10 s in, the page renews the access token with the refresh token, in place.
    const deadline = Date.now() + 30_000;
    while (provider.renewals() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(provider.renewals()).toBeGreaterThan(0);
    // The page has taken the new token (the tab's session holds it) before it is used.
    const held = `Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')).map((k) => 'Bearer ' + JSON.parse(sessionStorage.getItem(k)).access_token)[0]`;
    await page.waitForFunction(`${held} !== ${JSON.stringify(first)}`);
    await page.getByRole('link', { name: 'Toàn vùng' }).click();
    await page.getByTestId('figure-total').waitFor();
    expect(bearers.at(-1)).not.toBe(first);
    expect(bearers.at(-1)).toMatch(/^Bearer eyJ/);
    // A reload keeps the session of this tab.
    await page.reload();
    await page.getByTestId('who').waitFor();
    await page.getByTestId('figure-total').waitFor();
  }, 120_000);

  it('says the session expired when the provider refuses to renew it (sessions revoked there)', async () => {
    const page = await newPage(browser, server.url);
    await signIn(page, 'thanh.nv@hoidong.gov.vn');
    await expect(page.getByTestId('who').textContent()).resolves.toBe('Đang đăng nhập: Nguyễn Văn Thành · Hội đồng');
    await provider.revokeAll();
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.');
    expect(await page.getByRole('button', { name: 'Đăng nhập qua cổng định danh' }).count()).toBe(1);
    await screenshot(page, 'sign-in-expired');
  }, 90_000);

  it('signs out at the provider too: the next sign-in asks for the password again', async () => {
    const page = await newPage(browser, server.url);
    await signIn(page, 'phuc.lh@tphcm.gov.vn');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${server.url}/sign-in`);
    await expect(page.getByTestId('sign-in-notice').textContent()).resolves.toBe('Bạn đã đăng xuất.');
    await page.getByRole('button', { name: 'Đăng nhập qua cổng định danh' }).click();
    await page.locator('input[name="login"]').waitFor();
  }, 60_000);

  it('refuses a token from another issuer, and the page says why', async () => {
    const page = await newPage(browser, misconfigured.url);
    await page.goto('/');
    await page.getByRole('button', { name: 'Đăng nhập qua cổng định danh' }).click();
    await page.waitForURL((url) => url.origin === stranger.issuer);
    await signInAtProvider(page, 'phuc.lh@tphcm.gov.vn');
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Máy chủ từ chối mã truy cập: mã do một nơi cấp khác cấp, không phải cổng định danh mà máy chủ tin cậy');
    expect(await page.getByTestId('who').count()).toBe(0);
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Sign in with the identity provider' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await screenshot(page, 'sign-in-refused');
  }, 60_000);
});
