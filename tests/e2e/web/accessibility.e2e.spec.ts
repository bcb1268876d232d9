import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { audit } from './support/axe.js';
import { describeInBrowser, newPage, screenshot, signInAs } from './support/browser.js';

const HCMC = /TP\. Hồ Chí Minh \(79\)/;

/**
 * Whether the focused element shows that it has the focus: the page's :focus-visible
 * ring. Chromium's date field also puts its calendar button in the Tab order, inside
 * the field, and draws that button's focus ring itself.
 */
const FOCUS_SHOWN = `(() => {
  const el = document.activeElement;
  if (el && el.matches('input[type="date"]') && !el.matches(':focus-visible')) return true;
  if (!el || el === document.body || !el.matches(':focus-visible')) return false;
  const style = getComputedStyle(el);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
})()`;

/** The accessible name of the focused element, roughly as a screen reader says it. */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || '';
  return label.replace(/\\s+/g, ' ').trim();
})()`;

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element's name matches, inside
 * `within` when given, checking that each stop shows its focus.
 */
async function tabTo(page: Page, name: RegExp, { within, back = false }: { within?: string; back?: boolean } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = (await page.evaluate(FOCUSED_NAME)) as string;
    seen.push(focused);
    expect([focused, await page.evaluate(FOCUS_SHOWN)]).toEqual([focused, true]);
    const inside = within === undefined || (await page.evaluate(`document.activeElement.closest(${JSON.stringify(within)}) !== null`));
    if (name.test(focused) && inside) return;
  }
  throw new Error(`Tab never reached ${name}; stops: ${seen.join(' → ')}`);
}

describeInBrowser('the dashboard’s accessibility: axe-core on every main page, and the keyboard alone', {}, (the) => {
  /** The main pages, each with what shows it has loaded. */
  async function mainPages(page: Page): Promise<{ name: string; path: string; ready: string }[]> {
    await page.goto('/commitments');
    await page.locator('tbody tr a').first().waitFor();
    const commitment = await page.locator('tbody tr a').first().getAttribute('href');
    await page.goto('/projects');
    const project = page.locator('main a[href^="/projects/"]').first();
    await project.waitFor();
    return [
      { name: 'overview', path: '/', ready: '[data-testid="figure-total"]' },
      { name: 'track', path: '/tracks/health', ready: '[data-testid="track-total"]' },
      { name: 'scorecard', path: '/provinces/79', ready: '[data-testid="scorecard-made"]' },
      { name: 'commitments', path: '/commitments', ready: 'tbody tr a' },
      { name: 'commitment', path: commitment!, ready: '[data-testid="timeline"]' },
      { name: 'propose', path: '/commitments/new', ready: 'form input[type="checkbox"]' },
      { name: 'projects', path: '/projects', ready: 'main a[href^="/projects/"]' },
      { name: 'project', path: (await project.getAttribute('href'))!, ready: '[data-testid="project-commitments"] tbody tr' },
    ];
  }

  for (const locale of ['vi', 'en'] as const)
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ])
      it(`finds no serious or critical violation on any main page, in ${locale === 'vi' ? 'Vietnamese' : 'English'} at ${viewport.width} px`, async () => {
        const page = await newPage(the.browser, the.server.url, viewport);
        if (locale === 'en') await page.addInitScript(`localStorage.setItem('council.locale', 'en')`);
        const found: Record<string, string[]> = {};
        await page.goto('/');
        await page.getByRole('button', { name: HCMC }).waitFor();
        found['sign-in'] = await audit(page);
        await signInAs(page, HCMC);
        for (const { name, path, ready } of await mainPages(page)) {
          await page.goto(path);
          await page.locator(ready).first().waitFor();
          expect(await page.evaluate('document.documentElement.lang')).toBe(locale);
          found[name] = await audit(page);
          // At 360 px the page itself never scrolls sideways.
          if (viewport.width === 360) expect([name, await page.evaluate('document.documentElement.scrollWidth <= 360')]).toEqual([name, true]);
        }
        expect(Object.keys(found)).toHaveLength(9);
        expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
        if (viewport.width === 360) await screenshot(page, `project-360px-${locale}`);
      }, 180_000);

  it('can be used with the keyboard alone: sign-in, the main navigation, the language switch and the proposal form, the focus always shown', async () => {
    const page = await newPage(the.browser, the.server.url);
    await page.goto('/');
    await page.getByRole('button', { name: HCMC }).waitFor();
    await tabTo(page, /^TP\. Hồ Chí Minh \(79\)/);
    await page.keyboard.press('Enter');
    await page.getByTestId('who').waitFor();
    await page.getByTestId('figure-total').waitFor();

    // The main navigation: each link reached with Tab and followed with Enter; the new page's heading takes the focus.
    await tabTo(page, /^Cam kết$/, { within: 'nav' });
    await page.keyboard.press('Enter');
    await page.waitForURL(`${the.server.url}/commitments`);
    await page.waitForFunction(`document.activeElement.tagName === 'H1'`);
    // From the page's heading back up into the navigation.
    await tabTo(page, /^Lĩnh vực$/, { within: 'nav', back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('track-total').waitFor();

    // The language switch, with Space as a button takes it, and back with Enter.
    await tabTo(page, /^Switch to English$/, { back: true });
    await page.keyboard.press('Space');
    await page.waitForFunction(`document.documentElement.lang === 'en'`);
    expect(await page.evaluate(FOCUSED_NAME)).toBe('Chuyển sang tiếng Việt');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.documentElement.lang === 'vi'`);

    // The proposal form, field by field.
    await tabTo(page, /^Đề xuất cam kết$/, { within: 'nav' });
    await page.keyboard.press('Enter');
    await page.waitForURL(`${the.server.url}/commitments/new`);
    const type = async (label: RegExp, text: string) => {
      await tabTo(page, label);
      await page.keyboard.type(text);
    };
    await type(/^Nội dung cam kết$/, 'Mở 200 giường bệnh tại Bệnh viện Chợ Rẫy cơ sở 2');
    await tabTo(page, /Đồng Nai \(75\)/);
    await page.keyboard.press('Space');
    expect(await page.evaluate('document.activeElement.checked')).toBe(true);
    await type(/^Cơ quan chịu trách nhiệm$/, 'Sở Y tế');
    await type(/^Người chịu trách nhiệm \(chức danh\)$/, 'Giám đốc Sở');
    await type(/^Tên chỉ tiêu$/, 'Giường bệnh');
    await type(/^Đơn vị tính$/, 'giường');
    await type(/^Mục tiêu$/, '200');
    const deadline = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
    // Chromium's date field takes month, day and year typed in its own interface's order (en-US here).
    const [year, month, day] = deadline.split('-');
    await type(/^Thời hạn$/, `${month}${day}${year}`);
    expect(await page.evaluate('document.activeElement.value')).toBe(deadline);
    await type(/^Kinh phí \(đồng\)$/, '150.000.000.000');
    await screenshot(page, 'propose-keyboard');
    await tabTo(page, /^Gửi đề xuất$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /^\/commitments\/(?!new$)[^/]+$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Mở 200 giường bệnh tại Bệnh viện Chợ Rẫy cơ sở 2' }).waitFor();
  }, 120_000);
});
