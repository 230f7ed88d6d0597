import { demoCampaign } from '@donghanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';
import { recordConsent } from './support/consent';

/**
 * The bell (issue 13) in a real Chromium: a teacher's unread count rises live, without a reload,
 * when the coordinator offers her a case; the list names the task by its case code only; clicking
 * the item marks it read and opens the task.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 120_000);
afterAll(() => b?.stop());

const openTaskId = async (caseId: string, type: string) =>
  (await b.stack.database.db.task.findFirstOrThrow({ where: { caseId, type, status: 'OPEN' } })).id;

describe('the bell', () => {
  it('rises live when a task arrives; clicking opens the task', async () => {
    const { page, problems } = await signInPage(b, 'gv.duc');
    const bell = page.getByTestId('bell');
    await page.locator('[data-testid="bell"][data-unread="0"]').waitFor({ timeout: 15_000 });
    // Let the bell's socket finish its handshake before the task arrives.
    await page.waitForTimeout(500);

    const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
    const { caseId } = await huong.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-04',
      categories: ['weak_results'],
    });
    await huong.case.screen.mutate({ caseId, decision: 'accept' });
    await recordConsent(huong, caseId);
    await huong.case.assignHelper.mutate({
      caseId,
      taskId: await openTaskId(caseId, 'assign_helper'),
      helperId: 'u-gv-duc',
    });
    const offer = await openTaskId(caseId, 'respond_offer');

    // Live: no reload, the count rises from the socket's frame.
    await page.locator('[data-testid="bell"][data-unread="1"]').waitFor({ timeout: 10_000 });
    await bell.click();
    const item = page.getByTestId('bell-item').first();
    await item.waitFor();
    const code = (await b.stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).code;
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Lời mời giúp đỡ một học sinh');
    expect(text).toContain(code);
    const student = await b.stack.database.db.student.findUniqueOrThrow({ where: { id: 'st-04' } });
    expect(text).not.toContain(student.fullName);

    await item.click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/tasks/${offer}`);
    await page.getByTestId('task-detail').waitFor();
    await page.locator('[data-testid="bell"][data-unread="0"]').waitFor({ timeout: 5_000 });
    const row = await b.stack.database.db.notification.findFirstOrThrow({
      where: { taskId: offer, userId: 'u-gv-duc' },
    });
    expect(row.readAt).not.toBeNull();

    // Preferences: turn the check-in reminder's e-mail off and a daily digest on.
    await bell.click();
    await page.getByTestId('notification-settings').click();
    const prefs = page.getByTestId('notification-prefs');
    await prefs.waitFor();
    await prefs.getByLabel('Nhắc nộp cập nhật hằng tháng').uncheck();
    await prefs.getByLabel('Gộp thành một thư mỗi ngày lúc').selectOption('7');
    await page.getByTestId('prefs-save').click();
    await prefs.waitFor({ state: 'detached' });
    const saved = await b.stack.database.db.notificationPreference.findUniqueOrThrow({
      where: { userId: 'u-gv-duc' },
    });
    expect(saved).toMatchObject({ mailOff: ['checkin_reminder'], digestHour: 7, unsubscribed: false });
    expect(problems).toEqual([]);
  });
});
