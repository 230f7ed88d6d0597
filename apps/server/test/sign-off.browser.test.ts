import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/** The principal's sign-off queue in Chromium, on the demo cases: decide, and the case moves on. */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1280, height: 800 };

async function caseOf(studentId: string) {
  return b.stack.database.db.case.findFirstOrThrow({
    where: { studentId },
    select: { id: true, code: true, stage: true },
  });
}

describe('sign-off in the browser', () => {
  it('ht.minh signs off st-14’s evaluation, which proposed closing: the case closes', async () => {
    const before = await caseOf('st-14');
    expect(before.stage).toBe('evaluation');
    const { page, context, problems } = await signInPage(b, 'ht.minh', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Ký duyệt' }).click();
    const item = page.locator(`[data-testid="signoff-item"][data-case-code="${before.code}"]`);
    await item.getByTestId('evaluation').waitFor();
    // The principal is staff of the school: the child's name is there, and the draft before/after.
    await expect(item.getByTestId('student-name').textContent()).resolves.toBe('Tòng Thị Sương');
    await expect(item.getByTestId('evaluation').textContent()).resolves.toContain('Kết thúc hồ sơ');

    // Returning needs a comment: the form says so in place and sends nothing.
    await item.getByRole('button', { name: 'Trả lại' }).click();
    await item.getByRole('button', { name: 'Gửi trả lại' }).click();
    await item.getByText('Cần ghi nhận xét khi trả lại').waitFor();
    await item.getByRole('button', { name: 'Hủy' }).click();
    await page.screenshot({ path: screenshotPath('sign-off'), fullPage: true });

    await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByTestId('signoff-results').getByText(`${before.code}: đã duyệt`).waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('signoff-empty').waitFor();
    expect((await caseOf('st-14')).stage).toBe('closed');
    const task = await b.stack.database.db.task.findFirst({
      where: { caseId: before.id, type: 'signoff_evaluation' },
      select: { status: true },
    });
    expect(task?.status).not.toBe('OPEN');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ht.binh approves st-04’s closure with the batch button', async () => {
    const before = await caseOf('st-04');
    expect(before.stage).toBe('closure');
    const { page, context, problems } = await signInPage(b, 'ht.binh', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Ký duyệt' }).click();
    const item = page.locator(`[data-testid="signoff-item"][data-case-code="${before.code}"]`);
    // The reason line (the coordinator's note below it says the same words).
    await item.getByTestId('closure').getByText('Không còn thuộc diện').first().waitFor();
    await item.getByText('Ghi chú của điều phối viên').waitFor();
    await item.getByRole('checkbox', { name: `Chọn ${before.code}` }).check();
    await page.getByRole('button', { name: 'Duyệt các mục đã chọn' }).click();
    await page.getByTestId('signoff-results').getByText(`${before.code}: đã duyệt`).waitFor();
    await item.waitFor({ state: 'detached' });
    expect((await caseOf('st-04')).stage).toBe('closed');
    expect(problems).toEqual([]);
    await context.close();
  });
});
