import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * setup (issue 14): ct.huong (coordinator, THCS Chiềng Lề) sets up the school year in Chromium —
 * adds a class with its homeroom teacher, gives 7B a homeroom teacher (who then finds its pupils
 * by name: the identity rule decides from the class), moves a pupil to the new class from its row,
 * and enters the pupil's family circumstances, sealed.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

const db = () => b.stack.database.db;

describe('school set-up in the browser', () => {
  it('ct.huong sets up a class and its homeroom teacher, fixes a pupil’s class and enters the family circumstances', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('link', { name: 'Học sinh', exact: true }).click();
    await page.getByTestId('tab-classes').click();
    const classes = page.getByTestId('classes');
    await classes.getByText('Năm học 2026–2027').waitFor();

    // A new class 6B, with gv.uyen as its homeroom teacher.
    const create = classes.getByTestId('class-create');
    await create.getByLabel('Tên lớp').fill('6B');
    await create.getByLabel('Khối').fill('6');
    await create.getByRole('textbox', { name: 'Giáo viên chủ nhiệm' }).click();
    await page.getByRole('option', { name: 'Quàng Thị Uyên' }).click();
    await create.getByRole('button', { name: 'Thêm lớp' }).click();
    await classes.getByTestId('classes-done').getByText('Đã thêm lớp 6B.').waitFor();
    const row6b = classes.locator('[data-testid="class-row"][data-class-name="6B"]');
    await row6b.waitFor();
    const cls6b = await db().class.findFirstOrThrow({
      where: { schoolId: 's-thcs-chiengle', schoolYear: 2026, name: '6B' },
    });
    expect(cls6b).toMatchObject({ grade: 6, homeroomId: 'u-gv-uyen', archivedAt: null });

    // 7B had no homeroom teacher: gv.thuy takes it, and from then on finds its pupils by name.
    const thuy = await signedInClient(b.stack.baseUrl, 'gv.thuy');
    expect((await thuy.student.search.query({ q: 'Mùa Thị Dợ' })).map((s) => s.id)).not.toContain('st-06');
    const row7b = classes.locator('[data-testid="class-row"][data-class-name="7B"]');
    await row7b.getByRole('textbox', { name: 'Giáo viên chủ nhiệm 7B' }).click();
    await page.getByRole('option', { name: 'Cầm Thị Thủy' }).click();
    await classes
      .getByTestId('classes-done')
      .getByText('Đã giao chủ nhiệm lớp 7B cho Cầm Thị Thủy', { exact: false })
      .waitFor();
    await expect
      .poll(async () => (await db().class.findUniqueOrThrow({ where: { id: 'cl-cl-7b' } })).homeroomId)
      .toBe('u-gv-thuy');
    expect((await thuy.student.search.query({ q: 'Mùa Thị Dợ' })).map((s) => s.id)).toContain('st-06');

    // 7B's pupils; Nguyễn Thị Diệu (st-04) moves to 6B from her row.
    await row7b.getByRole('button', { name: '3' }).click();
    const pupils = page.getByTestId('pupils');
    await pupils.getByText('Học sinh lớp 7B').waitFor();
    const dieu = pupils.locator('[data-testid="pupil-row"][data-student-id="st-04"]');
    await dieu.getByRole('textbox', { name: 'Chuyển lớp cho Nguyễn Thị Diệu' }).click();
    await page.getByRole('option', { name: '6B', exact: true }).click();
    await classes.getByTestId('classes-done').getByText('Đã chuyển Nguyễn Thị Diệu sang lớp 6B.').waitFor();
    await expect
      .poll(async () => (await db().student.findUniqueOrThrow({ where: { id: 'st-04' } })).classId)
      .toBe(cls6b.id);
    await page.screenshot({ path: screenshotPath('school-setup-classes'), fullPage: true });

    // The family circumstances of Mùa Thị Dợ (st-06), from her row: sealed at rest, audited.
    await pupils
      .locator('[data-testid="pupil-row"][data-student-id="st-06"]')
      .getByRole('link', { name: 'Hoàn cảnh gia đình' })
      .click();
    const family = page.getByTestId('family-page');
    await family.getByText('Mùa Thị Dợ · lớp 7B').waitFor();
    await family
      .getByTestId('family-text')
      .fill('Bố mẹ đi làm ăn xa, em ở với bà ngoại; nhà cách trường 7 km.');
    await family.getByRole('button', { name: 'Lưu' }).click();
    await family.getByTestId('family-saved').waitFor();
    const sealed = (await db().student.findUniqueOrThrow({ where: { id: 'st-06' } })).familySealed;
    expect(sealed).toBeTruthy();
    expect(sealed).not.toContain('bà ngoại');
    // A reload reads it back (an audited read) through the identity rule.
    await page.reload();
    await expect(page.getByTestId('family-text').inputValue()).resolves.toBe(
      'Bố mẹ đi làm ăn xa, em ở với bà ngoại; nhà cách trường 7 km.',
    );
    expect(
      await db().auditLog.count({
        where: { subjectId: 'st-06', action: { in: ['student.family.write', 'student.family.read'] } },
      }),
    ).toBeGreaterThanOrEqual(2);

    // gv.duc is no one to st-06: the same page refuses him.
    const duc = await signInPage(b, 'gv.duc');
    await duc.page.locator('header').first().waitFor();
    await duc.page.goto(`${b.stack.baseUrl}/family/st-06`);
    await duc.page
      .getByTestId('family-error')
      .getByText('Bạn không có quyền xem hoàn cảnh gia đình của học sinh này.')
      .waitFor();
    await duc.context.close();

    // Rename, then archive an empty class (confirmed).
    await page.goto(`${b.stack.baseUrl}/students`);
    await page.getByTestId('tab-classes').click();
    await create.getByLabel('Tên lớp').fill('6 Tạm');
    await create.getByLabel('Khối').fill('6');
    await create.getByRole('button', { name: 'Thêm lớp' }).click();
    const temp = classes.locator('[data-testid="class-row"][data-class-name="6 Tạm"]');
    await temp.getByRole('button', { name: 'Đổi tên' }).click();
    await page.getByRole('dialog').getByLabel('Tên lớp').fill('6E');
    await page.getByRole('button', { name: 'Lưu tên mới' }).click();
    await classes.getByTestId('classes-done').getByText('Đã đổi tên lớp thành 6E.').waitFor();
    const row6e = classes.locator('[data-testid="class-row"][data-class-name="6E"]');
    await row6e.getByRole('button', { name: 'Lưu trữ' }).click();
    await page.getByTestId('confirm-action').click();
    await classes.getByTestId('classes-done').getByText('Đã lưu trữ lớp 6E.').waitFor();
    await row6e.waitFor({ state: 'detached' });
    expect(
      (await db().class.findFirstOrThrow({ where: { schoolId: 's-thcs-chiengle', name: '6E' } })).archivedAt,
    ).not.toBeNull();

    expect(problems).toEqual([]);
    await context.close();
  });
});
