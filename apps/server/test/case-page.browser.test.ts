import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/testing';
import {
  BROWSER_CONTEXT,
  type BrowserStack,
  demoStudents,
  screenshotPath,
  signInPage,
  startBrowserStack,
} from './support/browser';

/**
 * The case page and the office overview in Chromium, on the demo cases: an office coordinator
 * sees no child's name anywhere (page, socket, API answers) until she reveals one with a reason,
 * which is audited; the school's coordinator sees the child, the history and the help given.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1280, height: 800 };
const shot = screenshotPath;

async function caseOf(studentId: string) {
  return b.stack.database.db.case.findFirstOrThrow({
    where: { studentId },
    select: { id: true, code: true },
  });
}

/**
 * Like signInPage, but listening before the first request: every websocket frame and tRPC
 * answer the office user's browser receives is kept for the privacy check.
 */
async function officePage(username: string) {
  const context = await b.browser.newContext({
    ...BROWSER_CONTEXT,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  const responses: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/trpc/')) responses.push(r.text().catch(() => ''));
  });
  await page.goto(b.stack.baseUrl);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const traffic = async () => [await page.content(), ...frames, ...(await Promise.all(responses))].join('\n');
  return { page, context, problems, traffic };
}

function expectNoIdentity(text: string) {
  for (const [, , name, birth] of demoStudents) {
    expect(text).not.toContain(name);
    expect(text).not.toContain(birth);
  }
}

async function openCase(page: Page, caseId: string) {
  await page.goto(`${b.stack.baseUrl}/cases/${caseId}`);
  await page.locator(`[data-testid="case-page"][data-case-id="${caseId}"]`).waitFor({ timeout: 15_000 });
}

describe('case page and office overview in the browser', () => {
  it('cv.ha sees the overview and a masked case, then reveals the name with a reason (audited)', async () => {
    const st01 = await caseOf('st-01');
    const { page, context, problems, traffic } = await officePage('cv.ha');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });

    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByTestId('overview-totals').waitFor();
    const cases = await b.stack.database.db.case.count();
    await expect(page.getByTestId('stat-cases-value').textContent()).resolves.toBe(String(cases));
    await expect(page.getByTestId('stat-vnd-value').textContent()).resolves.toMatch(/\d{3}\.\d{3}\s₫/);
    await page.getByTestId('stage-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('category-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await expect(page.getByTestId('school-row').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.getByText('Mỗi lần xuất được ghi vào nhật ký kiểm tra', { exact: false }).waitFor();
    await page.screenshot({ path: shot('overview'), fullPage: true });

    // The export arrives as a file; the office's copy names no child, and the export is logged.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải danh sách hồ sơ (Excel .xlsx)' }).click(),
    ]);
    // a11y: an .xlsx that Vietnamese Excel opens as a table, values in words, dates dd/mm/yyyy.
    expect(download.suggestedFilename()).toMatch(/^ho-so-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path()) ?? '')) as unknown as ArrayBuffer);
    const sheet = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(sheet).toContain('Mã hồ sơ');
    expect(sheet).toContain(st01.code);
    expect(sheet).toMatch(/"\d{2}\/\d{2}\/\d{4}"/);
    expect(sheet).not.toMatch(/"(high|medium|low)"|"\d{4}-\d{2}-\d{2}"/);
    expectNoIdentity(sheet);
    await page.getByTestId('export-done').waitFor();
    const exports = await b.stack.database.db.auditLog.count({
      where: { actorId: 'u-office', action: 'export.cases' },
    });
    expect(exports).toBe(1);

    await openCase(page, st01.id);
    await page.getByTestId('identity-masked').waitFor();
    await expect(page.getByTestId('case-code').textContent()).resolves.toBe(st01.code);
    await expect(page.getByTestId('identity-masked').textContent()).resolves.toContain(
      `Mã hồ sơ ${st01.code}, lớp 6A`,
    );
    await page.getByTestId('timeline-item').first().waitFor();
    expectNoIdentity(await traffic());

    // A reason is required (in place, nothing sent), then the name comes from a fresh case.get.
    await page.getByRole('button', { name: 'Xem danh tính' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xem danh tính học sinh' });
    await dialog.getByText('ghi vào nhật ký kiểm tra', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận và xem' }).click();
    await dialog.getByText('Lý do phải có ít nhất 10 ký tự').waitFor();
    expect(await b.stack.database.db.identityReveal.count()).toBe(0);
    const reason = 'Phối hợp với xã xét học bổng cho học sinh';
    await dialog.getByLabel('Lý do xem danh tính').fill(reason);
    await dialog.getByRole('button', { name: 'Xác nhận và xem' }).click();
    await expect(page.getByTestId('student-name').textContent({ timeout: 10_000 })).resolves.toBe(
      'Lò Văn Ánh',
    );
    await page.getByTestId('revealed-note').waitFor();
    // A reveal shows who the child is, never the family's story.
    await expect(page.getByTestId('family').count()).resolves.toBe(0);

    const audit = await b.stack.database.db.auditLog.findFirst({
      where: { action: 'identity.reveal', actorId: 'u-office', caseId: st01.id },
    });
    expect(audit?.reason).toBe(reason);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ct.huong sees st-01 by name with its timeline, check-ins and totals, and adds a note', async () => {
    const st01 = await caseOf('st-01');
    const { page, context, problems } = await signInPage(b, 'ct.huong', { viewport: VIEWPORT });
    await page.getByTestId('signed-in-as').waitFor();
    await openCase(page, st01.id);
    await expect(page.getByTestId('student-name').textContent()).resolves.toBe('Lò Văn Ánh');
    await expect(page.getByTestId('identity').textContent()).resolves.toContain('12/03/2014');
    await expect(page.getByTestId('case-stage').textContent()).resolves.toBe('Đang giúp đỡ');

    const timeline = page.getByTestId('timeline');
    for (const label of ['Đề xuất vào diện giúp đỡ', 'Kế hoạch được duyệt', 'Đã nộp báo cáo tháng'])
      await timeline.getByText(label, { exact: true }).first().waitFor();
    await expect(page.getByTestId('total-hours-value').textContent()).resolves.toBe('12 giờ');
    await expect(page.getByTestId('total-vnd-value').textContent()).resolves.toMatch(/^485\.000\s₫$/);
    await expect(page.getByTestId('checkin-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('plan-status').textContent()).resolves.toBe('Đã duyệt');

    // A note goes through the case workflow and shows up in the history.
    await page.getByLabel('Ghi chú mới').fill('Đã trao đổi với mẹ em qua điện thoại về lịch kèm Toán.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.getByTestId('note').first().waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('note').first().textContent()).resolves.toContain('Đã trao đổi với mẹ em');
    await expect(page.getByTestId('note').first().textContent()).resolves.toContain('Trần Thị Hương');
    await timeline.locator('[data-type="case.note"]').waitFor();
    // The fixed header would be drawn mid-page in a full-page shot taken while scrolled down.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: shot('case'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('case-header').waitFor();
    await page.screenshot({ path: shot('case-phone'), fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});
