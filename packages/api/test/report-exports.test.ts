import { emptyFigures, reportId } from '@donghanh/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../src/xlsx/official-layout';
import { callerFor, database, setUpFixture } from './support/fixture';

/**
 * The report round's exports in the office's layout, re-read with exceljs cell by cell: the
 * school's copy (with its pupils' names and remarks), the office's copy of the same report and
 * the office's roll-up (neither with a child's name nor free text), each audited.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const REF = { campaignId: 'camp-sl-2026', round: 1, schoolId: 's-thcs-chiengle' };
const ID = reportId(REF.campaignId, REF.round, REF.schoolId);
const CHILD = 'Mùa Thị Dợ'; // st-06, the fixture's case at THCS Chiềng Lề
const REMARKS = 'Em Mùa Thị Dợ cần thêm áo ấm';

async function read(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const texts: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value !== null && cell.value !== undefined) texts.push(String(cell.value));
    });
  });
  return { ws, texts, all: texts.join('\n') };
}

beforeAll(async () => {
  const figures = emptyFigures();
  figures.pupils.helped = 1;
  figures.pupils.byCategory = { economic_hardship: 1 };
  figures.helpers = 1;
  figures.help.tutoringSessions = 4;
  figures.help.tutoringHours = 6;
  figures.help.moneyVnd = 300_000;
  figures.help.riceKg = 15;
  figures.help.riceValueVnd = 270_000;
  figures.help.goods = [{ kind: 'books', quantity: 5, valueVnd: 100_000 }];
  figures.help.goodsValueVnd = 100_000;
  await database.db.schoolReport.update({
    where: { id: ID },
    data: {
      status: 'accepted',
      version: 3,
      figures: figures as object,
      prefilled: figures as object,
      remarks: REMARKS,
      signedById: 'u-ht-cl',
      signedVersion: 3,
    },
  });
});

describe('the school report in the office layout', () => {
  it("is the school's copy: header, figures, pupils by name, remarks, signature, A4", async () => {
    const caller = await callerFor('coordinator');
    const out = await caller.reportRound.exportReport(REF);
    expect(out.filename).toBe('bao-cao-truong-thcs-chieng-le-dot-1.xlsx');
    const { ws, all } = await read(out.base64);
    // Six columns (the pupils' table): the unit on A–C, the national name and motto on D–F.
    expect(ws.getCell('A1').value).toBe('PHÒNG VĂN HÓA – XÃ HỘI PHƯỜNG CHIỀNG LỀ');
    expect(ws.getCell('A2').value).toBe('TRƯỜNG THCS CHIỀNG LỀ');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('D1').value).toBe(NATIONAL_NAME);
    expect(ws.getCell('D1').font?.bold).toBe(true);
    expect(ws.getCell('D2').value).toBe(NATIONAL_MOTTO);
    expect(ws.getCell('D2').font?.underline).toBe(true);
    expect(String(ws.getCell('A3').value)).toMatch(/^Số: 1\/BC-[A-Z0-9-]+$/);
    // The calendar's today (DONGHANH_TODAY is pinned to 23/11/2026 in tests).
    expect(ws.getCell('D3').value).toBe('Sơn La, ngày 23 tháng 11 năm 2026');
    expect(ws.getCell('D3').font?.italic).toBe(true);
    expect(String(ws.getCell('A5').value)).toContain('BÁO CÁO KẾT QUẢ');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    // The figures table: find its header, then read the rows by label.
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => rows.set(String(row.getCell(2).value ?? '').trim(), row));
    const header = [...rows.values()].find((r) => r.getCell(2).value === 'Nội dung');
    expect(header?.getCell(1).value).toBe('STT');
    expect(header?.getCell(5).value).toBe('Giá trị (đồng)');
    expect(rows.get('Số học sinh được giúp đỡ')?.getCell(4).value).toBe(1);
    expect(rows.get('Dạy kèm, phụ đạo')?.getCell(4).value).toBe(4);
    expect(rows.get('– Số giờ dạy kèm')?.getCell(4).value).toBe(6);
    expect(rows.get('Hỗ trợ tiền mặt')?.getCell(5).value).toBe(300_000);
    expect(rows.get('Hỗ trợ tiền mặt')?.getCell(5).numFmt).toBe('#,##0');
    expect(rows.get('Hỗ trợ gạo')?.getCell(4).value).toBe(15);
    expect(rows.get('Hỗ trợ gạo')?.getCell(5).value).toBe(270_000);
    expect(rows.get('– Sách vở')?.getCell(4).value).toBe(5);
    expect(rows.get('Hỗ trợ gạo')?.getCell(5).border?.top?.style).toBe('thin');
    // The school's own copy: the pupil named (the identity rule names her to her school), remarks, signer.
    expect(all).toContain(CHILD);
    expect(all).toContain('HS26-MATRIX');
    expect(all).toContain(REMARKS);
    expect(all).toContain('HIỆU TRƯỞNG');
    const audit = await database.db.auditLog.findMany({
      where: { actorId: 'u-ct-cl', action: { startsWith: 'export.' } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['export.report', 'export.student']);
  });

  it("is the office's copy: codes and numbers, no child's name, no free text", async () => {
    const caller = await callerFor('office');
    const { all, texts } = await read((await caller.reportRound.exportReport(REF)).base64);
    expect(all).toContain('HS26-MATRIX');
    expect(texts).toContain(NATIONAL_NAME);
    for (const forbidden of [CHILD, 'Mùa', 'Dợ', REMARKS, 'áo ấm']) expect(all).not.toContain(forbidden);
    expect(
      await database.db.auditLog.count({ where: { actorId: 'u-office', action: 'export.report' } }),
    ).toBe(1);
    expect(
      await database.db.auditLog.count({ where: { actorId: 'u-office', action: 'export.student' } }),
    ).toBe(0);
  });
});

describe("the office's roll-up in the office layout", () => {
  it('has a row per school with its status, totals per unit, and no child anywhere', async () => {
    const caller = await callerFor('office');
    const round = await caller.reportRound.exportRollup({
      campaignId: 'camp-sl-2026',
      unitId: 'u-so-sonla',
      round: 1,
    });
    const { ws, all } = await read(round.base64);
    expect(ws.pageSetup.orientation).toBe('landscape');
    const province = await database.db.unit.findUniqueOrThrow({ where: { id: 'u-so-sonla' } });
    expect(ws.getCell('A2').value).toBe(province.name.toUpperCase());
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byName.set(String(row.getCell(2).value ?? '').trim(), row));
    const school = byName.get('Trường THCS Chiềng Lề');
    expect(school?.getCell(3).value).toBe('Đã duyệt');
    expect(school?.getCell(4).value).toBe(1);
    expect(school?.getCell(9).value).toBe(300_000);
    const total = byName.get('TỔNG CỘNG');
    expect(total?.getCell(4).value).toBe(1);
    expect(total?.getCell(9).value).toBe(300_000);
    expect(total?.getCell(2).font?.bold).toBe(true);
    expect(byName.get('Trường THPT Tô Hiệu')?.getCell(3).value).toBe('Chưa gửi');
    for (const forbidden of [CHILD, 'Mùa', REMARKS, 'HS26-MATRIX']) expect(all).not.toContain(forbidden);
    // The year's roll-up runs on the cases live; still only numbers.
    const year = await read(
      (
        await caller.reportRound.exportRollup({
          campaignId: 'camp-sl-2026',
          unitId: 'u-so-sonla',
          round: null,
        })
      ).base64,
    );
    expect(year.all).toContain('cả năm học'.toUpperCase());
    for (const forbidden of [CHILD, 'Mùa', REMARKS]) expect(year.all).not.toContain(forbidden);
    expect(
      await database.db.auditLog.count({ where: { actorId: 'u-office', action: 'export.rollup' } }),
    ).toBe(2);
  });
});
