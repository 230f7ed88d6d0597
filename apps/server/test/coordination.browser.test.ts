import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/** The school coordinator's desk in Chromium, on the demo cases of THCS Chiềng Lề (ct.huong). */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const caseOf = (studentId: string) =>
  b.stack.database.db.case.findFirstOrThrow({
    where: { studentId },
    select: { id: true, code: true, stage: true },
  });

describe('coordination in the browser', () => {
  it('ct.huong screens st-05 and st-09, assigns a suggested helper to st-08, sees st-07’s high risk', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 800 },
    });
    await page.getByRole('link', { name: 'Điều phối' }).click();

    // Screening: declining needs a reason, said in place; accepting moves the case to assignment.
    const st09 = await caseOf('st-09');
    const decline = page.locator(`[data-testid="coord-task"][data-case-code="${st09.code}"]`);
    // The proposing teacher's reason is what the coordinator screens on.
    await decline
      .getByTestId('proposal-reason')
      .getByText('Em học yếu Toán và Ngữ văn, năm nay thi vào lớp 10', { exact: false })
      .waitFor();
    await decline.getByRole('button', { name: 'Không tiếp nhận' }).click();
    await decline.getByRole('button', { name: 'Gửi' }).click();
    await decline.getByText('Cần nêu lý do không tiếp nhận').waitFor();
    await decline
      .getByLabel('Lý do không tiếp nhận')
      .fill('Em đã được Hội Khuyến học phường kèm cặp, chưa cần thêm.');
    await decline.getByRole('button', { name: 'Gửi' }).click();
    await decline.waitFor({ state: 'detached' });
    await expect.poll(async () => (await caseOf('st-09')).stage).toBe('declined');

    const st05 = await caseOf('st-05');
    const accept = page.locator(`[data-testid="coord-task"][data-case-code="${st05.code}"]`);
    await accept.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await accept.waitFor({ state: 'detached' });
    await expect.poll(async () => (await caseOf('st-05')).stage).toBe('assignment');

    // Assignment: st-05 now waits for a helper next to st-08; offer st-08 to the first suggestion.
    await page.getByRole('tab', { name: /Phân công/ }).click();
    await page.locator(`[data-testid="coord-task"][data-case-code="${st05.code}"]`).waitFor();
    const st08 = await caseOf('st-08');
    const assign = page.locator(`[data-testid="coord-task"][data-case-code="${st08.code}"]`);
    const first = assign.getByTestId('suggested-helper').first();
    await first.waitFor();
    await page.screenshot({ path: screenshotPath('coordination'), fullPage: true });
    const helperId = await first.getAttribute('data-user-id');
    await first.getByRole('button', { name: 'Phân công' }).click();
    // setup: an offer is confirmed first, then the screen says what happened.
    await page.getByTestId('confirm-action').click();
    await assign.waitFor({ state: 'detached' });
    await page.getByTestId('assign-done').waitFor();
    const offered = await b.stack.database.db.caseHelper.findFirst({
      where: { caseId: st08.id, userId: helperId ?? '', status: 'OFFERED' },
    });
    expect(offered).not.toBeNull();

    // Volunteers: the school's teachers with their load; the watch list names st-07 (risk high).
    await page.getByRole('tab', { name: /Giáo viên tình nguyện/ }).click();
    await page.getByTestId('volunteer-row').first().waitFor();
    await page.getByRole('tab', { name: /Quá hạn/ }).click();
    const st07 = await caseOf('st-07');
    await page.getByTestId('watch-high').getByRole('link', { name: st07.code }).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
