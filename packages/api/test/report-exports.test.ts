import { systemToday } from '@donghanh/db';
import { emptyFigures, reportId } from '@donghanh/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../src/xlsx/official-layout';
import { placeOfProvinceDepartment } from '../src/xlsx/official-place';
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

/**
 * The signature block, bottom right: the title in capitals, the note, and five rows below it
 * the signer's name (blank when unknown).
 */
function signatureOf(ws: ExcelJS.Worksheet) {
  let at: { row: number; col: number } | null = null;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (cell.value === '(Ký, ghi rõ họ tên, đóng dấu)') at = { row: r, col: c };
    });
  });
  const found = at as { row: number; col: number } | null;
  if (!found) return null;
  return {
    title: ws.getCell(found.row - 1, found.col).value,
    titleBold: ws.getCell(found.row - 1, found.col).font?.bold,
    name: ws.getCell(found.row + 4, found.col).value ?? null,
  };
}
const PRINCIPAL = 'Nguyễn Văn Bình'; // u-ht-cl, ht.binh

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
    // The calendar's today (DONGHANH_TODAY: 23/11/2026 unless npm run test:days moves it).
    const [y, mo, d] = systemToday().split('-');
    expect(ws.getCell('D3').value).toBe(`Sơn La, ngày ${d} tháng ${mo} năm ${y}`);
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
    expect(signatureOf(ws)).toEqual({ title: 'HIỆU TRƯỞNG', titleBold: true, name: PRINCIPAL });
    const audit = await database.db.auditLog.findMany({
      where: { actorId: 'u-ct-cl', action: { startsWith: 'export.' } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['export.report', 'export.student']);
  });

  it("is the office's copy: codes and numbers, no child's name, no free text", async () => {
    const caller = await callerFor('office');
    const { ws, all, texts } = await read((await caller.reportRound.exportReport(REF)).base64);
    // Signed like the school's copy: the principal is staff, named as the signer and nowhere else.
    expect(signatureOf(ws)).toEqual({ title: 'HIỆU TRƯỞNG', titleBold: true, name: PRINCIPAL });
    // (Its merged cell reads once per column it spans.)
    expect([...new Set(texts.filter((t) => t.includes(PRINCIPAL)))]).toEqual([PRINCIPAL]);
    expect(all).toContain('HS26-MATRIX');
    expect(texts).toContain(NATIONAL_NAME);
    for (const forbidden of [CHILD, 'Mùa', 'Dợ', REMARKS, 'áo ấm']) expect(all).not.toContain(forbidden);
    // No teacher of the school either (the helper's name), no helper or name column, no class:
    // cell by cell, an allow-list of codes, categories, stages and numbers.
    const teachers = await database.db.user.findMany({
      where: { id: { in: ['u-gv-lan', 'u-gv-duc', 'u-gv-uyen', 'u-ct-cl'] } },
      select: { displayName: true },
    });
    expect(teachers.length).toBeGreaterThanOrEqual(3);
    for (const t of teachers) for (const cell of texts) expect(cell).not.toContain(t.displayName);
    for (const header of ['Giáo viên giúp đỡ', 'Họ và tên', 'Lớp']) expect(texts).not.toContain(header);
    expect(texts).toContain('Mã hồ sơ');
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
    // The Sở's head signs; the product records no head's name, so the ink supplies it.
    expect(signatureOf(ws)).toEqual({ title: 'GIÁM ĐỐC', titleBold: true, name: null });
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

describe('monthly figures per school and per teacher', () => {
  const checkIn = (moneyVnd: number, notes = 'Em Mùa Thị Dợ tiến bộ') => ({
    tutoring: { sessions: 4, hours: 6, subjects: ['Toán'] },
    material: [
      { kind: 'money', quantity: moneyVnd, valueVnd: moneyVnd },
      { kind: 'rice', quantity: 10, valueVnd: 180_000 },
    ],
    familyContact: { visits: 1, calls: 0 },
    absentDays: 0,
    riskLevel: 'low',
    notes,
  });
  beforeAll(async () => {
    for (const [month, money] of [
      ['2026-10', 100_000],
      ['2026-11', 200_000],
    ] as const) {
      await database.db.checkIn.create({
        data: {
          id: `ci-monthly-${month}`,
          caseId: 'c-matrix',
          month,
          term: '2026-2027/1',
          authorId: 'u-gv-lan',
          report: checkIn(money),
          riskLevel: 'low',
          tutoringHours: 6,
          materialVnd: BigInt(money + 180_000),
          dueAt: new Date(),
          filedAt: new Date(),
          late: false,
        },
      });
    }
  });

  it('sums per month, per semester and the year; the same pupil counts once over a span', async () => {
    const m = await (await callerFor('coordinator')).reportRound.monthly({
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
    });
    expect(m.months[0]).toBe('2026-09');
    expect(m.school.months['2026-10']).toMatchObject({
      pupils: 1,
      tutoringSessions: 4,
      moneyVnd: 100_000,
      riceKg: 10,
    });
    expect(m.school.months['2026-11']).toMatchObject({ pupils: 1, moneyVnd: 200_000 });
    expect(m.school.spans.s1).toMatchObject({
      pupils: 1,
      tutoringSessions: 8,
      tutoringHours: 12,
      moneyVnd: 300_000,
      familyVisits: 2,
    });
    expect(m.school.spans.s2).toMatchObject({ pupils: 0, moneyVnd: 0 });
    expect(m.teachers.map((t) => [t.teacherId, t.spans.year?.moneyVnd])).toEqual([['u-gv-lan', 300_000]]);
    // No average per teacher, no rank: the figures carry sums only.
    expect(JSON.stringify(m)).not.toMatch(/average|rank|quota/i);
  });

  it('an amended check-in moves its numbers; the office gets the school totals only', async () => {
    await database.db.checkIn.update({
      where: { id: 'ci-monthly-2026-11' },
      data: { report: checkIn(250_000) },
    });
    const office = await (await callerFor('office')).reportRound.monthly({
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
    });
    expect(office.school.months['2026-11']?.moneyVnd).toBe(250_000);
    expect(office.school.spans.year?.moneyVnd).toBe(350_000);
    expect(office.teachers).toEqual([]);
    expect(JSON.stringify(office)).not.toContain('Mùa');
  });

  it('exports the figures per teacher in the office layout; one child over time for the school', async () => {
    const caller = await callerFor('principal');
    const out = await caller.reportRound.exportMonthly({
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
      period: 's1',
    });
    const { ws, all } = await read(out.base64);
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byName.set(String(row.getCell(2).value ?? '').trim(), row));
    const lan = await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-lan' } });
    expect(byName.get(lan.displayName)?.getCell(3).value).toBe(1);
    expect(byName.get(lan.displayName)?.getCell(6).value).toBe(350_000);
    expect(byName.get('Toàn trường')?.getCell(4).value).toBe(8);
    expect(signatureOf(ws)).toEqual({ title: 'HIỆU TRƯỞNG', titleBold: true, name: PRINCIPAL });
    expect(all).toContain(NATIONAL_MOTTO);
    expect(all).not.toContain('Mùa');
    const help = await (await callerFor('helper')).reportRound.caseHelp({ caseId: 'c-matrix' });
    expect(help.map((h) => [h.month, h.moneyVnd])).toEqual([
      ['2026-10', 100_000],
      ['2026-11', 250_000],
    ]);
    // Rice may be filed without its value (₫): counted in kg, its value 0 — not NaN (sent as null).
    await database.db.checkIn.create({
      data: {
        id: 'c-matrix:checkin:2026-09-rice',
        caseId: 'c-matrix',
        month: '2026-09',
        term: '2026-2027/1',
        authorId: 'u-gv-lan',
        report: {
          tutoring: { sessions: 0, hours: 0, subjects: [] },
          material: [{ kind: 'rice', quantity: 15 }],
          familyContact: { visits: 0, calls: 0 },
          absentDays: 0,
          riskLevel: 'low',
        },
        riskLevel: 'low',
        tutoringHours: 0,
        materialVnd: 0n,
        dueAt: new Date('2026-09-30T16:59:59Z'),
        filedAt: new Date('2026-09-29T03:00:00Z'),
        late: false,
      },
    });
    try {
      const withRice = await (await callerFor('helper')).reportRound.caseHelp({ caseId: 'c-matrix' });
      expect(withRice[0]).toMatchObject({ month: '2026-09', riceKg: 15, riceValueVnd: 0 });
    } finally {
      await database.db.checkIn.delete({ where: { id: 'c-matrix:checkin:2026-09-rice' } });
    }
  });
});

describe('commendation (thi đua)', () => {
  it('the school proposes with a note, the principal signs, the office decides on numbers and exports the list', async () => {
    const coordinator = await callerFor('coordinator');
    const ind = await coordinator.commendation.indicators({
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
    });
    expect(ind.teachers.map((t) => [t.teacherId, t.year?.pupils])).toEqual([['u-gv-lan', 1]]);
    const NOTE = 'Cô Lan kèm một em lớp 7 suốt năm';
    // A note naming a pupil of the school is refused (it is kept and no erasure reaches it).
    await expect(
      coordinator.commendation.propose({
        campaignId: 'camp-sl-2026',
        schoolId: 's-thcs-chiengle',
        teacherId: 'u-gv-lan',
        note: 'Cô Lan kèm em MÙA THỊ DỢ suốt năm',
      }),
    ).rejects.toMatchObject({ cause: { code: 'TEXT_NAMES_A_PUPIL' } });
    const p = await coordinator.commendation.propose({
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
      teacherId: 'u-gv-lan',
      note: NOTE,
    });
    // Another school's teacher cannot be proposed by this school.
    await expect(
      coordinator.commendation.propose({
        campaignId: 'camp-sl-2026',
        schoolId: 's-thcs-chiengle',
        teacherId: 'u-gv-son',
        note: 'x',
      }),
    ).rejects.toMatchObject({ cause: { code: 'COMMENDATION_TEACHER_OUTSIDE_SCHOOL' } });
    const office = await callerFor('office');
    // Not signed yet: the office cannot decide, and does not see it.
    await expect(
      office.commendation.decide({ proposalId: p.proposalId, approve: true }),
    ).rejects.toMatchObject({
      cause: { code: 'COMMENDATION_WRONG_STATE' },
    });
    expect(
      await office.commendation.officeList({ campaignId: 'camp-sl-2026', unitId: 'u-so-sonla' }),
    ).toEqual([]);
    // A step never half-writes: when its audit row cannot be written, the proposal stays as it was.
    await database.db.$executeRawUnsafe(`CREATE FUNCTION refuse_sign_audit() RETURNS trigger AS $$
      BEGIN IF NEW.action = 'commendation.sign' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await database.db.$executeRawUnsafe(
      'CREATE TRIGGER refuse_sign_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_sign_audit()',
    );
    await expect(
      (await callerFor('principal')).commendation.sign({ proposalId: p.proposalId }),
    ).rejects.toThrow();
    await database.db.$executeRawUnsafe('DROP TRIGGER refuse_sign_audit ON "AuditLog"');
    await database.db.$executeRawUnsafe('DROP FUNCTION refuse_sign_audit()');
    expect(
      await database.db.commendationProposal.findUniqueOrThrow({ where: { id: p.proposalId } }),
    ).toMatchObject({ status: 'proposed', signedById: null });
    await (await callerFor('principal')).commendation.sign({ proposalId: p.proposalId });
    const list = await office.commendation.officeList({ campaignId: 'camp-sl-2026', unitId: 'u-so-sonla' });
    expect(list).toMatchObject([
      { subjectType: 'teacher', status: 'signed', pupils: 1, tutoringSessions: 8 },
    ]);
    // The school's note is free text: it stays at the school.
    expect(JSON.stringify(list)).not.toContain('Mùa');
    await expect(
      office.commendation.decide({ proposalId: p.proposalId, approve: true, note: 'Vì em Mùa Thị Dợ' }),
    ).rejects.toMatchObject({ cause: { code: 'TEXT_NAMES_A_PUPIL' } });
    await office.commendation.decide({ proposalId: p.proposalId, approve: true });
    const { ws, all } = await read(
      (await office.commendation.exportList({ campaignId: 'camp-sl-2026', unitId: 'u-so-sonla' })).base64,
    );
    const lan = await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-lan' } });
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(3).value === lan.displayName) row = r;
    });
    expect(row?.getCell(2).value).toBe('Trường THCS Chiềng Lề');
    expect(row?.getCell(4).value).toBe(1);
    expect(row?.getCell(10).value).toBe('Đồng ý khen thưởng');
    expect(all).toContain(NATIONAL_NAME);
    for (const forbidden of ['Mùa', NOTE]) expect(all).not.toContain(forbidden);
    expect(await database.db.auditLog.count({ where: { action: { startsWith: 'commendation.' } } })).toBe(3);
  });
});

describe('the place on an official document', () => {
  it("is the province of the issuing unit, from its Sở GD&ĐT's name (not a fixed one)", async () => {
    expect(placeOfProvinceDepartment('Sở Giáo dục và Đào tạo tỉnh Sơn La')).toBe('Sơn La');
    expect(placeOfProvinceDepartment('Sở GD&ĐT Sơn La')).toBe('Sơn La');
    expect(placeOfProvinceDepartment('Sở Giáo dục và Đào tạo thành phố Hà Nội')).toBe('Hà Nội');
    const province = await database.db.unit.findUniqueOrThrow({ where: { id: 'u-so-sonla' } });
    expect(province.kind).toBe('PROVINCE_DEPARTMENT');
    await database.db.unit.update({
      where: { id: 'u-so-sonla' },
      data: { name: 'Sở Giáo dục và Đào tạo tỉnh Điện Biên' },
    });
    try {
      const [y, mo, d] = systemToday().split('-');
      const school = await read(
        (await (await callerFor('coordinator')).reportRound.exportReport(REF)).base64,
      );
      expect(school.ws.getCell('D3').value).toBe(`Điện Biên, ngày ${d} tháng ${mo} năm ${y}`);
      const office = await callerFor('office');
      const rollup = await read(
        (
          await office.reportRound.exportRollup({
            campaignId: 'camp-sl-2026',
            unitId: 'u-so-sonla',
            round: 1,
          })
        ).base64,
      );
      expect(rollup.all).toContain(`Điện Biên, ngày ${d}`);
      expect(rollup.all).not.toContain('Sơn La, ngày');
    } finally {
      await database.db.unit.update({ where: { id: 'u-so-sonla' }, data: { name: province.name } });
    }
  });
});
