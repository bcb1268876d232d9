import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeInBrowser, newPage, screenshot, signInAs } from './support/browser.js';

const COUNCIL = /Hội đồng điều phối vùng Đông Nam Bộ/;
const HCMC = /TP\. Hồ Chí Minh \(79\)/;
const DONG_NAI = /Đồng Nai \(75\)/;

/** A page expression for the text of the element with this test id (evaluated in the browser). */
const text = (testId: string) => `document.querySelector('[data-testid="${testId}"]')?.textContent`;

/** A day this many days from today, as a date input takes it. */
const daysFromNow = (days: number) => new Date(new Date().getTime() + days * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('the council’s dashboard in headless Chromium, against the built server with the demo region', {}, (the) => {
  /** Fills the proposal form as a province official would, with `change` over a complete proposal. */
  async function fillProposal(page: Page, change: { title: string; deadline: string }): Promise<void> {
    await page.getByLabel('Nội dung cam kết', { exact: true }).fill(change.title);
    await page.getByLabel(/Tỉnh Đồng Nai \(75\)/).check();
    await page.getByLabel('Cơ quan chịu trách nhiệm').fill('Sở Xây dựng');
    await page.getByLabel('Người chịu trách nhiệm (chức danh)').fill('Phó Giám đốc Sở');
    await page.getByLabel('Tên chỉ tiêu').fill('Mặt bằng bàn giao');
    await page.getByLabel('Đơn vị tính').fill('km');
    await page.getByLabel('Mục tiêu', { exact: true }).fill('12,5');
    await page.getByLabel('Thời hạn', { exact: true }).fill(change.deadline);
    await page.getByLabel('Kinh phí (đồng)').fill('2.500.000.000.000');
  }

  it('lets a province propose, the counterparty accept, and the council see the overview change without reloading', async () => {
    const council = await newPage(the.browser, the.server.url);
    await signInAs(council, COUNCIL);
    const cell = council.getByTestId('cell-79-75');
    await cell.waitFor();
    const before = Number((await cell.textContent()) || '0');
    await screenshot(council, 'overview');

    const hcmc = await newPage(the.browser, the.server.url);
    await signInAs(hcmc, HCMC);
    await hcmc.getByRole('link', { name: 'Đề xuất cam kết' }).click();
    await fillProposal(hcmc, { title: 'Bàn giao 12,5 km mặt bằng nút giao Tân Vạn', deadline: daysFromNow(200) });
    await screenshot(hcmc, 'propose');
    await hcmc.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await hcmc.waitForURL((url) => /^\/commitments\/(?!new$)[^/]+$/.test(url.pathname));
    await hcmc.getByRole('heading', { level: 1, name: 'Bàn giao 12,5 km mặt bằng nút giao Tân Vạn' }).waitFor();
    await hcmc.getByText('Đề xuất', { exact: true }).waitFor();
    // The committer may withdraw, never accept its own promise.
    expect(await hcmc.getByRole('button', { name: 'Chấp nhận' }).count()).toBe(0);
    const path = new URL(hcmc.url()).pathname;

    const dongNai = await newPage(the.browser, the.server.url);
    await signInAs(dongNai, DONG_NAI, path);
    await dongNai.getByRole('button', { name: 'Chấp nhận' }).click();
    await dongNai.getByRole('form', { name: 'Chấp nhận' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await dongNai.getByText('Đang thực hiện', { exact: true }).first().waitFor();
    await expect(dongNai.getByTestId('timeline').textContent()).resolves.toContain('Cam kết có hiệu lực');
    await screenshot(dongNai, 'commitment');

    // Live: the subscription tells the council's page, which refetches; nobody reloads it.
    await council.waitForFunction(`Number(${text('cell-79-75')} || '0') === ${before + 1}`, undefined, { timeout: 20_000 });
    expect(council.url()).toBe(`${the.server.url}/`);
  }, 120_000);

  it('shows the API’s field error next to the field it names', async () => {
    const hcmc = await newPage(the.browser, the.server.url);
    await signInAs(hcmc, HCMC, '/commitments/new');
    await fillProposal(hcmc, { title: 'Cam kết có thời hạn đã qua', deadline: '2020-01-01' });
    await hcmc.getByRole('button', { name: 'Gửi đề xuất' }).click();
    const deadline = hcmc.getByLabel('Thời hạn', { exact: true });
    await expect(hcmc.locator('#propose-deadline-error').textContent()).resolves.toMatch(/^phải sau ngày đề xuất \(\d{2}\/\d{2}\/\d{4}\)$/);
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');
    expect(await deadline.getAttribute('aria-describedby')).toBe('propose-deadline-error');
    expect(await hcmc.evaluate('document.activeElement.id')).toBe('propose-deadline');
    await screenshot(hcmc, 'propose-field-error');
  }, 60_000);

  it('replays the overview and a track page through time with the as-of slider, from the keyboard', async () => {
    const council = await newPage(the.browser, the.server.url);
    await signInAs(council, COUNCIL);
    const total = council.getByTestId('figure-total');
    await total.waitFor();
    const now = Number(await total.textContent());
    const slider = council.getByRole('slider', { name: 'Xem số liệu tại ngày' });
    await slider.focus();
    await council.keyboard.press('Home');
    await council.getByText('Số liệu tại ngày 18/07/2023').waitFor();
    const atFirstMeeting = Number(await total.textContent());
    expect(atFirstMeeting).toBeLessThan(now);
    for (let i = 0; i < 4; i++) await council.keyboard.press('PageUp');
    await council.waitForFunction(`!${text('as-of-day')}?.includes('18/07/2023')`);
    await screenshot(council, 'overview-as-of');
    await council.getByRole('link', { name: 'Lĩnh vực' }).first().click();
    const trackTotal = council.getByTestId('track-total');
    await trackTotal.waitFor();
    const pastTransport = Number(await trackTotal.textContent());
    await council.getByRole('button', { name: 'Về hiện tại' }).click();
    await council.waitForFunction(`Number(${text('track-total')}) !== ${pastTransport}`);
    await screenshot(council, 'track-transport');
  }, 60_000);

  it('switches to English with English dates and amounts, and back', async () => {
    const council = await newPage(the.browser, the.server.url);
    await signInAs(council, COUNCIL);
    await council.getByTestId('figure-budget').waitFor();
    expect(await council.getByTestId('figure-budget').textContent()).toMatch(/^[\d.]+(,\d)? tỷ đồng$/);
    await council.getByRole('button', { name: 'Switch to English' }).click();
    await council.getByRole('heading', { name: 'The Southeast region', level: 1 }).waitFor();
    expect(await council.getByTestId('figure-budget').textContent()).toMatch(/^VND [\d,]+(\.\d)? billion$/);
    expect(await council.getByText(/^Figures as of \d{1,2} [A-Z][a-z]{2} \d{4}$/).count()).toBe(1);
    expect(await council.evaluate('document.documentElement.lang')).toBe('en');
    await screenshot(council, 'overview-english');
    await council.reload();
    await council.getByRole('heading', { name: 'The Southeast region', level: 1 }).waitFor();
    await council.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await council.getByRole('heading', { name: 'Toàn vùng Đông Nam Bộ', level: 1 }).waitFor();
  }, 60_000);

  it('fits a 360 px wide phone and starts keyboard users at the skip link', async () => {
    const phone = await newPage(the.browser, the.server.url, { width: 360, height: 740 });
    await signInAs(phone, HCMC);
    await phone.getByTestId('figure-total').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(phone, 'overview-360px');
    await phone.goto('/provinces/79');
    await phone.getByTestId('scorecard-made').waitFor();
    // The skip link comes first in keyboard order, shows itself when focused, and leads into the page.
    expect(await phone.evaluate("document.querySelector('a[href], button, input, select, textarea').textContent")).toBe('Bỏ qua, đến nội dung chính');
    const skip = phone.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
    await skip.focus();
    expect((await skip.boundingBox())?.x).toBeGreaterThanOrEqual(0);
    await phone.keyboard.press('Enter');
    await phone.waitForFunction("location.hash === '#main' && document.activeElement.id === 'main'");
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(phone, 'scorecard-360px');
  }, 60_000);

  it('lists commitments page by page and opens one with its timeline and original deadline', async () => {
    const auditor = await newPage(the.browser, the.server.url);
    await signInAs(auditor, /Kiểm toán/, '/commitments');
    const rows = auditor.locator('tbody tr');
    await auditor.getByRole('button', { name: 'Xem thêm' }).click();
    await auditor.waitForFunction(`document.querySelectorAll('tbody tr a').length > 20`);
    await screenshot(auditor, 'commitments');
    expect(await rows.count()).toBeGreaterThan(20);
    await rows.first().getByRole('link').click();
    await auditor.getByTestId('timeline').waitFor();
    expect(await auditor.getByTestId('original-deadline').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await auditor.getByText('Bạn không có thao tác nào với cam kết này ở trạng thái hiện tại.').count()).toBe(1);
  }, 60_000);

  it('opens a regional project from the projects list: its four Ring Road 3 promises, one of them extended', async () => {
    const council = await newPage(the.browser, the.server.url);
    await signInAs(council, COUNCIL, '/projects');
    await council.getByRole('link', { name: /Vành đai 3/ }).first().click();
    const rows = council.getByTestId('project-commitments').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    expect(await council.getByTestId('track-total').textContent()).toContain('4');
    // The city's section was extended from 30/06/2025: the page says so beside the current deadline.
    expect(await council.getByTestId('project-commitments').getByText(/ban đầu 30\/06\/2025/).count()).toBe(1);
    await screenshot(council, 'project');
  }, 60_000);
});
