import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';

/**
 * Paper: a case's sheets (case file, help plan, semester evaluation) rendered by Chromium to an
 * A4 PDF and read back as text — the letterhead, the national motto, the signature lines, and
 * the child's name only where the identity rule allows it; each print audited against the child.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
}, 180_000);
afterAll(() => b?.stop());

const db = () => b.stack.database.db;

/** The demo's evaluation waiting for the principal: its case, child, school and principal. */
async function evaluatedCase() {
  const e = await db().evaluation.findFirstOrThrow({
    where: { status: 'REVIEWED' },
    select: {
      case: {
        select: {
          id: true,
          code: true,
          studentId: true,
          student: { select: { fullName: true } },
          school: { select: { name: true, unitId: true } },
        },
      },
    },
  });
  const principal = await db().roleAssignment.findFirstOrThrow({
    where: { role: 'PRINCIPAL', unitId: e.case.school.unitId },
    select: { user: { select: { username: true } } },
  });
  return { ...e.case, principal: principal.user.username };
}

async function pdfText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const TITLES = {
  case_file: 'HỒ SƠ HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN',
  plan: 'KẾ HOẠCH GIÚP ĐỠ HỌC SINH',
  evaluation: 'PHIẾU ĐÁNH GIÁ KẾT QUẢ GIÚP ĐỠ HỌC SINH',
};

const prints = (caseId: string) => db().auditLog.count({ where: { action: 'case.print', caseId } });

describe('paper', () => {
  it('the principal prints the case file, the plan and the evaluation, named, with the letterhead', async () => {
    const c = await evaluatedCase();
    const name = c.student.fullName;
    const { page, problems } = await signInPage(b, c.principal, { viewport: { width: 1366, height: 768 } });
    await page.locator('header').first().waitFor();
    const before = await prints(c.id);

    for (const doc of ['case_file', 'plan', 'evaluation'] as const) {
      await page.goto(`${b.stack.baseUrl}/cases/${c.id}`);
      await page.getByTestId(`print-${doc}`).click();
      await page.getByTestId(`print-sheet-${doc}`).waitFor();
      await expect(page.getByRole('button', { name: 'In / Print' }).isVisible()).resolves.toBe(true);
      const text = await pdfText(page);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
      expect(text).toContain(c.school.name.toUpperCase());
      expect(text).toContain('HIỆU TRƯỞNG');
      expect(text).toContain('(Ký, ghi rõ họ tên)');
      expect(text).toContain(name);
      expect(text).toContain(c.code);
      expect(text).toContain(TITLES[doc]);
      // The screen's frame and the print button stay off the paper.
      expect(text).not.toContain('In / Print');
      expect(text).not.toContain('Quay lại hồ sơ');
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await prints(c.id)).toBe(before + 3);
    const audit = await db().auditLog.findMany({
      where: { action: 'case.print', caseId: c.id },
      orderBy: { id: 'desc' },
      take: 3,
    });
    expect(audit.map((a) => a.subjectId)).toEqual([c.studentId, c.studentId, c.studentId]);
    expect(audit.map((a) => a.reason).sort()).toEqual(['case_file:named', 'evaluation:named', 'plan:named']);
    expect(problems).toEqual([]);
  });

  it('an office prints the plan and the evaluation without the name, and cannot print the case file', async () => {
    const c = await evaluatedCase();
    const name = c.student.fullName;
    const { page } = await signInPage(b, 'cv.ha', { viewport: { width: 1366, height: 768 } });
    await page.locator('header').first().waitFor();
    const before = await prints(c.id);

    await page.goto(`${b.stack.baseUrl}/cases/${c.id}`);
    await page.getByTestId('print-links').waitFor();
    await expect(page.getByTestId('print-case_file').count()).resolves.toBe(0);
    for (const doc of ['plan', 'evaluation'] as const) {
      await page.goto(`${b.stack.baseUrl}/cases/${c.id}/print/${doc}`);
      await page.locator(`[data-testid="print-sheet-${doc}"][data-named="false"]`).waitFor();
      const text = await pdfText(page);
      expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
      expect(text).toContain('(Ký, ghi rõ họ tên)');
      expect(text).toContain(c.code);
      expect(text).not.toContain(name);
      await page.emulateMedia({ media: 'screen' });
    }

    // By its address: refused by the server, nothing drawn, nothing recorded.
    await page.goto(`${b.stack.baseUrl}/cases/${c.id}/print/case_file`);
    await page.getByTestId('print-refused').waitFor();
    await expect(page.getByTestId('print-refused').textContent()).resolves.toContain(
      'Chỉ cán bộ, giáo viên của trường phụ trách hồ sơ',
    );
    await expect(page.getByTestId('print-sheet-case_file').count()).resolves.toBe(0);
    const text = await pdfText(page);
    expect(text).not.toContain(name);
    expect(await prints(c.id)).toBe(before + 2);
  });
});

