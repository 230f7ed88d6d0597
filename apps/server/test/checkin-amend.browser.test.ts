import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';

/**
 * Correcting a filed check-in in Chromium, on the demo cases: ct.huong (coordinator) corrects the
 * hours of st-01's November check-in with a reason; the totals follow, the history says so, and
 * the replaced version is kept with the reason.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

describe('correcting a check-in in the browser', () => {
  it('ct.huong corrects the hours of a filed check-in; both versions are kept', async () => {
    const db = b.stack.database.db;
    const c = await db.case.findFirstOrThrow({ where: { studentId: 'st-01' }, select: { id: true } });
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${b.stack.baseUrl}/cases/${c.id}`);
    await page.locator(`[data-testid="case-page"][data-case-id="${c.id}"]`).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('total-hours-value').textContent()).resolves.toBe('12 giờ');
    // The request the form sends, kept to send again as a client would after a lost answer.
    let sent: { url: string; body: string; headers: Record<string, string> } | null = null;
    await page.route('**/trpc/case.amendCheckIn**', async (route) => {
      const r = route.request();
      sent = { url: r.url(), body: r.postData() ?? '', headers: r.headers() };
      await route.continue();
    });
    await page.getByTestId('checkin-row').getByTestId('amend-open').click();
    const modal = page.getByTestId('amend-checkin');
    await modal.getByLabel('Số giờ dạy kèm').fill('10');
    await expect(modal.getByTestId('amend-submit').isDisabled()).resolves.toBe(true);
    await modal.getByTestId('amend-reason').fill('Ghi nhầm: buổi 20/11 chỉ dạy 1 giờ');
    await modal.getByTestId('amend-submit').click();
    await expect
      .poll(() => page.getByTestId('total-hours-value').textContent(), { timeout: 15_000 })
      .toBe('10 giờ');
    await page.getByTestId('timeline').getByText('Đã sửa báo cáo tháng').first().waitFor();
    const amendment = await db.checkInAmendment.findFirstOrThrow({ where: { caseId: c.id } });
    expect(amendment).toMatchObject({
      previousTutoringHours: 12,
      authorId: 'u-ct-cl',
      reason: 'Ghi nhầm: buổi 20/11 chỉ dạy 1 giờ',
    });
    expect((amendment.report as { tutoring: { hours: number } }).tutoring.hours).toBe(10);
    // The form named the correction with its own id: the same request again, and twice at once,
    // answers like the first and writes nothing more.
    const again = sent as { url: string; body: string; headers: Record<string, string> } | null;
    expect(again?.body).toMatch(/"amendmentId":"[0-9a-f-]{36}"/);
    const resend = () =>
      page.request.post(again?.url ?? '', {
        data: again?.body ?? '',
        headers: { 'content-type': 'application/json', origin: again?.headers.origin ?? b.stack.baseUrl },
      });
    const answers = await Promise.all([resend(), resend(), resend()]);
    expect(answers.map((a) => a.status())).toEqual([200, 200, 200]);
    expect(await db.checkInAmendment.count({ where: { caseId: c.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { caseId: c.id, action: 'checkin.amend' } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId: c.id, type: 'case.checkin_amended' } })).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
