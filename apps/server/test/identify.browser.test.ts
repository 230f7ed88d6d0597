import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * Proposing a student in Chromium: gv.lan (homeroom of 6A, THCS Chiềng Lề) finds a pupil of hers
 * without diacritics and proposes her; the school coordinator's open board gets the card live;
 * a second proposal of the same pupil lands on the case she already has.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

describe('propose a student in the browser', () => {
  it('gv.lan proposes Cầm Thị Bích (st-02); ct.huong sees the card live; a second try finds the case', async () => {
    // The coordinator's board is open before the proposal is sent.
    const coord = await signInPage(b, 'ct.huong', { viewport: { width: 1280, height: 800 } });
    await coord.page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });

    const { page, context, problems } = await signInPage(b, 'gv.lan', {
      viewport: { width: 1280, height: 800 },
    });
    await page.getByRole('link', { name: 'Đề xuất học sinh' }).click();
    const search = page.getByTestId('student-search');
    // Adding a student is for the school's coordinators and principal.
    await expect(page.getByTestId('add-student').count()).resolves.toBe(0);

    // Without diacritics, and "no match" said in place.
    await search.fill('giang a chu');
    await page
      .locator('[data-testid="student-hit"][data-student-id="st-03"]')
      .getByText('Giàng A Chứ')
      .waitFor();
    await search.fill('khong co ai ten nay');
    await page.getByTestId('search-empty').getByText('Không tìm thấy học sinh nào').waitFor();

    await search.fill('cam thi bich');
    const hit = page.locator('[data-testid="student-hit"][data-student-id="st-02"]');
    await hit.getByText('Lớp 6A · Trường THCS Chiềng Lề').waitFor();
    await expect(page.getByTestId('student-hit').count()).resolves.toBe(1);
    await hit.getByRole('button', { name: 'Chọn Cầm Thị Bích' }).click();

    const form = page.getByTestId('propose-form');
    await page.getByTestId('propose-heading').getByText('Cầm Thị Bích').waitFor();
    // The only open campaign is preselected; categories are required, said under the field.
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Đợt vận động' }).inputValue())
      .toContain('năm học 2026–2027');
    await form.getByText('thông tin gia đình được lưu riêng, mã hóa').waitFor();
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await form.getByText('Chọn ít nhất một diện').waitFor();
    await form.getByLabel('Khó khăn kinh tế, gia cảnh đặc biệt').check();
    await form.getByLabel('Nguy cơ bỏ học').check();
    await form.getByLabel('Lý do ngắn gọn (không bắt buộc)').fill('Em nghỉ học 3 buổi trong tháng 11.');
    await page.screenshot({ path: screenshotPath('identify'), fullPage: true });
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click();

    const result = page.locator('[data-testid="propose-result"][data-created="true"]');
    await result.waitFor({ timeout: 20_000 });
    const code = await result.getAttribute('data-code');
    const created = await b.stack.database.db.case.findFirstOrThrow({
      where: { studentId: 'st-02' },
      select: { id: true, code: true, stage: true, categories: true },
    });
    expect(created.code).toBe(code);
    expect(created.stage).toBe('identified');
    expect([...created.categories].sort()).toEqual(['dropout_risk', 'economic_hardship']);
    await result.getByText(`Đã tạo hồ sơ ${code}`).waitFor();
    await expect(result.getByRole('link', { name: `Mở hồ sơ ${code}` }).getAttribute('href')).resolves.toBe(
      `/cases/${created.id}`,
    );

    // The coordinator's board, untouched since, shows the new card awaiting screening.
    await coord.page
      .locator(`section[data-stage="identified"] [data-testid="case-card"][data-code="${code}"]`)
      .waitFor({ timeout: 15_000 });

    // Again, on a phone: the same pupil already has a case in this campaign.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Đề xuất học sinh khác' }).click();
    await search.fill('Cầm Thị Bích');
    await page.getByRole('button', { name: 'Chọn Cầm Thị Bích' }).click();
    await form.getByLabel('Học lực yếu–kém, hạnh kiểm yếu').check();
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
    const again = page.locator('[data-testid="propose-result"][data-created="false"]');
    await again.getByText('Học sinh đã có hồ sơ trong đợt này').waitFor({ timeout: 20_000 });
    await expect(again.getAttribute('data-code')).resolves.toBe(code);
    await again.getByRole('link', { name: `Mở hồ sơ ${code}` }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('identify-phone'), fullPage: true });

    expect(problems).toEqual([]);
    expect(coord.problems).toEqual([]);
    await context.close();
    await coord.context.close();
  });

  it('ct.huong adds a pupil missing from the list; she is chosen in the form and proposed', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 390, height: 844 },
    });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Đề xuất học sinh' }).click();
    await page.getByTestId('add-student').click();
    const add = page.getByTestId('new-student-form');
    await add.getByRole('textbox', { name: 'Trường' }).waitFor();
    await expect(add.getByRole('textbox', { name: 'Trường' }).inputValue()).resolves.toBe(
      'Trường THCS Chiềng Lề',
    );
    await add.getByLabel('Họ và tên').fill('A');
    await add.getByLabel('Mã định danh Bộ GD&ĐT').fill('12ab');
    await add.getByRole('button', { name: 'Thêm và chọn' }).click();
    await add.getByText('Họ tên quá ngắn').waitFor();
    await add.getByText('Mã định danh gồm 6–20 chữ số').waitFor();
    await add.getByLabel('Họ và tên').fill('Vàng Thị Mỷ');
    await add.getByLabel('Mã định danh Bộ GD&ĐT').fill('0140123499');
    await add.getByLabel('Ngày sinh').fill('2014-05-06');
    await add.getByLabel('Nữ').check();
    await add.getByLabel('Dân tộc').fill("H'Mông");
    await add.getByRole('textbox', { name: 'Lớp' }).click();
    await page.getByRole('option', { name: '6A' }).click();
    await add.getByRole('button', { name: 'Thêm và chọn' }).click();
    await add.waitFor({ state: 'detached' });

    await page.getByTestId('propose-heading').getByText('Vàng Thị Mỷ').waitFor();
    const student = await b.stack.database.db.student.findFirstOrThrow({
      where: { moetCode: '0140123499' },
      select: { id: true, fullName: true, classId: true, schoolId: true, gender: true },
    });
    expect(student).toMatchObject({
      fullName: 'Vàng Thị Mỷ',
      classId: 'cl-cl-6a',
      schoolId: 's-thcs-chiengle',
      gender: 'FEMALE',
    });
    const form = page.getByTestId('propose-form');
    await form.getByLabel('Khối 9 chuẩn bị thi vào lớp 10').check();
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
    const result = page.locator('[data-testid="propose-result"][data-created="true"]');
    await result.waitFor({ timeout: 20_000 });
    const created = await b.stack.database.db.case.findFirstOrThrow({
      where: { studentId: student.id },
      select: { code: true },
    });
    await expect(result.getAttribute('data-code')).resolves.toBe(created.code);

    expect(problems).toEqual([]);
    await context.close();
  });
});
