import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../src/operations/report/export-cases';
import { type Actor, CASE, callerFor, database, setUpFixture } from './support/fixture';

/**
 * The board, its counts and the case export hold the caller's scope and nothing more: the case
 * `c-matrix` (st-06, Mùa Thị Dợ, 7B at THCS Chiềng Lề, helped by gv.lan, offered to gv.duc).
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const NAME = 'Mùa Thị Dợ';

async function cards(actor: Actor, input = {}) {
  return (await callerFor(actor)).board.cards(input);
}

describe('board scope', () => {
  it('shows a teacher the case offered to him masked until he accepts', async () => {
    const board = await cards('offered');
    expect(board.cards.map((c) => c.caseId)).toEqual([CASE]);
    expect(JSON.stringify(board)).not.toContain(NAME);
  });

  it("names the child for the school's managers and the case's helper", async () => {
    for (const actor of ['coordinator', 'principal', 'helper'] as const) {
      const board = await cards(actor);
      expect(
        board.cards.map((c) => [c.caseId, c.studentName]),
        actor,
      ).toEqual([[CASE, NAME]]);
    }
  });

  it('masks it for the province office and hides it from everyone else', async () => {
    const office = await cards('office');
    expect(office.cards.map((c) => c.caseId)).toEqual([CASE]);
    expect(office.named).toBe(false);
    expect(JSON.stringify(office)).not.toContain(NAME);
    expect('studentName' in (office.cards[0] ?? {})).toBe(false);
    for (const actor of ['otherTeacher', 'coordinatorElsewhere', 'principalElsewhere', 'admin'] as const)
      expect((await cards(actor)).cards, actor).toEqual([]);
  });

  it('a filter narrows the scope but never widens it', async () => {
    expect((await cards('office', { schoolIds: ['s-thpt-tohieu'] })).cards).toEqual([]);
    expect((await cards('coordinatorElsewhere', { schoolIds: ['s-thcs-chiengle'] })).cards).toEqual([]);
    expect((await cards('coordinator', { stages: ['closed'] })).cards).toEqual([]);
  });

  it('carries what the board filters on: class, helper, risk, overdue', async () => {
    const [card] = (await cards('coordinator')).cards;
    expect(card).toMatchObject({
      className: '7B',
      classId: 'cl-cl-7b',
      helperId: 'u-gv-lan',
      helperName: 'Đặng Thị Lan',
      riskLevel: null,
      overdue: false,
    });
    await database.db.task.update({
      where: { id: `${CASE}:checkin:2026-11` },
      data: { dueAt: new Date(Date.now() - 60_000) },
    });
    await database.db.case.update({ where: { id: CASE }, data: { riskLevel: 'high' } });
    const [late] = (await cards('coordinator')).cards;
    expect(late).toMatchObject({ overdue: true, riskLevel: 'high' });
  });
});

describe('board summary', () => {
  it('counts per school within the scope', async () => {
    const office = await (await callerFor('office')).board.summary({});
    const cl = office.find((s) => s.schoolId === 's-thcs-chiengle');
    expect(cl).toMatchObject({ total: 1, byStage: { active: 1 }, byCategory: { economic_hardship: 1 } });
    // Every school under the province is listed, with zeros where nothing is open yet.
    expect(office.map((s) => s.schoolId).sort()).toEqual([
      's-thcs-chiengle',
      's-thcs-quyetthang',
      's-thpt-tohieu',
    ]);
    const elsewhere = await (await callerFor('coordinatorElsewhere')).board.summary({});
    expect(elsewhere.map((s) => [s.schoolId, s.total])).toEqual([['s-thpt-tohieu', 0]]);
  });
});

describe('case export', () => {
  it('exports names only where the board shows them, and every export is audited', async () => {
    const before = await database.db.auditLog.count({ where: { action: 'export.cases' } });
    const school = await (await callerFor('coordinator')).report.exportCases({});
    expect(school.csv.startsWith('\uFEFFMã hồ sơ;Trường;Lớp;Học sinh')).toBe(true);
    expect(school.csv).toContain(NAME);
    expect(school).toMatchObject({ rows: 1, named: 1 });

    const office = await (await callerFor('office')).report.exportCases({ locale: 'en' });
    expect(office.csv).toContain('HS26-MATRIX');
    expect(office.csv).toContain('Case code;School;Class;Student');
    expect(office.csv).not.toContain(NAME);
    expect(office).toMatchObject({ rows: 1, named: 0 });

    const audit = await database.db.auditLog.findMany({
      where: { action: 'export.cases' },
      orderBy: { id: 'asc' },
      skip: before,
    });
    expect(audit.map((a) => [a.actorId, a.reason])).toEqual([
      ['u-ct-cl', '1 rows, 1 with names'],
      ['u-office', '1 rows, 0 with names'],
    ]);
    // Each child exported by name is audited like a read of the case page.
    const named = await database.db.auditLog.findMany({ where: { action: 'export.student' } });
    expect(named.map((a) => [a.actorId, a.caseId])).toEqual([['u-ct-cl', CASE]]);
  });

  // a11y: what Vietnamese Excel opens as a table, in words and dd/mm/yyyy
  it('exports an .xlsx and a ;-separated CSV with the risk in words and dates as dd/mm/yyyy', async () => {
    // 01:30 on 21/11 in Vietnam, still 20/11 in UTC: the file says Vietnam's day.
    await database.db.case.update({
      where: { id: CASE },
      data: { riskLevel: 'high', updatedAt: new Date('2026-11-20T18:30:00Z') },
    });
    const day = '21/11/2026';
    const api = await callerFor('coordinator');
    const csv = await api.report.exportCases({});
    const line = csv.csv.split(/\r?\n/).find((l) => l.includes(NAME));
    expect(line?.split(';')).toEqual(expect.arrayContaining([NAME, 'Cao', day]));
    expect(csv.base64).toBeNull();

    const file = await api.report.exportCases({ format: 'xlsx' });
    expect(file.filename).toMatch(/\.xlsx$/);
    expect(file.csv).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]?.slice(0, 4)).toEqual(['Mã hồ sơ', 'Trường', 'Lớp', 'Học sinh']);
    expect(rows[1]).toEqual(expect.arrayContaining([NAME, 'Cao', day]));
    const en = await (await callerFor('office')).report.exportCases({ format: 'xlsx', locale: 'en' });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(Buffer.from(en.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const values = JSON.stringify(wbEn.worksheets[0]?.getSheetValues());
    expect(values).toContain('High');
    expect(values).not.toContain(NAME);
  });

  it('keeps a cell that Excel would run as a formula as text', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(spreadsheetSafe('-1')).toBe("'-1");
    expect(spreadsheetSafe('Lớp 7B')).toBe('Lớp 7B');
  });
});
