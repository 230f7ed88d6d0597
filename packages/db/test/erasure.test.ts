import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  caseConsentState,
  erasePersonalData,
  FieldCipher,
  liftLegalHold,
  openSubjectRequest,
  placeLegalHold,
  recordCaseConsent,
  setPersonalDataEraseOn,
} from '../src';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/**
 * The erasure of a closed case: a name planted in every free-text place a school can write is
 * found nowhere afterwards (every text, JSON and text-array column of every table is scanned),
 * the office's totals do not move, a legal hold stops it, and the history stays append-only
 * outside it.
 */
let database: TestDatabase;
const cipher = new FieldCipher(FieldCipher.generateKey());
const CASE = 'c-erase';
const NAME = 'Ngọc Ánh Trồng';
const now = new Date('2026-12-02T03:00:00Z');
const who = { actorId: 'u-ct-cl', now };

/** Every row of every table whose text, JSON or text[] columns hold `needle` (case-insensitive). */
async function scan(needle: string): Promise<string[]> {
  const db = database.db;
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
      AND table_name <> '_prisma_migrations'`;
  const hits: string[] = [];
  for (const c of columns) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`,
      `%${needle}%`,
    );
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  const db = database.db;
  await db.student.create({
    data: {
      id: 'st-erase',
      schoolId: 's-thcs-chiengle',
      classId: 'cl-cl-7b',
      fullName: NAME,
      searchName: 'ngoc anh trong',
      birthDate: new Date('2013-04-01T00:00:00Z'),
      gender: 'FEMALE',
      ethnicity: 'Thái',
      moetCode: '0140999999',
      supports: ['poor_household'],
      familySealed: cipher.seal(`Gia đình em ${NAME} khó khăn`, 'st-erase'),
    },
  });
  const say = `Em ${NAME} tiến bộ`;
  await db.case.create({
    data: {
      id: CASE,
      code: 'HS26-ERASE1',
      campaignId: 'camp-sl-2026',
      studentId: 'st-erase',
      schoolId: 's-thcs-chiengle',
      stage: 'closed',
      categories: ['economic_hardship'],
      source: 'staff_proposal',
      proposalReason: say,
      sponsorName: say,
      sponsorNote: say,
      closureReason: 'goal_reached',
      closureNote: say,
      closedAt: now,
    },
  });
  await db.caseHelper.create({
    data: {
      id: `${CASE}:h`,
      caseId: CASE,
      userId: 'u-gv-lan',
      role: 'PRIMARY',
      status: 'ENDED',
      reason: say,
    },
  });
  await db.helpPlan.create({
    data: {
      id: `${CASE}:p`,
      caseId: CASE,
      version: 1,
      status: 'APPROVED',
      goals: { week: say, month: say, semester: say },
      kinds: ['tutoring'],
      authorId: 'u-gv-lan',
      comment: say,
    },
  });
  await db.checkIn.create({
    data: {
      id: `${CASE}:ci`,
      caseId: CASE,
      month: '2026-11',
      term: '2026-2027/1',
      authorId: 'u-gv-lan',
      report: {
        tutoring: { sessions: 4, hours: 6, subjects: [`Toán cho ${NAME}`] },
        material: [{ kind: 'rice', description: say, quantity: 15, valueVnd: 300000 }],
        familyContact: { visits: 1, calls: 2 },
        absentDays: 0,
        riskLevel: 'low',
        notes: say,
      },
      riskLevel: 'low',
      tutoringHours: 6,
      materialVnd: 300000n,
      dueAt: now,
      filedAt: now,
      late: false,
    },
  });
  await db.evaluation.create({
    data: {
      id: `${CASE}:ev`,
      caseId: CASE,
      term: '2026-2027/1',
      version: 1,
      status: 'SIGNED_OFF',
      content: {
        resultsBefore: 'dat',
        resultsAfter: 'kha',
        conductBefore: 'tot',
        conductAfter: 'tot',
        progress: say,
        stillAtRisk: false,
        recommendation: 'continue',
      },
      decision: 'continue',
      authorId: 'u-gv-lan',
      comment: say,
      draftedAt: now,
    },
  });
  await db.caseEvent.create({
    data: {
      caseId: CASE,
      type: 'case.note',
      payload: { text: say, month: '2026-11' },
      idempotencyKey: `${CASE}:note`,
      actorId: 'u-gv-lan',
    },
  });
  await db.task.create({
    data: {
      id: `${CASE}:t`,
      caseId: CASE,
      type: 'file_checkin',
      status: 'DONE',
      payload: { note: say, month: '2026-11' },
    },
  });
  await db.identityReveal.create({
    data: {
      id: `${CASE}:r`,
      userId: 'u-office',
      caseId: CASE,
      studentId: 'st-erase',
      reason: `Xác minh ${NAME}`,
      expiresAt: now,
    },
  });
  await db.auditLog.create({
    data: {
      actorId: 'u-office',
      action: 'identity.reveal',
      subjectType: 'student',
      subjectId: 'st-erase',
      caseId: CASE,
      reason: `Xác minh ${NAME}`,
    },
  });
  await recordCaseConsent(
    db,
    cipher,
    {
      caseId: CASE,
      givenOn: '2026-09-10',
      guardian: { name: 'Lò Văn Bố', relation: 'father' },
      method: { kind: 'paper_form', formNumber: '09/ĐY', signedOn: '2026-09-10' },
      childAgreed: true,
      coverage: { help: true, schoolProcessing: true, officeSharing: true },
    },
    { ...who, today: '2026-12-02', idempotencyKey: `${CASE}:consent` },
  );
  await openSubjectRequest(
    db,
    cipher,
    {
      caseId: CASE,
      kind: 'access',
      receivedAt: '2026-11-30T08:00:00+07:00',
      requester: { name: 'Lò Văn Bố', relation: 'father' },
    },
    who,
  );
  // A class list uploaded but not imported holds the name too; another school's stays.
  const upload = (id: string, schoolId: string, name: string) => ({
    id,
    schoolId,
    uploadedById: 'u-ct-cl',
    fileName: 'lop-7b.xlsx',
    size: 1,
    sha256: id,
    sheets: [{ name: 'DS', state: 'visible', rows: [['Họ và tên'], [name]] }],
  });
  await db.classListUpload.create({ data: upload('clu-erase', 's-thcs-chiengle', NAME) });
  const other = await db.school.findFirstOrThrow({ where: { id: { not: 's-thcs-chiengle' } } });
  await db.classListUpload.create({ data: upload('clu-other', other.id, 'Lò Văn Khác') });
});
afterAll(() => database?.drop());

