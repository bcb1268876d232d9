/** @jest-environment jsdom */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Locale } from '../format.js';
import { I18nProvider } from '../i18n.js';
import type { SignInNotice } from '../session.js';
import { SignInPage } from './sign-in.js';

/** What a production server answers at GET /auth/config: an identity provider, no demo identities. */
const CONFIG = { demoTokens: false, oidc: { authority: 'https://id.dongnai.gov.vn/realms/council', clientId: 'council-web', scopes: 'openid profile' } };
const asked: string[] = [];

beforeAll(() => {
  globalThis.fetch = (async (url: RequestInfo | URL) => {
    asked.push(String(url));
    return { ok: String(url) === '/auth/config', json: async () => CONFIG } as Response;
  }) as typeof fetch;
});

afterEach(cleanup);

function show(notice: SignInNotice | null, locale: Locale = 'vi', onProvider = async () => undefined) {
  render(
    <I18nProvider initial={locale}>
      <SignInPage onToken={() => undefined} onProvider={onProvider} notice={notice} />
    </I18nProvider>,
  );
}

describe('the sign-in page of a server with an identity provider', () => {
  it('offers the identity provider and the pasted token, and never asks for demo identities', async () => {
    let left = 0;
    show(null, 'vi', async () => void (left += 1));
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng nhập qua cổng định danh' }));
    expect(left).toBe(1);
    expect(screen.getByLabelText('Mã truy cập')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Chọn một danh tính thử nghiệm' })).toBeNull();
    expect(asked).not.toContain('/auth/demo-tokens');
  });

  it('says in English too where to sign in', async () => {
    show(null, 'en');
    expect(await screen.findByRole('button', { name: 'Sign in with the identity provider' })).toBeTruthy();
  });

  it('says why it is back: the API’s reason in Vietnamese, an expired session, a sign-out', async () => {
    show({ kind: 'rejected', reason: 'the token is meant for another audience' });
    expect((await screen.findByRole('alert')).textContent).toBe('Máy chủ từ chối mã truy cập: mã được cấp cho một ứng dụng khác');
    cleanup();
    show({ kind: 'rejected', reason: 'the token is meant for another audience' }, 'en');
    expect((await screen.findByRole('alert')).textContent).toBe('The server refused the access token: the token is meant for another audience');
    cleanup();
    show({ kind: 'expired' });
    expect((await screen.findByRole('alert')).textContent).toBe('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.');
    cleanup();
    show({ kind: 'signedOut' });
    expect((await screen.findByText('Bạn đã đăng xuất.')).getAttribute('role')).toBe('status');
  });

  it('only says it is finishing while the provider’s answer is being completed', async () => {
    show({ kind: 'completing' });
    expect(screen.getByRole('status').textContent).toBe('Đang hoàn tất đăng nhập…');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
