import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * setup (issue 14): a teacher volunteers in Chromium — gv.hoa (THCS Quyết Thắng, not yet a
 * volunteer) says how many pupils she can help and what she teaches, changes it, then takes no
 * more (confirmed), all from her own page.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

const userRow = (id: string) =>
  b.stack.database.db.user.findUniqueOrThrow({ where: { id }, select: { capacity: true, subjects: true } });

describe('volunteering in the browser', () => {
  it('a teacher volunteers with a capacity and subjects, then stops taking new pupils', async () => {
    const hoa = await b.stack.database.db.user.findUniqueOrThrow({ where: { username: 'gv.hoa' } });
    await b.stack.database.db.user.update({ where: { id: hoa.id }, data: { capacity: 0, subjects: [] } });
    const { page, context, problems } = await signInPage(b, 'gv.hoa', {
      viewport: { width: 390, height: 844 },
    });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/volunteer`);
    const vol = page.getByTestId('volunteer-page');
    await vol.getByTestId('volunteer-status').getByText('Thầy/cô chưa đăng ký nhận giúp đỡ.').waitFor();
    await vol.getByText('Đợt vận động:', { exact: false }).waitFor();

    await vol.getByLabel('Số em nhận giúp đỡ cùng lúc').fill('2');
    const subjects = vol.getByLabel('Môn dạy / môn có thể kèm');
    await subjects.fill('Toán');
    await subjects.press('Enter');
    await subjects.fill('Ngữ văn');
    await subjects.press('Enter');
    await vol.getByRole('button', { name: 'Đăng ký nhận giúp đỡ' }).click();
    await vol
      .getByTestId('volunteer-done')
      .getByText('Đã lưu: thầy/cô nhận giúp đỡ 2 em, còn 2 chỗ.')
      .waitFor();
    expect(await userRow(hoa.id)).toEqual({ capacity: 2, subjects: ['Toán', 'Ngữ văn'] });
    await vol
      .getByTestId('volunteer-status')
      .getByText('Thầy/cô đang nhận giúp đỡ: 0/2 em, còn 2 chỗ.')
      .waitFor();
    await page.screenshot({ path: screenshotPath('volunteer-phone'), fullPage: true });

    // Changes her mind: three pupils.
    await vol.getByLabel('Số em nhận giúp đỡ cùng lúc').fill('3');
    await vol.getByRole('button', { name: 'Cập nhật' }).click();
    await vol
      .getByTestId('volunteer-done')
      .getByText('Đã lưu: thầy/cô nhận giúp đỡ 3 em, còn 3 chỗ.')
      .waitFor();
    expect((await userRow(hoa.id)).capacity).toBe(3);

    // Takes no more: asked once more, then no new offer can reach her.
    await vol.getByRole('button', { name: 'Ngừng nhận thêm' }).click();
    await page.getByTestId('confirm-modal').getByText('0 em thầy/cô đang giúp', { exact: false }).waitFor();
    await page.getByTestId('confirm-action').click();
    await vol
      .getByTestId('volunteer-done')
      .getByText('Đã ngừng nhận thêm. 0 em đang giúp vẫn tiếp tục.')
      .waitFor();
    expect(await userRow(hoa.id)).toEqual({ capacity: 0, subjects: ['Toán', 'Ngữ văn'] });
    await vol.getByTestId('volunteer-status').getByText('Thầy/cô chưa đăng ký nhận giúp đỡ.').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
