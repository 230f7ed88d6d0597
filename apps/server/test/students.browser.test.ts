import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * The class-list import in Chromium: ct.huong (coordinator, THCS Chiềng Lề) uploads a workbook
 * with a hidden sheet and an id column the import does not recognise, chooses the sheet, fixes
 * the mapping, reads the preview's row errors and imports with the progress bar to the result.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lớp 6');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'DANH SÁCH HỌC SINH KHỐI 6';
  ws.addRow([]);
  ws.addRow(['STT', 'Số ĐD', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp']);
  ws.getColumn(2).numFmt = '@';
  ws.addRow([1, '0020000001', 'Vì Văn Toàn', '03/04/2014', 'Nam', '6A']);
  ws.addRow([2, '0020000002', 'Lò Thị Én', '31/02/2014', 'Nữ', '6A']);
  ws.addRow([3, '0020000003', 'Tòng Văn Sơn', '15/08/2014', 'Nam', '6D']);
  const hidden = wb.addWorksheet('Nháp', { state: 'hidden' });
  hidden.addRow(['ghi chú']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('class-list import in the browser', () => {
  it('ct.huong imports a class list: sheet, mapping fixed, row errors seen, imported', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('link', { name: 'Học sinh', exact: true }).click();
    const wizard = page.getByTestId('import-wizard');
    await expect(wizard.getByTestId('template-link').getAttribute('href')).resolves.toBe(
      '/files/mau-danh-sach-hoc-sinh.xlsx',
    );
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ds-khoi-6.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    await wizard.getByTestId('upload-send').click();

    // Two sheets, one hidden: the school chooses.
    const sheets = wizard.getByTestId('sheet-choice');
    await sheets.getByText('Nháp (bị ẩn)').waitFor();
    await sheets.getByLabel('Lớp 6 (đang hiện)').click();

    // "Số ĐD" is not a known header: the id column is missing until the user maps it.
    await wizard.getByTestId('mapping-missing').getByText('Mã định danh Bộ GD&ĐT').waitFor();
    await wizard.getByRole('textbox', { name: 'Mã định danh Bộ GD&ĐT' }).click();
    await page.getByRole('option', { name: 'B: Số ĐD' }).click();
    await expect(wizard.getByTestId('mapping-missing').count()).resolves.toBe(0);
    await wizard.getByTestId('mapping-confirm').click();

    // The preview: every row, the bad date refused with its reason, the new class announced.
    const rows = wizard.getByTestId('preview-rows');
    await wizard
      .getByTestId('preview-counts')
      .getByText('3 dòng: 2 thêm mới, 0 cập nhật, 0 không đổi, 1 bị bỏ qua vì lỗi')
      .waitFor();
    await rows.locator('[data-testid="preview-row-4"]').getByText('Vì Văn Toàn').waitFor();
    await rows
      .locator('[data-testid="preview-row-5"][data-action="skip"]')
      .getByText('Không đọc được ngày sinh (cần dạng dd/mm/yyyy)')
      .waitFor();
    await rows
      .locator('[data-testid="preview-row-6"]')
      .getByText('Lớp chưa có trong năm học: sẽ được tạo')
      .waitFor();
    await wizard.getByText('Lớp sẽ được tạo: 6D').waitFor();
    await page.screenshot({ path: screenshotPath('students-import-preview'), fullPage: true });

    await wizard.getByRole('button', { name: 'Nhập 2 học sinh' }).click();
    const result = wizard.getByTestId('import-result');
    await result
      .getByText('2 học sinh thêm mới, 0 cập nhật, 0 không đổi, 1 dòng bỏ qua; 1 lớp mới.')
      .waitFor({
        timeout: 20_000,
      });
    const db = b.stack.database.db;
    const toan = await db.student.findUniqueOrThrow({
      where: { moetCode: '0020000001' },
      include: { class: true },
    });
    expect(toan).toMatchObject({ fullName: 'Vì Văn Toàn', schoolId: 's-thcs-chiengle' });
    expect(toan.class?.name).toBe('6A');
    expect(await db.student.count({ where: { moetCode: '0020000002' } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'student.import', actorId: 'u-ct-cl' } })).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the upload route refuses strangers, other sites and oversized bodies; the template downloads', async () => {
    const url = `${b.stack.baseUrl}/upload/class-list?schoolId=s-thcs-chiengle`;
    const body = await workbook();
    const anonymous = await fetch(url, { method: 'POST', body });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { appCode: 'UNAUTHENTICATED' } });
    const { signIn } = await import('../src/testing');
    const cookie = await signIn(b.stack.baseUrl, 'ct.huong');
    const crossSite = await fetch(url, {
      method: 'POST',
      body,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const office = await signIn(b.stack.baseUrl, 'cv.tuan');
    const forbidden = await fetch(url, { method: 'POST', body, headers: { cookie: office } });
    expect(await forbidden.json()).toMatchObject({ error: { appCode: 'FORBIDDEN' } });
    const big = await fetch(url, {
      method: 'POST',
      body: new Uint8Array(10 * 1024 * 1024 + 1),
      headers: { cookie },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      error: { appCode: 'CLASS_LIST_TOO_LARGE', message: 'Tệp danh sách lớn hơn 10 MB' },
    });
    const template = await fetch(`${b.stack.baseUrl}/files/mau-danh-sach-hoc-sinh.xlsx`);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await template.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('ct.huong moves the school to the new year: classes up a grade, grade 9 archived, repeaters kept, once', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong', {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('link', { name: 'Học sinh', exact: true }).click();
    await page.getByTestId('tab-new-year').click();
    const panel = page.getByTestId('new-year');
    await panel.getByTestId('new-year-moves').getByText('6A → 7A').waitFor();
    await panel.getByTestId('new-year-leaving').getByText('9A (4 học sinh)').waitFor();
    // Two pupils repeat their grade (lưu ban): one of grade 6, one of grade 9 who stays rather than leaves.
    const repeaters = panel.getByTestId('new-year-repeaters');
    for (const [search, option] of [
      ['Sùng A', 'Sùng A Lử (0140123409)'],
      ['Cầm Thị', 'Cầm Thị Bích (0140123402)'],
    ] as const) {
      await repeaters.click();
      await page.keyboard.type(search);
      await page.getByRole('option', { name: option }).click();
    }
    await page.keyboard.press('Escape');
    const repeating = panel.getByTestId('new-year-repeating');
    await repeating.getByText('9A: 1 học sinh ở lại lớp 9A').waitFor();
    await repeating.getByText('6A: 1 học sinh ở lại lớp 6A').waitFor();
    await panel.getByTestId('new-year-leaving').getByText('9A (3 học sinh)').waitFor();
    await panel.getByRole('button', { name: 'Chuyển sang năm học 2027–2028' }).click();
    await panel.getByText('Xác nhận chuyển năm học?').waitFor();
    await panel.getByRole('button', { name: 'Chuyển sang năm học 2027–2028' }).click();
    await panel.getByTestId('new-year-done').waitFor({ timeout: 15_000 });
    const db = b.stack.database.db;
    const st01 = await db.student.findUniqueOrThrow({ where: { id: 'st-01' }, include: { class: true } });
    expect(st01.class).toMatchObject({ name: '7A', schoolYear: 2027 });
    expect((await db.student.findUniqueOrThrow({ where: { id: 'st-07' } })).archivedAt).not.toBeNull();
    await panel.getByText('2 học sinh lưu ban.').waitFor();
    const st09 = await db.student.findUniqueOrThrow({ where: { id: 'st-09' }, include: { class: true } });
    expect(st09).toMatchObject({ archivedAt: null, class: { name: '9A', grade: 9, schoolYear: 2027 } });
    const st02 = await db.student.findUniqueOrThrow({ where: { id: 'st-02' }, include: { class: true } });
    expect(st02.class).toMatchObject({ name: '6A', grade: 6, schoolYear: 2027 });
    const audit = await db.auditLog.findMany({ where: { action: 'student.repeat-grade' } });
    expect(audit.map((a) => a.subjectId).sort()).toEqual(['st-02', 'st-09']);
    await panel.getByText('Trường đã chuyển sang năm học này.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
