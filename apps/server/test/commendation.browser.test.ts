import { commendationFacts, systemToday } from '@donghanh/db';
import { commendationIndicatorsOf } from '@donghanh/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * Commendation (thi đua) in Chromium, on the demo: the coordinator of THCS Chiềng Lề reads each
 * teacher's figures over the year and proposes a teacher with a note (a note naming a pupil is
 * refused in Vietnamese), the principal signs, the commune office accepts and downloads the list.
 * And the case page shows the coordinator what the child received, month by month.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
});
afterAll(() => b?.stop());

const VIEWPORT = { width: 1400, height: 900 };
const CAMPAIGN = 'camp-sl-2026';
const SCHOOL = 's-thcs-chiengle';
const TEACHER = 'u-gv-lan';
const PROPOSAL = `com-${CAMPAIGN}-${SCHOOL}-${TEACHER}`;
const NOTE = 'Dạy kèm đều đặn cả năm, thăm gia đình học sinh mỗi tháng';

/** The year's indicators of the demo school as the domain counts them from the database. */
async function expectedIndicators() {
  const facts = await commendationFacts(b.stack.database.db, {
    campaignId: CAMPAIGN,
    schoolIds: [SCHOOL],
    from: '2026-09-05',
    to: '2027-05-29',
    today: systemToday(),
  });
  const s = commendationIndicatorsOf(facts).get(SCHOOL);
  if (!s) throw new Error('no indicators for the demo school');
  return s;
}
const cellsOf = (i: {
  checkIns: { onTime: number; due: number };
  evaluations: { progress: number; signedOff: number };
  keptInSchool: { kept: number; atRisk: number };
}) => [
  `${i.checkIns.onTime}/${i.checkIns.due}`,
  `${i.evaluations.progress}/${i.evaluations.signedOff}`,
  `${i.keptInSchool.kept}/${i.keptInSchool.atRisk}`,
];

async function statusInDb() {
  return (
    await b.stack.database.db.commendationProposal.findUnique({
      where: { id: PROPOSAL },
      select: { status: true },
    })
  )?.status;
}

