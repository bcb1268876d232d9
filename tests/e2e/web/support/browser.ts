import { afterAll, afterEach, beforeAll, describe, expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { makeDataDir, removeDataDir, type RunningServer, startServer } from '../../support/server.js';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const browserSkipReason = existsSync(CHROMIUM_PATH)
  ? undefined
  : `${CHROMIUM_PATH} is absent: install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH`;

/** Where each run leaves screenshots of the main pages (README: "The dashboard"). */
export const SCREENSHOTS_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../../..'), 'reports/screenshots');

// Without the background-networking flags Chromium waits on services it cannot reach from a closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** Uncaught errors of the pages opened so far: a test ends by expecting none. */
export const pageErrors: string[] = [];

const contexts: BrowserContext[] = [];

/** Closes the pages opened since the last call: a test ends with it. */
export async function closePages(): Promise<void> {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

/** A page in its own context (its own storage: one signed-in caller per page), failing the test on a page error. */
export async function newPage(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Opens the dashboard and picks a demo identity on the sign-in page. */
export async function signInAs(page: Page, identity: RegExp, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: identity }).click();
  await page.getByTestId('who').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Ends a browser test: its pages closed, and no uncaught error in any of them. */
export async function endBrowserTest(): Promise<void> {
  await closePages();
  expect(pageErrors.splice(0)).toEqual([]);
}

/** What a `describeInBrowser` block's tests drive: set before the first test runs. */
export interface BrowserAndServer {
  readonly browser: Browser;
  readonly server: RunningServer;
}

/**
 * A block of browser tests against one built council-api on a fresh data directory,
 * started with `env` (skipped, with the reason in its title, when Chromium is absent).
 * Each test ends with `endBrowserTest`; the browser, server and directory go at the end.
 */
export function describeInBrowser(title: string, env: Record<string, string>, body: (the: BrowserAndServer) => void): void {
  const the = {} as { browser: Browser; server: RunningServer };
  let dataDir: string | undefined;
  (browserSkipReason ? describe.skip : describe)(browserSkipReason ? `${title} — skipped: ${browserSkipReason}` : title, () => {
    beforeAll(async () => {
      dataDir = await makeDataDir();
      the.browser = await launchBrowser();
      the.server = await startServer(dataDir, env);
    }, 180_000);
    afterEach(endBrowserTest);
    afterAll(async () => {
      await the.browser?.close();
      await the.server?.stop();
      if (dataDir) await removeDataDir(dataDir);
    });
    body(the);
  });
}