describe('erasure of a closed case', () => {
  it('keeps the history append-only outside the erasure', async () => {
    await expect(
      database.db.caseEvent.updateMany({ where: { caseId: CASE }, data: { payload: {} } }),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.db.auditLog.updateMany({ where: { caseId: CASE }, data: { reason: null } }),
    ).rejects.toThrow(/append-only/);
  });

  it('waits while a legal hold is not lifted', async () => {
    const { id } = await placeLegalHold(
      database.db,
      cipher,
      { caseId: CASE, reason: 'Thanh tra xác minh' },
      who,
    );
    expect(await erasePersonalData(database.db, CASE, { actorId: 'system', now })).toBe('held');
    expect(await scan('Ngọc Ánh')).not.toEqual([]);
    expect(
      await database.db.caseEvent.count({ where: { caseId: CASE, type: 'case.personal_data_erased' } }),
    ).toBe(0);
    await liftLegalHold(database.db, id, who);
  });

  it('leaves the planted name nowhere in the database, and the totals as they were', async () => {
    const db = database.db;
    // the planted name is everywhere a school writes (the family text is sealed, so not in clear)
    expect((await scan('Ngọc Ánh')).sort()).toEqual(
      [
        'AuditLog.reason',
        'Case.closureNote',
        'Case.proposalReason',
        'Case.sponsorName',
        'Case.sponsorNote',
        'CaseEvent.payload',
        'CaseHelper.reason',
        'CheckIn.report',
        'ClassListUpload.sheets',
        'Evaluation.comment',
        'Evaluation.content',
        'HelpPlan.comment',
        'HelpPlan.goals',
        'IdentityReveal.reason',
        'Student.fullName',
        'Task.payload',
      ].sort(),
    );
    const before = await db.checkIn.aggregate({
      where: { caseId: CASE },
      _sum: { tutoringHours: true, materialVnd: true },
    });
    expect(await erasePersonalData(db, CASE, { actorId: 'system', now })).toBe('erased');
    expect(await scan('Ngọc Ánh')).toEqual([]);
    expect(await scan('ngoc anh')).toEqual([]);
    expect(await scan('0140999999')).toEqual([]);
    const after = await db.checkIn.aggregate({
      where: { caseId: CASE },
      _sum: { tutoringHours: true, materialVnd: true },
    });
    expect(after).toEqual(before);
    expect((await db.classListUpload.findMany({ select: { id: true } })).map((u) => u.id)).toEqual([
      'clu-other',
    ]);
    const student = await db.student.findUniqueOrThrow({ where: { id: 'st-erase' } });
    expect([student.fullName, student.birthDate, student.familySealed]).toEqual([
      '[đã xóa] HS26-ERASE1',
      null,
      null,
    ]);
    const ci = await db.checkIn.findUniqueOrThrow({ where: { id: `${CASE}:ci` } });
    expect(ci.report).toMatchObject({
      tutoring: { sessions: 4, hours: 6 },
      material: [{ kind: 'rice', quantity: 15, valueVnd: 300000 }],
    });
    const consent = await db.caseConsent.findFirstOrThrow({ where: { caseId: CASE } });
    expect(consent.guardianNameSealed).toBeNull();
    // The record that consent existed survives, without the guardian.
    expect((await caseConsentState(db, CASE)).state).toBe('consent');
    expect(await db.auditLog.count({ where: { action: 'data.erase', caseId: CASE } })).toBe(1);
    expect(await erasePersonalData(db, CASE, { actorId: 'system', now })).toBe('already_erased');
  });
});

describe('the erase-on day', () => {
  it('is set at closure from the campaign’s retention and calendar', async () => {
    const db = database.db;
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: 'camp-sl-2026' } });
    const yearEnd = (campaign.settings as { calendar: { yearEnd: string } }).calendar.yearEnd;
    const day = await db.$transaction((tx) => setPersonalDataEraseOn(tx, CASE, '2026-12-02'));
    // Default retention: to the end of the school year after the closure's, erased the day after.
    const nextYearEnd = `${Number(yearEnd.slice(0, 4)) + 1}${yearEnd.slice(4)}`;
    const dayAfter = new Date(`${nextYearEnd}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(day).toBe(dayAfter.toISOString().slice(0, 10));
    const row = await db.case.findUniqueOrThrow({ where: { id: CASE } });
    expect(row.personalDataEraseOn?.toISOString().slice(0, 10)).toBe(day);
  });
});
