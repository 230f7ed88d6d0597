import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';
import { recordConsent } from './support/consent';

/**
 * One case from identification to closure, every step taken in the browser by the person whose
 * step it is, each in their own context: st-02 of THCS Chiềng Lề (no demo case) is proposed by
 * gv.lan, screened and assigned by ct.huong, helped by gv.thuy (the teacher with a place left),
 * evaluated early and signed off by ht.binh.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const db = () => b.stack.database.db;
const stageOf = async (caseId: string) =>
  (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true } })).stage;

async function shellReady(page: Page) {
  await page.locator('header').first().waitFor();
}

async function openTasks(page: Page) {
  await page.goto(`${b.stack.baseUrl}/tasks`);
  await page.getByTestId('task-inbox').waitFor();
}

async function openCoordination(page: Page, tab: RegExp) {
  await page.goto(`${b.stack.baseUrl}/coordination`);
  await page.getByRole('tab', { name: tab }).click();
}

describe('the whole walk in the browser', () => {
  it('takes st-02 from identification to closure, each step by the right person', async () => {
    const started = Date.now();
    const lap = (what: string) =>
      console.log(`walk: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 1. gv.lan proposes st-02 (the identify screen is built elsewhere: through the API here).
    const lan = await signedInClient(b.stack.baseUrl, 'gv.lan');
    const created = await lan.case.identify.mutate({
      campaignId: 'camp-sl-2026',
      studentId: 'st-02',
      categories: ['weak_results', 'economic_hardship'],
    });
    const caseId = created.caseId;
    const code = created.code;
    await expect.poll(() => stageOf(caseId)).toBe('identified');
    lap('identified');

    const coord = await signInPage(b, 'ct.huong', { viewport: VIEWPORT });
    const teacher = await signInPage(b, 'gv.thuy', { viewport: PHONE });
    const principal = await signInPage(b, 'ht.binh', { viewport: VIEWPORT });
    await Promise.all([shellReady(coord.page), shellReady(teacher.page), shellReady(principal.page)]);
    const cp = coord.page;
    const tp = teacher.page;
    const coordTask = () => cp.locator(`[data-testid="coord-task"][data-case-code="${code}"]`);

    // 2. ct.huong accepts it at screening, then offers it to gv.thuy among the suggestions.
    await openCoordination(cp, /Sàng lọc/);
    await coordTask().getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await coordTask().waitFor({ state: 'detached' });
    await expect.poll(() => stageOf(caseId)).toBe('assignment');
    // The family's consent, recorded before any helper is offered the case.
    await recordConsent(await signedInClient(b.stack.baseUrl, 'ct.huong'), caseId);
    await cp.getByRole('tab', { name: /Phân công/ }).click();
    const thuy = coordTask().locator('[data-testid="suggested-helper"][data-user-id="u-gv-thuy"]');
    await thuy.waitFor();
    await thuy.getByRole('button', { name: 'Phân công' }).click();
    await cp.getByTestId('confirm-action').click();
    await coordTask().waitFor({ state: 'detached' });
    lap('screened and assigned');

    // 3. gv.thuy, on her phone, accepts the offer and writes the plan.
    const taskCard = (type: string) => tp.locator(`[data-task-type="${type}"][data-task-id^="${caseId}:"]`);
    await openTasks(tp);
    await taskCard('respond_offer').click();
    await tp.getByTestId('offer-form').waitFor();
    await tp.getByLabel('Nhận giúp đỡ').check();
    await tp.getByTestId('task-submit').click();
    await tp.getByTestId('confirm-action').click();
    await tp.getByTestId('task-done').waitFor();
    await taskCard('write_plan').click();
    await tp.getByTestId('plan-form').waitFor();
    await tp.getByLabel('Mục tiêu tuần').fill('Kèm Toán hai buổi chiều thứ Ba và thứ Năm.');
    await tp.getByLabel('Mục tiêu tháng').fill('Làm hết bài tập về nhà môn Toán, không nghỉ học.');
    await tp.getByLabel('Mục tiêu học kỳ').fill('Điểm Toán cuối kỳ từ 5 trở lên.');
    await tp.getByLabel('Dạy kèm, phụ đạo').check();
    await tp.getByLabel('Liên hệ gia đình').check();
    await tp.getByTestId('task-submit').click();
    await tp.getByTestId('task-done').waitFor();
    await expect.poll(() => stageOf(caseId)).toBe('plan');
    lap('offer accepted, plan submitted');

    // 4. ct.huong approves the plan; the help starts and its semester is scheduled.
    await openCoordination(cp, /Xét duyệt/);
    await coordTask().getByRole('button', { name: 'Duyệt kế hoạch' }).click();
    await coordTask().waitFor({ state: 'detached' });
    await expect.poll(() => stageOf(caseId)).toBe('active');
    await expect
      .poll(async () => (await db().case.findUniqueOrThrow({ where: { id: caseId } })).term, {
        timeout: 15_000,
      })
      .not.toBeNull();
    lap('plan approved');

    // 5. On the case page, ct.huong opens the evaluation early; the reason is required in place.
    await cp.goto(`${b.stack.baseUrl}/cases/${caseId}`);
    await cp.locator(`[data-testid="case-page"][data-case-id="${caseId}"]`).waitFor();
    await cp.getByTestId('action-evaluate').click();
    const evalForm = cp.getByTestId('start-evaluation-form');
    await evalForm.getByRole('button', { name: 'Mở đánh giá' }).click();
    await evalForm.getByText('Cần nêu lý do đánh giá sớm').waitFor();
    await evalForm
      .getByLabel('Lý do đánh giá sớm')
      .fill('Gia đình em chuyển về quê ngoại ở Thuận Châu vào tháng 12.');
    await evalForm.getByRole('button', { name: 'Mở đánh giá' }).click();
    await evalForm.waitFor({ state: 'detached' });
    await cp.locator('[data-testid="case-stage"][data-stage="evaluation"]').waitFor();
    await expect(cp.getByTestId('action-evaluate').count()).resolves.toBe(0);
    lap('evaluation opened early');

    // 6. gv.thuy drafts the evaluation: the goal is reached, she proposes closing.
    await openTasks(tp);
    await taskCard('draft_evaluation').click();
    await tp.getByTestId('evaluation-form').waitFor();
    const results = tp.getByRole('group', { name: 'Kết quả học tập' });
    const conduct = tp.getByRole('group', { name: 'Kết quả rèn luyện' });
    await results.getByLabel('Trước khi giúp đỡ').selectOption({ label: 'Chưa đạt' });
    await results.getByLabel('Sau khi giúp đỡ').selectOption({ label: 'Đạt' });
    await conduct.getByLabel('Trước khi giúp đỡ').selectOption({ label: 'Khá' });
    await conduct.getByLabel('Sau khi giúp đỡ').selectOption({ label: 'Tốt' });
    await tp.getByLabel('Sự tiến bộ của em').fill('Em đi học đều, điểm Toán giữa kỳ 6,5.');
    await tp.getByLabel('Không', { exact: true }).check();
    await tp.getByLabel('Đề xuất kết thúc hồ sơ').check();
    await tp.getByLabel('Lý do kết thúc').selectOption({ label: 'Đã đạt mục tiêu' });
    await tp.getByTestId('task-submit').click();
    await tp.getByTestId('task-done').waitFor();
    lap('evaluation drafted');

    // 7. ct.huong passes it to the principal.
    await openCoordination(cp, /Xét duyệt/);
    await coordTask().getByRole('button', { name: 'Chuyển Hiệu trưởng ký' }).click();
    await coordTask().waitFor({ state: 'detached' });
    lap('evaluation reviewed');

    // 8. ht.binh signs it off: the evaluation proposed closing, so the case closes.
    const pp = principal.page;
    // ht.binh landed on Ký duyệt when signing in, before the evaluation existed: open it afresh.
    await pp.goto(`${b.stack.baseUrl}/sign-off`);
    const item = pp.locator(`[data-testid="signoff-item"][data-case-code="${code}"]`);
    await item.getByTestId('evaluation').waitFor();
    await expect(item.getByTestId('evaluation').textContent()).resolves.toContain('Kết thúc hồ sơ');
    await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await pp.getByTestId('signoff-results').getByText(`${code}: đã duyệt`).waitFor();
    lap('signed off');

    // 9. Closed in the database, in the closed column of the coordinator's board, and on the page.
    await expect.poll(() => stageOf(caseId)).toBe('closed');
    const closed = await db().case.findUniqueOrThrow({ where: { id: caseId } });
    expect(closed.closureReason).toBe('goal_reached');
    await cp.goto(b.stack.baseUrl);
    await cp
      .locator(`section[data-stage="closed"][aria-label="Đã kết thúc"] [data-case-id="${caseId}"]`)
      .waitFor({ timeout: 10_000 });
    await cp.goto(`${b.stack.baseUrl}/cases/${caseId}`);
    await cp.locator('[data-testid="case-stage"][data-stage="closed"]').waitFor();
    await cp.getByTestId('action-reopen').waitFor();
    await cp.screenshot({ path: screenshotPath('walk-closed'), fullPage: true });
    lap('closed');

    expect({ coord: coord.problems, teacher: teacher.problems, principal: principal.problems }).toEqual({
      coord: [],
      teacher: [],
      principal: [],
    });
    await Promise.all([coord.context.close(), teacher.context.close(), principal.context.close()]);
  }, 90_000);
  it('ct.huong replaces a helper and proposes a closure on the case page; ct.thao reopens one', async () => {
    const caseOf = (studentId: string) =>
      db().case.findFirstOrThrow({ where: { studentId }, select: { id: true, stage: true } });
    const coord = await signInPage(b, 'ct.huong', { viewport: VIEWPORT });
    const page = coord.page;
    await shellReady(page);
    const openCase = async (caseId: string) => {
      await page.goto(`${b.stack.baseUrl}/cases/${caseId}`);
      await page.locator(`[data-testid="case-page"][data-case-id="${caseId}"]`).waitFor();
    };

    // The server's refusal, in Vietnamese, in the modal: st-18's evaluation opened meanwhile.
    const st18 = await caseOf('st-18');
    expect(st18.stage).toBe('active');
    await openCase(st18.id);
    await page.getByTestId('action-evaluate').click();
    const evalForm = page.getByTestId('start-evaluation-form');
    await evalForm.getByLabel('Lý do đánh giá sớm').fill('Em chuyển trường vào tháng 12.');
    const api = await signedInClient(b.stack.baseUrl, 'ct.huong');
    await api.case.startEvaluation.mutate({ caseId: st18.id, reason: 'Em chuyển trường vào tháng 12.' });
    await evalForm.getByRole('button', { name: 'Mở đánh giá' }).click();
    await expect(evalForm.getByTestId('action-error').textContent()).resolves.toContain(
      'Hồ sơ không ở bước giúp đỡ',
    );
    await evalForm.getByRole('button', { name: 'Hủy' }).click();

    // st-01 (gv.lan) goes to another teacher: both fields are required in place.
    const st01 = await caseOf('st-01');
    await openCase(st01.id);
    await page.getByTestId('action-replace').click();
    const replace = page.getByTestId('replace-helper-form');
    await replace.getByRole('button', { name: 'Thay giáo viên' }).click();
    await replace.getByText('Cần chọn giáo viên mới').waitFor();
    await replace.getByText('Cần nêu lý do thay giáo viên').waitFor();
    const select = replace.getByLabel('Giáo viên mới');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const helperId = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(helperId ?? '');
    await replace.getByLabel('Lý do thay giáo viên').fill('Cô Lan nghỉ sinh từ tháng 12.');
    await replace.getByRole('button', { name: 'Thay giáo viên' }).click();
    await replace.waitFor({ state: 'detached' });
    await page.getByTestId('timeline').getByText('Thay giáo viên giúp đỡ').waitFor();
    const helpers = await db().caseHelper.findMany({ where: { caseId: st01.id, userId: helperId ?? '' } });
    expect(helpers.length).toBeGreaterThan(0);

    // Then its closure is proposed: a reason is required, and "other" needs a note.
    await page.getByTestId('action-close').click();
    const closure = page.getByTestId('propose-closure-form');
    await closure.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await closure.getByText('Cần chọn lý do kết thúc').waitFor();
    await closure.getByLabel('Lý do kết thúc').selectOption({ label: 'Lý do khác' });
    await closure.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await closure.getByText('Cần ghi rõ lý do kết thúc').waitFor();
    await closure.getByLabel('Ghi chú cho Hiệu trưởng').fill('Gia đình chuyển vào Bình Dương làm ăn.');
    await page.screenshot({ path: screenshotPath('case-propose-closure') });
    await closure.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await closure.waitFor({ state: 'detached' });
    await page.locator('[data-testid="case-stage"][data-stage="closure"]').waitFor();
    expect((await caseOf('st-01')).stage).toBe('closure');
    // Chromium logs the refused request itself; nothing else went wrong.
    expect(coord.problems).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await coord.context.close();

    // st-16 (THPT Tô Hiệu) was closed: its coordinator reopens it, with a reason.
    const st16 = await caseOf('st-16');
    expect(st16.stage).toBe('closed');
    const thao = await signInPage(b, 'ct.thao', { viewport: VIEWPORT });
    await shellReady(thao.page);
    await thao.page.goto(`${b.stack.baseUrl}/cases/${st16.id}`);
    await thao.page.getByTestId('action-reopen').click();
    const reopen = thao.page.getByTestId('reopen-form');
    await reopen.getByRole('button', { name: 'Mở lại', exact: true }).click();
    await reopen.getByText('Cần nêu lý do mở lại').waitFor();
    await reopen.getByLabel('Lý do mở lại').fill('Em nghỉ học nhiều trở lại từ đầu học kỳ II.');
    await reopen.getByRole('button', { name: 'Mở lại', exact: true }).click();
    await reopen.waitFor({ state: 'detached' });
    await thao.page.locator('[data-testid="case-stage"]:not([data-stage="closed"])').waitFor();
    expect((await caseOf('st-16')).stage).not.toBe('closed');
    expect(thao.problems).toEqual([]);
    await thao.context.close();
  });
});
