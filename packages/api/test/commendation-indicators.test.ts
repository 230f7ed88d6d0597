import { commendationFacts, figuresBySchool } from '@donghanh/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, database, setUpFixture } from './support/fixture';

/**
 * The commendation indicators on the real database (today: 23/11/2026, school year from
 * 05/09/2026): check-ins on time by Vietnam's calendar day, evaluations showing progress on the
 * official scale, pupils at risk kept in school — per teacher and for the school, read in one
 * statement and counted by the domain's rules; and in the office's list and its .xlsx.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const CAMPAIGN = 'camp-sl-2026';
const SCHOOL = 's-thcs-chiengle';
const LAN = 'u-gv-lan';
const THUY = 'u-gv-thuy';
const report = {
  tutoring: { sessions: 2, hours: 3, subjects: ['Toán'] },
  material: [],
  familyContact: { visits: 0, calls: 0 },
  absentDays: 0,
  riskLevel: 'low',
};
const evaluation = (before: string, after: string) => ({
  resultsBefore: before,
  resultsAfter: after,
  conductBefore: 'kha',
  conductAfter: 'kha',
  progress: 'Tiến bộ',
  stillAtRisk: false,
  recommendation: 'continue',
});

beforeAll(async () => {
  const db = database.db;
  const cases: [string, string, string, string[], object][] = [
    ['c-k1', 'st-01', LAN, ['dropout_risk'], { stage: 'active' }],
    [
      'c-k2',
      'st-02',
      THUY,
      ['dropped_out'],
      { stage: 'closed', closureReason: 'dropped_out', closedAt: new Date('2026-11-15T03:00:00Z') },
    ],
    ['c-k3', 'st-03', THUY, ['dropout_risk', 'economic_hardship'], { stage: 'active' }],
    ['c-k4', 'st-04', LAN, ['dropout_risk'], { stage: 'active' }],
  ];
  for (const [id, studentId, helperId, categories, extra] of cases)
    await db.case.create({
      data: {
        id,
        code: `HS26-${id}`,
        campaignId: CAMPAIGN,
        studentId,
        schoolId: SCHOOL,
        stage: 'active',
        categories,
        source: 'staff_proposal',
        helperId,
        ...extra,
      },
    });
  const filed = async (caseId: string, month: string, author: string, dueOn: string, filedAt: string) => {
    await db.task.create({
      data: {
        id: `${caseId}:checkin:${month}`,
        caseId,
        type: 'file_checkin',
        status: 'DONE',
        assigneeUserId: author,
        dueOn: new Date(`${dueOn}T00:00:00Z`),
      },
    });
    await db.checkIn.create({
      data: {
        id: `${caseId}:checkin:${month}`,
        caseId,
        month,
        term: '2026-2027/1',
        authorId: author,
        report,
        riskLevel: 'low',
        tutoringHours: 3,
        materialVnd: 0n,
        dueAt: new Date(`${dueOn}T16:59:59Z`),
        filedAt: new Date(filedAt),
        late: false,
      },
    });
  };
  await filed('c-k1', '2026-10', LAN, '2026-10-31', '2026-10-30T03:00:00Z');
  // 23:30 in Vietnam on the due day: on time.
  await filed('c-k3', '2026-10', LAN, '2026-10-31', '2026-10-31T16:30:00Z');
  // Still 31/10 in UTC, but 01:00 on 1/11 in Vietnam: late.
  await filed('c-k2', '2026-10', THUY, '2026-10-31', '2026-10-31T18:00:00Z');
  await db.task.createMany({
    data: [
      // Owed past its due day: due, not on time.
      {
        id: 'c-k1:checkin:2026-09',
        caseId: 'c-k1',
        type: 'file_checkin',
        assigneeUserId: LAN,
        dueOn: new Date('2026-09-30T00:00:00Z'),
      },
      // Due after today: not yet due.
      {
        id: 'c-k4:checkin:2026-11',
        caseId: 'c-k4',
        type: 'file_checkin',
        assigneeUserId: LAN,
        dueOn: new Date('2026-11-30T00:00:00Z'),
      },
    ],
  });
  const signedOff = (id: string, caseId: string, author: string, before: string, after: string) =>
    db.evaluation.create({
      data: {
        id,
        caseId,
        term: '2026-2027/1',
        version: 1,
        status: 'SIGNED_OFF',
        content: evaluation(before, after),
        decision: 'continue',
        authorId: author,
        draftedAt: new Date('2026-11-05T03:00:00Z'),
        decidedAt: new Date('2026-11-10T03:00:00Z'),
      },
    });
  await signedOff('ev-k1', 'c-k1', LAN, 'chua_dat', 'dat');
  await signedOff('ev-k2', 'c-k2', THUY, 'kha', 'dat');
  // A draft is not counted.
  await db.evaluation.create({
    data: {
      id: 'ev-k3',
      caseId: 'c-k3',
      term: '2026-2027/1',
      version: 1,
      status: 'DRAFTED',
      content: evaluation('chua_dat', 'tot'),
      decision: 'continue',
      authorId: THUY,
      draftedAt: new Date('2026-11-05T03:00:00Z'),
    },
  });
  // The back-to-school check found st-04 absent.
  await db.caseEvent.create({
    data: {
      caseId: 'c-k4',
      type: 'case.not_returned',
      idempotencyKey: 'c-k4:return:2026:answered',
      createdAt: new Date('2026-09-10T03:00:00Z'),
    },
  });
});

describe('commendation indicators', () => {
  it('counts per teacher and for the school, listed by name, never ranked', async () => {
    const ind = await (await callerFor('coordinator')).commendation.indicators({
      campaignId: CAMPAIGN,
      schoolId: SCHOOL,
    });
    const of = (id: string) => ind.teachers.find((t) => t.teacherId === id)?.indicators;
    expect(of(LAN)).toEqual({
      checkIns: { onTime: 2, due: 3 },
      evaluations: { progress: 1, signedOff: 1 },
      keptInSchool: { kept: 2, atRisk: 3 },
    });
    expect(of(THUY)).toEqual({
      checkIns: { onTime: 0, due: 1 },
      evaluations: { progress: 0, signedOff: 1 },
      keptInSchool: { kept: 1, atRisk: 2 },
    });
    expect(ind.schoolIndicators).toEqual({
      checkIns: { onTime: 2, due: 4 },
      evaluations: { progress: 1, signedOff: 2 },
      keptInSchool: { kept: 2, atRisk: 4 },
    });
    const names = ind.teachers.map((t) => t.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(JSON.stringify(ind)).not.toMatch(/rank|score|average|percent/i);
    // Codes, days and levels only: no pupil's name, no free text.
    const facts = await commendationFacts(database.db, {
      campaignId: CAMPAIGN,
      schoolIds: [SCHOOL],
      from: '2026-09-05',
      to: '2027-05-29',
      today: '2026-11-23',
    });
    expect(JSON.stringify(facts)).not.toMatch(/Lò Văn Ánh|Cầm Thị Bích|Tiến bộ/);
  });

  it("reaches the office's list and its .xlsx as parts of wholes", async () => {
    await database.db.commendationProposal.update({
      where: {
        id: (await database.db.commendationProposal.findFirstOrThrow({ where: { subjectUserId: LAN } })).id,
      },
      data: { status: 'signed', signedById: 'u-ht-cl', signedAt: new Date() },
    });
    const office = await callerFor('office');
    const list = await office.commendation.officeList({ campaignId: CAMPAIGN, unitId: 'u-so-sonla' });
    expect(list.map((r) => [r.subjectName !== null, r.indicators])).toEqual([
      [
        true,
        {
          checkIns: { onTime: 2, due: 3 },
          evaluations: { progress: 1, signedOff: 1 },
          keptInSchool: { kept: 2, atRisk: 3 },
        },
      ],
    ]);
    const out = await office.commendation.exportList({ campaignId: CAMPAIGN, unitId: 'u-so-sonla' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let header: ExcelJS.Row | undefined;
    let row: ExcelJS.Row | undefined;
    ws?.eachRow((r) => {
      if (r.getCell(1).value === 'STT') header = r;
      else if (header && !row && r.getCell(1).value === '1') row = r;
    });
    expect([7, 8, 9].map((c) => header?.getCell(c).value)).toEqual([
      'Phiếu theo dõi đúng hạn',
      'Đánh giá có tiến bộ',
      'HS nguy cơ bỏ học được giữ lại trường',
    ]);
    expect([7, 8, 9].map((c) => row?.getCell(c).value)).toEqual(['2/3', '1/1', '2/3']);
    // Signed by the Sở's head: its title, the name left to the ink.
    const texts: unknown[] = [];
    ws?.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain('GIÁM ĐỐC');
  });

  it("judges the report's evaluations by the same progress rule as the indicators", async () => {
    // Kept at the standard (Đạt → Đạt) is progress by the one rule, though not a rise.
    await database.db.evaluation.create({
      data: {
        id: 'ev-k4',
        caseId: 'c-k4',
        term: '2026-2027/1',
        version: 1,
        status: 'SIGNED_OFF',
        content: evaluation('dat', 'dat'),
        decision: 'continue',
        authorId: LAN,
        draftedAt: new Date('2026-11-05T03:00:00Z'),
        decidedAt: new Date('2026-11-10T03:00:00Z'),
      },
    });
    const figures = await figuresBySchool(database.db, {
      campaignId: CAMPAIGN,
      schoolIds: [SCHOOL],
      from: '2026-09-05',
      to: '2027-05-29',
    });
    expect(figures.get(SCHOOL)?.evaluations).toEqual({ approved: 3, improved: 2 });
    const ind = await (await callerFor('coordinator')).commendation.indicators({
      campaignId: CAMPAIGN,
      schoolId: SCHOOL,
    });
    expect(ind.schoolIndicators.evaluations).toEqual({ progress: 2, signedOff: 3 });
  });
});