// fix2: the school's list of pupils being helped, for the staff meeting
describe('the list for the staff meeting', () => {
  /** The evaluated case's school, and every case of it still being helped. */
  async function meetingSchool() {
    const c = await evaluatedCase();
    const school = await db().school.findFirstOrThrow({
      where: { unitId: c.school.unitId },
      select: { id: true, name: true },
    });
    const cases = await db().case.findMany({
      where: { schoolId: school.id, stage: { notIn: ['closed', 'declined'] } },
      select: {
        id: true,
        code: true,
        studentId: true,
        student: { select: { fullName: true } },
        checkIns: { select: { month: true }, orderBy: { month: 'desc' }, take: 1 },
      },
    });
    const elsewhere = await db().student.findMany({
      where: { schoolId: { not: school.id } },
      select: { fullName: true },
    });
    const here = new Set(cases.map((k) => k.student.fullName));
    return {
      principal: c.principal,
      school,
      cases,
      elsewhere: elsewhere.map((s) => s.fullName).filter((n) => !here.has(n)),
    };
  }
  const meetingPrints = () =>
    db().auditLog.findMany({
      where: { action: 'case.print', reason: 'meeting_list:named' },
      select: { subjectId: true, caseId: true },
      orderBy: { id: 'asc' },
    });
  const listPrints = (schoolId: string) =>
    db().auditLog.count({ where: { action: 'board.printMeeting', subjectId: schoolId } });

  it('the principal prints it from the board: letterhead, one named row per case, signature lines; audited per child', async () => {
    const s = await meetingSchool();
    expect(s.cases.length).toBeGreaterThan(1);
    const before = (await meetingPrints()).length;
    const lists = await listPrints(s.school.id);
    const { page, problems } = await signInPage(b, s.principal, { viewport: { width: 1366, height: 768 } });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/board`);
    await page.getByRole('link', { name: 'In danh sách họp hội đồng / Print' }).click();
    await page.locator('[data-testid="print-sheet-meeting"][data-named="true"]').waitFor();
    await expect(page.getByTestId('meeting-row').count()).resolves.toBe(s.cases.length);
    const text = await pdfText(page);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
    expect(text).toContain(s.school.name.toUpperCase());
    expect(text).toContain('DANH SÁCH HỌC SINH ĐƯỢC GIÚP ĐỠ');
    expect(text).toContain('NGƯỜI LẬP');
    expect(text).toContain('HIỆU TRƯỞNG');
    expect(text).toContain('(Ký, ghi rõ họ tên)');
    for (const c of s.cases) {
      expect(text).toContain(c.code);
      expect(text).toContain(c.student.fullName);
    }
    const checkedIn = s.cases.find((c) => c.checkIns[0]);
    expect(checkedIn, 'a demo case of the school has a check-in').toBeDefined();
    const m = checkedIn?.checkIns[0]?.month ?? '';
    expect(text).toContain(`${m.slice(5, 7)}/${m.slice(0, 4)}`);
    for (const name of s.elsewhere) expect(text).not.toContain(name);
    expect(text).not.toContain('In / Print');

    const after = await meetingPrints();
    expect(after.length).toBe(before + s.cases.length);
    const mine = after.slice(before);
    expect(new Set(mine.map((a) => a.subjectId))).toEqual(new Set(s.cases.map((c) => c.studentId)));
    expect(new Set(mine.map((a) => a.caseId))).toEqual(new Set(s.cases.map((c) => c.id)));
    expect(await listPrints(s.school.id)).toBe(lists + 1);
    expect(problems).toEqual([]);
  });

  it('an office prints the same list with codes only, no names, and names no child in the audit', async () => {
    const s = await meetingSchool();
    const before = (await meetingPrints()).length;
    const lists = await listPrints(s.school.id);
    const { page } = await signInPage(b, 'cv.ha', { viewport: { width: 1366, height: 768 } });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/board`);
    await page.getByTestId('board').waitFor();
    await expect(page.getByTestId('print-meeting').count()).resolves.toBe(0);
    await page.goto(`${b.stack.baseUrl}/print/meeting/${s.school.id}`);
    await page.locator('[data-testid="print-sheet-meeting"][data-named="false"]').waitFor();
    const text = await pdfText(page);
    expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
    expect(text).toContain('DANH SÁCH HỌC SINH ĐƯỢC GIÚP ĐỠ');
    expect(text).toContain('HIỆU TRƯỞNG');
    for (const c of s.cases) {
      expect(text).toContain(c.code);
      expect(text).not.toContain(c.student.fullName);
    }
    expect(text).not.toContain('Họ và tên');
    expect((await meetingPrints()).length).toBe(before);
    expect(await listPrints(s.school.id)).toBe(lists + 1);
  });
});
