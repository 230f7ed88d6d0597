import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * The law's paperwork in Chromium: the school's coordinator records a guardian's consent on a
 * new case (refused first without the child's agreement: the child is over 7), prints the
 * consent form with the school's header in two copies, then logs the guardian's access request
 * and produces the document of everything held about the child, printable and as JSON.
 */
let b: BrowserStack;
const CASE = 'c-consent-browser';
const GUARDIAN = 'Mùa A Pao';
const CHILD = 'Mùa Thị Dợ';

beforeAll(async () => {
  b = await startBrowserStack();
  await b.stack.database.db.case.create({
    data: {
      id: CASE,
      code: 'HS26-DONGY1',
      campaignId: 'camp-sl-2026',
      studentId: 'st-06',
      schoolId: 's-thcs-chiengle',
      stage: 'identified',
      categories: ['economic_hardship'],
      source: 'staff_proposal',
    },
  });
});
afterAll(() => b?.stop());

describe('consent and the guardian’s right to see, in the browser', () => {
  it('ct.huong records consent, prints the form, and answers an access request with the document', async () => {
    const db = b.stack.database.db;
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${b.stack.baseUrl}/cases/${CASE}`);
    await page.locator('[data-testid="consent-section"][data-state="none"]').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Ghi nhận sự đồng ý' }).click();
    await page.getByLabel('Họ tên người giám hộ').fill(GUARDIAN);
    await page.getByLabel('Số phiếu').fill('07/ĐY-THCS');
    await page.getByRole('button', { name: 'Lưu sự đồng ý' }).click();
    // The child is 14: the guardian's word alone is not enough.
    await page.getByTestId('consent-error').getByText('cần cả sự đồng ý của em').waitFor();
    await page.getByLabel('Học sinh (từ đủ 7 tuổi) đồng ý').check();
    await page.getByRole('button', { name: 'Lưu sự đồng ý' }).click();
    await page.locator('[data-testid="consent-section"][data-state="consent"]').waitFor();
    await page.getByTestId('consent-current').getByText(GUARDIAN, { exact: false }).waitFor();
    const row = await db.caseConsent.findFirstOrThrow({ where: { caseId: CASE } });
    expect(row.guardianNameSealed).not.toContain('Pao');
    const event = await db.caseEvent.findFirstOrThrow({
      where: { caseId: CASE, type: 'case.consent_recorded' },
    });
    expect(JSON.stringify(event.payload)).not.toMatch(/Pao|Dợ/);

    // The printable form, in two copies, with the school's header; window.print is what the button calls.
    await page.getByRole('link', { name: 'In phiếu đồng ý' }).click();
    await page.getByTestId('consent-form-page').waitFor();
    const family = page.getByTestId('consent-sheet-familyCopy');
    await family.getByText('Bản của gia đình').waitFor();
    const sheet = await family.innerText();
    expect(sheet).toContain('THCS CHIỀNG LỀ');
    expect(sheet).toContain('PHIẾU ĐỒNG Ý XỬ LÝ DỮ LIỆU CÁ NHÂN CỦA HỌC SINH');
    expect(sheet).toContain(GUARDIAN);
    expect(sheet).toContain(CHILD);
    expect(sheet).toContain('Số phiếu: 07/ĐY-THCS');
    await expect(page.getByTestId('consent-sheet-schoolCopy').innerText()).resolves.toContain(
      'Bản lưu của nhà trường',
    );
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    await page.getByTestId('print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('consent-form'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The guardian asks to see what is held: logged with its due time, answered with the document.
    await page.goto(`${b.stack.baseUrl}/cases/${CASE}/requests`);
    await page.getByTestId('requests-page').waitFor();
    await page.getByLabel('Họ tên người yêu cầu').fill(GUARDIAN);
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByTestId('request-row').waitFor();
    const request = await db.subjectRequest.findFirstOrThrow({ where: { caseId: CASE } });
    expect(request.dueAt.getTime() - request.receivedAt.getTime()).toBe(72 * 3_600_000);
    const due = await page.getByTestId('request-due').innerText();
    expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    await page.getByRole('button', { name: 'Tạo tài liệu trả lời' }).click();
    const doc = page.getByTestId('subject-document');
    await doc.waitFor();
    await expect(doc.getByTestId('document-name').innerText()).resolves.toBe(CHILD);
    const text = await doc.innerText();
    expect(text).toContain('DỮ LIỆU CÁ NHÂN NHÀ TRƯỜNG ĐANG LƯU VỀ HỌC SINH');
    expect(text).toContain(GUARDIAN);
    // Who read the record, in words: the coordinator's recording of consent among them.
    await expect(doc.getByTestId('document-reads').innerText()).resolves.toContain('Ghi nhận sự đồng ý');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-json').click(),
    ]);
    const file = await download.path();
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json.identity.fullName).toBe(CHILD);
    expect(json.cases[0].consent[0].guardian.name).toBe(GUARDIAN);
    expect(await db.auditLog.count({ where: { action: 'subject.export', caseId: CASE } })).toBe(1);

    await page.getByRole('button', { name: 'Đánh dấu đã trả lời' }).click();
    await page.getByText('Đã trả lời lúc').waitFor();
    await page.screenshot({ path: screenshotPath('guardian-request'), fullPage: true });
    // The one refused save (422, the child's agreement missing) is the only failed request.
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
    await context.close();
  }, 120_000);
});
