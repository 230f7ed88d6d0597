import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';
import { recordConsent } from './support/consent';

/**
 * setup (issue 14): a school whose volunteers are all full still gets its case assigned. Every
 * teacher of THCS Chiềng Lề is full or not volunteering; ct.huong sees them all with their load
 * and fit, raises one teacher's capacity (audited, with a reason), then asks gv.duc, who is full,
 * with a note. gv.duc reads the case's categories, what is expected and the note, accepts (asked
 * once more), and his capacity grows by one (audited).
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

const db = () => b.stack.database.db;
const TEACHERS = ['u-gv-lan', 'u-gv-duc', 'u-gv-uyen', 'u-gv-thuy'];
const NOTE = 'Thầy dạy Toán khối 9, nhà gần nhà em: nhờ thầy kèm thêm một em.';

async function openTasks(page: Page) {
  await page.goto(`${b.stack.baseUrl}/tasks`);
  await page.getByTestId('task-inbox').waitFor();
}

describe('a full school in the browser', () => {
  it('gets its case assigned: every teacher shown, a capacity raised, a full teacher asked and accepting', async () => {
    // st-07 (9A) is proposed, accepted at screening and the family's consent recorded.
    const lan = await signedInClient(b.stack.baseUrl, 'gv.lan');
    const { caseId, code } = await lan.case.identify.mutate({
      campaignId: 'camp-sl-2026',
      studentId: 'st-07',
      categories: ['weak_results', 'grade9_exam'],
    });
    const coordApi = await signedInClient(b.stack.baseUrl, 'ct.huong');
    await expect
      .poll(() => db().task.count({ where: { id: `${caseId}:screening`, status: 'OPEN' } }))
      .toBe(1);
    await coordApi.case.screen.mutate({ caseId, decision: 'accept' });
    await recordConsent(coordApi, caseId);
    // Nobody has a free place: two teachers full with what they volunteered, two not volunteering.
    expect(await db().caseHelper.count({ where: { userId: { in: TEACHERS } } })).toBe(0);
    await db().user.updateMany({ where: { id: { in: TEACHERS } }, data: { capacity: 0 } });
    // gv.duc (Toán) volunteered for one and holds one: an older case of the school.
    await db().user.update({ where: { id: 'u-gv-duc' }, data: { capacity: 1, subjects: ['Toán'] } });
    await db().case.create({
      data: {
        id: 'c-duc-held',
        code: 'HS26-DUCHLD',
        campaignId: 'camp-sl-2026',
        studentId: 'st-08',
        schoolId: 's-thcs-chiengle',
        stage: 'active',
        categories: ['economic_hardship'],
        source: 'staff_proposal',
        helperId: 'u-gv-duc',
      },
    });
    await db().caseHelper.create({
      data: {
        id: 'c-duc-held:h:1:0',
        caseId: 'c-duc-held',
        userId: 'u-gv-duc',
        role: 'PRIMARY',
        status: 'ACTIVE',
      },
    });

    const coord = await signInPage(b, 'ct.huong', { viewport: { width: 1366, height: 768 } });
    const cp = coord.page;
    await cp.locator('header').first().waitFor();
    await cp.goto(`${b.stack.baseUrl}/coordination`);
    await cp.getByRole('tab', { name: /Phân công/ }).click();
    const task = cp.locator(`[data-testid="coord-task"][data-case-code="${code}"]`);
    // No dead end: the message says what to do, and every teacher is there with load and fit.
    await task
      .getByTestId('no-free-place')
      .getByText('Không có giáo viên nào còn chỗ nhận giúp đỡ', { exact: false })
      .waitFor();
    await expect(task.getByTestId('suggested-helper').count()).resolves.toBe(0);
    const others = task.getByTestId('other-teacher');
    await expect.poll(() => others.count()).toBe(4);
    const duc = task.locator('[data-testid="other-teacher"][data-user-id="u-gv-duc"]');
    await duc.getByText('Đang giúp 1/1').waitFor();
    await duc.getByText('Dạy môn em cần hỗ trợ').waitFor();
    await task
      .locator('[data-testid="other-teacher"][data-user-id="u-gv-uyen"]')
      .getByText('Chưa đăng ký nhận giúp đỡ')
      .waitFor();
    await cp.screenshot({ path: screenshotPath('assign-full-school'), fullPage: true });

    // Raise gv.uyen's capacity inline: a reason is required, and the change is audited.
    const uyen = task.locator('[data-testid="other-teacher"][data-user-id="u-gv-uyen"]');
    await uyen.getByRole('button', { name: /Tăng số chỗ/ }).click();
    const modal = cp.getByTestId('capacity-modal');
    await modal.getByRole('button', { name: 'Lưu số chỗ mới' }).click();
    await modal.getByText('Cần nêu lý do (ít nhất 3 ký tự)').waitFor();
    await modal.getByTestId('capacity-reason').fill('Cô Uyên đồng ý qua điện thoại');
    await modal.getByRole('button', { name: 'Lưu số chỗ mới' }).click();
    await task.getByTestId('capacity-raised').waitFor();
    await task.locator('[data-testid="suggested-helper"][data-user-id="u-gv-uyen"]').waitFor();
    expect(
      await db().auditLog.findMany({
        where: { action: 'volunteer.capacity.set', subjectId: 'u-gv-uyen' },
        select: { actorId: true, reason: true },
      }),
    ).toEqual([{ actorId: 'u-ct-cl', reason: '0 → 1: Cô Uyên đồng ý qua điện thoại' }]);

    // Ask gv.duc (full) instead, with a note; confirmed, then the screen says what happened.
    await duc.getByRole('button', { name: 'Nhờ Lường Văn Đức' }).click();
    const confirm = cp.getByTestId('confirm-modal');
    await confirm.getByText('Lường Văn Đức không còn chỗ theo đăng ký', { exact: false }).waitFor();
    await confirm.getByTestId('assign-note').fill(NOTE);
    await cp.getByTestId('confirm-action').click();
    await cp
      .getByTestId('assign-done')
      .getByText(`Đã gửi lời nhờ Lường Văn Đức nhận hồ sơ ${code}`, { exact: false })
      .waitFor();
    await task.waitFor({ state: 'detached' });
    await expect(
      cp.getByTestId('assign-done').getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href'),
    ).resolves.toBe(`/cases/${caseId}`);
    const offered = await db().caseHelper.findFirstOrThrow({ where: { caseId, userId: 'u-gv-duc' } });
    expect(offered).toMatchObject({ status: 'OFFERED', asked: true, note: NOTE });

    // gv.duc decides with a basis: categories, what is expected, the note; accepting is confirmed.
    const teacher = await signInPage(b, 'gv.duc', { viewport: { width: 390, height: 844 } });
    const tp = teacher.page;
    await tp.locator('header').first().waitFor();
    await openTasks(tp);
    await tp.locator(`[data-task-type="respond_offer"][data-task-id^="${caseId}:"]`).click();
    const form = tp.getByTestId('offer-form');
    await form.waitFor();
    const basis = form.getByTestId('offer-basis');
    await basis.getByTestId('offer-asked').waitFor();
    await basis.getByText('Học lực yếu', { exact: false }).first().waitFor();
    await basis
      .getByTestId('offer-expected')
      .getByText('cập nhật việc giúp đỡ mỗi tháng', { exact: false })
      .waitFor();
    await basis.getByTestId('offer-coordinator-note').getByText(NOTE).waitFor();
    await tp.screenshot({ path: screenshotPath('offer-basis-phone'), fullPage: true });
    await form.getByLabel('Nhận giúp đỡ').check();
    await tp.getByTestId('task-submit').click();
    await tp.getByTestId('confirm-modal').getByText(`Nhận giúp đỡ hồ sơ ${code}?`).waitFor();
    await tp.getByTestId('confirm-action').click();
    await tp.getByTestId('task-done').getByText(`Đã nhận giúp đỡ hồ sơ ${code}`, { exact: false }).waitFor();
    await tp.locator(`[data-task-type="write_plan"][data-task-id^="${caseId}:"]`).waitFor();

    await expect
      .poll(async () => (await db().user.findUniqueOrThrow({ where: { id: 'u-gv-duc' } })).capacity)
      .toBe(2);
    expect(
      await db().auditLog.findMany({
        where: { action: 'volunteer.capacity.asked', subjectId: 'u-gv-duc' },
        select: { actorId: true, reason: true },
      }),
    ).toEqual([{ actorId: 'u-gv-duc', reason: '1 → 2' }]);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).helperId).toBe('u-gv-duc');

    // The note is the offered teacher's: another teacher and the office never get it.
    const uyenApi = await signedInClient(b.stack.baseUrl, 'gv.uyen');
    await expect(uyenApi.case.offerDetails.query({ caseId })).rejects.toMatchObject({
      data: { appCode: 'FORBIDDEN' },
    });

    expect(coord.problems).toEqual([]);
    expect(teacher.problems).toEqual([]);
    await coord.context.close();
    await teacher.context.close();
  });
});
