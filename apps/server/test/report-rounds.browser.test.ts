import { reportId } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * Report rounds in Chromium, on the demo (its round 1 is open on the demo's day): the commune
 * office watches its schools' statuses change live while the principal of THCS Chiềng Lề signs
 * and sends the report; the office accepts it and reads the roll-up — with no child's name.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1400, height: 900 };
const CAMPAIGN = 'camp-sl-2026';
const SCHOOL = 's-thcs-chiengle';
const ID = reportId(CAMPAIGN, 1, SCHOOL);

async function statusInDb() {
  return (await b.stack.database.db.schoolReport.findUnique({ where: { id: ID }, select: { status: true } }))
    ?.status;
}

describe('report rounds in the browser', () => {
  it('the principal signs and sends; the office watches it live, accepts it and reads the roll-up', async () => {
    // The demo started the rounds: the report opens at once (its day is past), pre-filled.
    for (let i = 0; i < 200 && (await statusInDb()) !== 'draft'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await statusInDb()).toBe('draft');

    const office = await signInPage(b, 'cv.tuan', { viewport: VIEWPORT });
    await office.page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await office.page.getByTestId('live-status').getByText('Trực tiếp').waitFor();
    const status = office.page.getByTestId(`status-${SCHOOL}`);
    await expect(status.getAttribute('data-status')).resolves.toBe('draft');

    const principal = await signInPage(b, 'ht.binh', { viewport: VIEWPORT });
    await principal.page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await principal.page.getByTestId(`round-1-${SCHOOL}`).getByRole('button', { name: 'Mở báo cáo' }).click();
    const report = principal.page.getByTestId('school-report');
    await report.getByTestId('fig-helped').waitFor();
    await report.getByRole('button', { name: 'Ký báo cáo' }).click();
    await report.locator('[data-testid="school-report-status"][data-status="signed"]').waitFor();
    // The office's page was not reloaded: the socket moved the badge.
    await office.page.locator(`[data-testid="status-${SCHOOL}"][data-status="signed"]`).waitFor();
    // The school's monthly figures: a chart per month and the sums per teacher (no rank, no average).
    await principal.page.getByTestId('monthly-chart').locator('svg').first().waitFor();
    const monthly = principal.page.getByTestId('monthly-table');
    await monthly.getByText('Trường', { exact: true }).waitFor();
    await principal.page.getByTestId('monthly').getByText('11/26', { exact: true }).click();
    await expect(monthly.textContent()).resolves.toMatch(/15/);
    await principal.page.screenshot({ path: screenshotPath('report-school'), fullPage: true });

    await report.getByRole('button', { name: 'Gửi phòng/sở' }).click();
    await report.locator('[data-testid="school-report-status"][data-status="submitted"]').waitFor();
    await office.page.locator(`[data-testid="status-${SCHOOL}"][data-status="submitted"]`).waitFor();

    // The office accepts it; the commune's row counts it.
    await office.page.getByTestId(`rollup-school-${SCHOOL}`).getByRole('button', { name: 'Duyệt' }).click();
    await office.page.locator(`[data-testid="status-${SCHOOL}"][data-status="accepted"]`).waitFor();
    await office.page.getByTestId('rollup-unit-u-vhxh-chiengle').getByText('Đã duyệt 1').waitFor();
    expect(await statusInDb()).toBe('accepted');
    // The year's roll-up, live from the cases.
    await office.page.getByText('Cả năm học').click();
    await office.page.getByTestId(`rollup-school-${SCHOOL}`).waitFor();
    await office.page.screenshot({ path: screenshotPath('report-office'), fullPage: true });

    // Nothing on the office's page names a child of the demo.
    const text = (await office.page.textContent('body')) ?? '';
    const names = await b.stack.database.db.student.findMany({ select: { fullName: true } });
    for (const n of names) expect(text).not.toContain(n.fullName);
    expect(office.problems).toEqual([]);
    expect(principal.problems).toEqual([]);
    await office.context.close();
    await principal.context.close();
  }, 120_000);
});
