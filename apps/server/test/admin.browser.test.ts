import { demoCampaign } from '@donghanh/db/seed';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/** Administration in Chromium: accounts with a one-time password, and a campaign's calendar. */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1280, height: 800 };

/**
 * Console problems, less the browser's own line for a refusal the test provokes on purpose
 * (409 for a taken username, 422 for an invalid calendar): the page shows those in place.
 */
const unexpected = (problems: string[], ...statuses: number[]) =>
  problems.filter((p) => !statuses.some((s) => p.includes(`status of ${s}`)));

/** Picks an option of a Mantine Select (a combobox, its options rendered in a portal). */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: label, exact: true }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function fillNewAccount(page: Page, username: string, displayName: string) {
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const form = page.getByTestId('create-user-form');
  await form.waitFor();
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Họ và tên').fill(displayName);
  await choose(page, 'Vai trò', 'Giáo viên');
  await choose(page, 'Đơn vị', /Trường THCS Chiềng Lề/);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  return form;
}

describe('administration in the browser', () => {
  it('the admin creates a teacher, who signs in with the temporary password and must change it', async () => {
    const { page, context, problems } = await signInPage(b, 'quantri', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByTestId('users-table').waitFor();

    // The search finds "Lò Thị Hà" typed without diacritics.
    await page.getByLabel('Tìm người dùng').fill('lo thi ha');
    await page.getByTestId('user-row-quantri').waitFor({ state: 'detached' });
    await page.getByTestId('user-row-cv.ha').waitFor();
    await expect(page.getByTestId('user-row-cv.ha').textContent()).resolves.toContain('Chuyên viên phòng/sở');
    await page.getByLabel('Tìm người dùng').fill('');
    await page.getByTestId('user-row-quantri').waitFor();

    await fillNewAccount(page, 'gv.moi', 'Nguyễn Thị Mới');
    const modal = page.getByTestId('temp-password');
    await modal.waitFor();
    const password = (await modal.textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await page.getByText('Mật khẩu này chỉ hiện MỘT lần và sẽ không hiện lại', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
    await modal.waitFor({ state: 'detached' });
    const row = page.getByTestId('user-row-gv.moi');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Giáo viên · Trường THCS Chiềng Lề');
    await expect(row.textContent()).resolves.toContain('Chưa đổi mật khẩu tạm');
    await page.screenshot({ path: screenshotPath('admin-users'), fullPage: true });

    // The same username again: the server's refusal is shown under the field, the form stays open.
    const form = await fillNewAccount(page, 'gv.moi', 'Nguyễn Thị Mới Hai');
    await form.getByText('Tên đăng nhập đã được dùng').waitFor();
    await expect(page.getByTestId('temp-password').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Hủy' }).click();

    // Another person, another browser context: the temporary password works once, then must change.
    const teacher = await signInPage(b, 'gv.moi', { password, viewport: VIEWPORT });
    await teacher.page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(password);
    await teacher.page
      .getByLabel('Mật khẩu mới (ít nhất 10 ký tự)', { exact: true })
      .fill('mat-khau-moi-2026');
    await teacher.page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await teacher.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(teacher.page.getByTestId('signed-in-as').textContent({ timeout: 15_000 })).resolves.toBe(
      'Nguyễn Thị Mới',
    );
    const user = await b.stack.database.db.user.findFirstOrThrow({
      where: { username: 'gv.moi' },
      select: { mustChangePassword: true, roles: { select: { role: true, unitId: true } } },
    });
    expect(user.mustChangePassword).toBe(false);
    expect(user.roles).toEqual([{ role: 'TEACHER', unitId: 'u-thcs-chiengle' }]);
    expect(teacher.problems).toEqual([]);
    await teacher.context.close();

    // A forgotten password: the admin resets it and hands over a new temporary one.
    const newRow = page.getByTestId('user-row-gv.moi');
    await newRow.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByTestId('confirm-reset').click();
    await page.getByTestId('temp-password').waitFor();
    const second = (await page.getByTestId('temp-password').textContent())?.trim() ?? '';
    expect(second).not.toBe(password);
    await page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
    const again = await b.stack.database.db.user.findFirstOrThrow({
      where: { username: 'gv.moi' },
      select: { mustChangePassword: true, sessions: { select: { id: true } } },
    });
    expect(again).toMatchObject({ mustChangePassword: true, sessions: [] });

    // The unit tree: a school sits under its commune office, indented.
    await page.getByTestId('admin-tab-units').click();
    await page.getByTestId('unit-row-THCS-CL').waitFor();
    await expect(page.getByTestId('unit-row-THCS-CL').textContent()).resolves.toContain('Trường học · THCS');

    expect(unexpected(problems, 409)).toEqual([]);
    await context.close();
  });

  it('an office coordinator sees only campaigns, and changes the check-in day of the demo campaign', async () => {
    const { page, context, problems } = await signInPage(b, 'cv.ha', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByTestId('campaigns-table').waitFor();
    await expect(page.getByTestId('admin-tab-users').count()).resolves.toBe(0);
    await expect(page.getByTestId('admin-tab-units').count()).resolves.toBe(0);

    await page.getByTestId(`campaign-row-${demoCampaign.id}`).getByRole('link').click();
    await page.getByTestId('campaign-calendar').waitFor();
    await page.getByTestId('checkin-schedule').waitFor();
    await expect(page.getByTestId('campaign-calendar').textContent()).resolves.toContain('05/09/2026');

    // Two report rounds on the same day: only the server's cross-field check sees it, and its
    // issue is shown next to the second round's date.
    const due2 = page.getByRole('textbox', { name: 'Hạn 2', exact: true });
    // Tab, not Enter: Enter in a field submits the form (as any form does).
    await due2.fill('25/12/2026');
    await due2.press('Tab');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Hai đợt báo cáo không được cùng một hạn').waitFor();
    await page.getByTestId('settings-error').waitFor();

    const before = await b.stack.database.db.campaign.findUniqueOrThrow({ where: { id: demoCampaign.id } });
    expect((before.settings as { checkInDay: number }).checkInDay).not.toBe(20);
    await due2.fill('25/05/2027');
    await due2.press('Tab');
    const checkInDay = page.getByLabel('Ngày nộp cập nhật hằng tháng');
    await checkInDay.fill('20');
    await checkInDay.press('Tab');
    await expect(checkInDay.inputValue()).resolves.toBe('20');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByTestId('settings-saved').getByText('Đã lưu thiết lập').waitFor();
    const after = await b.stack.database.db.campaign.findUniqueOrThrow({ where: { id: demoCampaign.id } });
    expect((after.settings as { checkInDay: number }).checkInDay).toBe(20);
    expect((after.settings as { reportDeadlines: { due: string }[] }).reportDeadlines[1]?.due).toBe(
      '2027-05-25',
    );
    // The derived schedule follows the new day (October's due day is the 20th, a Tuesday).
    await page.getByTestId('checkin-2026-10').getByText('20/10/2026').waitFor();
    await page.screenshot({ path: screenshotPath('admin-campaign'), fullPage: true });

    expect(unexpected(problems, 422)).toEqual([]);
    await context.close();
  });
});