describe('commendation in the browser', () => {
  it('the coordinator proposes with a note, the principal signs, the office accepts and downloads', async () => {
    const coord = await signInPage(b, 'ct.huong', { viewport: VIEWPORT });
    await coord.page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await coord.page.getByRole('tab', { name: 'Thi đua, khen thưởng' }).click();
    const table = coord.page.getByTestId('commend-indicators');
    const row = table.getByTestId(`commend-row-${TEACHER}`);
    await row.getByText('Đặng Thị Lan').waitFor();
    await table.getByTestId('commend-row-school').waitFor();
    // The indicators inform, they do not rank: teachers in the API's order (by name), no rank column.
    await expect(table.textContent()).resolves.not.toMatch(/Hạng|Xếp hạng|Trung bình|%/);
    // The indicators, as parts of wholes, for the teacher and the school: what the domain counts.
    for (const header of [
      'Phiếu theo dõi đúng hạn',
      'Đánh giá có tiến bộ',
      'HS nguy cơ bỏ học được giữ lại trường',
    ])
      await table.getByRole('columnheader', { name: header }).waitFor();
    const expected = await expectedIndicators();
    const lan = expected.teachers.get(TEACHER);
    expect(lan?.checkIns.due ?? 0).toBeGreaterThan(0);
    const shown = async (r: typeof row) =>
      Promise.all(['ind-on-time', 'ind-progress', 'ind-kept'].map((id) => r.getByTestId(id).textContent()));
    await expect(shown(row)).resolves.toEqual(cellsOf(lan ?? expected.school));
    await expect(shown(table.getByTestId('commend-row-school'))).resolves.toEqual(cellsOf(expected.school));
    await row.getByRole('button', { name: 'Đề nghị khen thưởng' }).click();
    const form = coord.page.getByTestId('commend-form');
    // An empty note is stopped in place; a note naming a pupil is refused with its Vietnamese message.
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await form.getByText('Cần ghi thành tích đề nghị khen thưởng').waitFor();
    await form.getByLabel('Thành tích đề nghị khen thưởng').fill('Giúp em Lò Văn Ánh học toán tiến bộ');
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await form.getByText('Nội dung có tên một học sinh của trường', { exact: false }).waitFor();
    expect(await statusInDb()).toBeUndefined();
    await form.getByLabel('Thành tích đề nghị khen thưởng').fill(NOTE);
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await row.locator('[data-status="proposed"]').waitFor();
    await row.getByText(NOTE).waitFor();
    expect(await statusInDb()).toBe('proposed');
    await coord.page.screenshot({ path: screenshotPath('commendation-school'), fullPage: true });

    const principal = await signInPage(b, 'ht.binh', { viewport: VIEWPORT });
    await principal.page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await principal.page.getByRole('tab', { name: 'Thi đua, khen thưởng' }).click();
    const pRow = principal.page.getByTestId(`commend-row-${TEACHER}`);
    await pRow.getByRole('button', { name: 'Ký đề nghị' }).click();
    await pRow.locator('[data-status="signed"]').waitFor();
    expect(await statusInDb()).toBe('signed');

    const office = await signInPage(b, 'cv.tuan', { viewport: VIEWPORT });
    await office.page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await office.page.getByRole('tab', { name: 'Thi đua, khen thưởng' }).click();
    const oRow = office.page.getByTestId(`commend-office-${PROPOSAL}`);
    await oRow.getByText('Đặng Thị Lan').waitFor();
    // The school's note stays at the school.
    await expect(office.page.getByTestId('commend-office').textContent()).resolves.not.toContain(NOTE);
    await oRow.getByLabel('Ghi chú quyết định (không ghi tên học sinh)').fill('Đủ tiêu chuẩn');
    await oRow.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await oRow.locator('[data-status="approved"]').waitFor();
    expect(await statusInDb()).toBe('approved');
    const [download] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByRole('button', { name: 'Tải danh sách khen thưởng (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^khen-thuong-.+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path()) ?? '');
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((r) => {
      r.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells).toContain('Đặng Thị Lan');
    expect(cells).toContain('Đồng ý khen thưởng');
    // The indicators reach the office's list, and its head signs it.
    const lanRow: string[] = [];
    wb.worksheets[0]?.eachRow((r) => {
      if (r.getCell(3).value === 'Đặng Thị Lan')
        for (const c of [7, 8, 9]) lanRow.push(String(r.getCell(c).value));
    });
    expect(lanRow).toEqual(cellsOf((await expectedIndicators()).teachers.get(TEACHER) ?? expected.school));
    expect(cells).toContain('TRƯỞNG PHÒNG');
    await office.page.screenshot({ path: screenshotPath('commendation-office'), fullPage: true });
    const names = await b.stack.database.db.student.findMany({ select: { fullName: true } });
    const officeText = (await office.page.textContent('body')) ?? '';
    for (const n of names) {
      expect(officeText).not.toContain(n.fullName);
      expect(cells.join('\n')).not.toContain(n.fullName);
    }

    expect(coord.problems).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
    expect(principal.problems).toEqual([]);
    expect(office.problems).toEqual([]);
    await Promise.all([coord.context.close(), principal.context.close(), office.context.close()]);
  }, 120_000);

  it("the case page shows the coordinator the child's help month by month; not the office", async () => {
    const db = b.stack.database.db;
    const checkIn = await db.checkIn.findFirstOrThrow({
      where: { case: { schoolId: SCHOOL } },
      orderBy: { month: 'asc' },
      select: { caseId: true, month: true },
    });
    const months = await db.checkIn.count({ where: { caseId: checkIn.caseId } });
    const coord = await signInPage(b, 'ct.huong', { viewport: VIEWPORT });
    await coord.page
      .getByTestId('board')
      .or(coord.page.getByRole('link', { name: 'Báo cáo định kỳ' }))
      .first()
      .waitFor();
    await coord.page.goto(`${b.stack.baseUrl}/cases/${checkIn.caseId}`);
    const help = coord.page.getByTestId('case-help');
    await help.getByText('Trợ giúp theo tháng').waitFor({ timeout: 15_000 });
    await help.getByTestId(`case-help-${checkIn.month}`).waitFor();
    await expect(help.locator('tbody tr').count()).resolves.toBe(months);
    expect(coord.problems).toEqual([]);

    const office = await signInPage(b, 'cv.tuan', { viewport: VIEWPORT });
    await office.page.getByRole('link', { name: 'Báo cáo định kỳ' }).waitFor();
    await office.page.goto(`${b.stack.baseUrl}/cases/${checkIn.caseId}`);
    await office.page.getByTestId('timeline-item').first().waitFor({ timeout: 15_000 });
    await expect(office.page.getByTestId('case-help').count()).resolves.toBe(0);
    expect(office.problems).toEqual([]);
    await Promise.all([coord.context.close(), office.context.close()]);
  }, 120_000);
});
