import { expect, it } from '@jest/globals';
import type { ConsoleMessage } from 'playwright-core';
import { hs256 } from '../support/tokens.js';
import { describeInBrowser, newPage, screenshot } from './support/browser.js';

const SECRET = 'production-secret-for-the-page-policy-0123456789';
const COUNCIL = { sub: 'council-secretariat', name: 'Nguyễn Văn Thành', roles: ['council'] };

describeInBrowser('the dashboard in production, under its own content security policy, in headless Chromium', { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }, (the) => {
  it('sends the page and its files with a policy that allows only this origin, and the API with its own', async () => {
    const pageAnswer = await fetch(`${the.server.url}/`, { headers: { accept: 'text/html' } });
    const policy = pageAnswer.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await pageAnswer.text())![1]!;
    expect((await fetch(`${the.server.url}${script}`)).headers.get('content-security-policy')).toBe(policy);
    expect(pageAnswer.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await fetch(`${the.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('works under that policy: a pasted token signs in and the overview shows, with no violation reported', async () => {
    const page = await newPage(the.browser, the.server.url);
    const violations: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Mã truy cập' }).fill(await hs256(SECRET, { claims: COUNCIL }));
    await page.getByRole('button', { name: 'Dùng mã này' }).click();
    await page.getByTestId('who').waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'production-overview');
    expect(violations).toEqual([]);
  });
});
