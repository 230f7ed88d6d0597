import { systemToday } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, callerFor, database, setUpFixture } from './support/fixture';

/**
 * The new school year at THCS Chiềng Lề (lower secondary: grade 9 leaves): 6A → 7A, 7B → 8B,
 * 8A → 9A, 9A's pupils archived (never deleted; the one with a case keeps it), once only.
 */
const SCHOOL = 's-thcs-chiengle';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) return cause.code;
    throw error;
  }
  return 'none';
}

beforeAll(async () => {
  await setUpFixture();
  // A grade-9 pupil with an open case: archived at the new year, the case untouched.
  await database.db.case.create({
    data: {
      id: 'c-ny-9a',
      code: 'HS26-NY9A',
      campaignId: 'camp-sl-2026',
      studentId: 'st-07',
      schoolId: SCHOOL,
      stage: 'active',
      categories: ['economic_hardship'],
      source: 'staff_proposal',
    },
  });
});
afterAll(() => database?.drop());

describe('new school year', () => {
  it('previews the classes moving up, the leavers and the open cases', async () => {
    const api = await callerFor('coordinator');
    const p = await api.schoolYear.preview({ schoolId: SCHOOL, toYear: 2027 });
    expect(p.moves.map((m) => [m.fromName, m.toName])).toEqual([
      ['6A', '7A'],
      ['7B', '8B'],
      ['8A', '9A'],
    ]);
    expect(p.leaving).toEqual([{ fromClassId: 'cl-cl-9a', fromName: '9A', pupils: 4 }]);
    expect(p).toMatchObject({ fromYear: 2026, toYear: 2027, alreadyDone: null, leavingWithOpenCase: 1 });
    expect(p.openCases).toBeGreaterThanOrEqual(2);
    // Nothing is written by a preview.
    expect(await database.db.class.count({ where: { schoolId: SCHOOL, schoolYear: 2027 } })).toBe(0);
  });

  it('lists the pupils to mark as repeating: named for the school, codes only for an admin above it', async () => {
    const coordinator = await (await callerFor('coordinator')).schoolYear.pupils({
      schoolId: SCHOOL,
      toYear: 2027,
    });
    expect(coordinator.find((p) => p.id === 'st-02')).toMatchObject({
      className: '6A',
      grade: 6,
      code: '0140123402',
      name: 'Cầm Thị Bích',
    });
    expect(coordinator.map((p) => p.grade)).toEqual(
      [...coordinator.map((p) => p.grade)].sort((a, b) => a - b),
    );
    const admin = await (await callerFor('admin')).schoolYear.pupils({ schoolId: SCHOOL, toYear: 2027 });
    expect(admin.map((p) => p.id).sort()).toEqual(coordinator.map((p) => p.id).sort());
    expect(JSON.stringify(admin)).not.toContain('Cầm Thị Bích');
    expect(admin.every((p) => !('name' in p))).toBe(true);
  });

  it('counts the pupils repeating their grade in the preview, and refuses pupils not of the year', async () => {
    const api = await callerFor('coordinator');
    const p = await api.schoolYear.preview({
      schoolId: SCHOOL,
      toYear: 2027,
      repeaterIds: ['st-02', 'st-07'],
    });
    expect(p.repeating).toEqual([
      { fromClassId: 'cl-cl-6a', fromName: '6A', toName: '6A', grade: 6, pupils: 1 },
      { fromClassId: 'cl-cl-9a', fromName: '9A', toName: '9A', grade: 9, pupils: 1 },
    ]);
    expect(p.moves.find((m) => m.fromName === '6A')?.pupils).toBe(2);
    expect(p.leaving).toEqual([{ fromClassId: 'cl-cl-9a', fromName: '9A', pupils: 3 }]);
    // st-07 has the open case: repeating grade 9, she no longer leaves with it.
    expect(p.leavingWithOpenCase).toBe(0);
    for (const bad of [['st-11'], ['st-02', 'st-nobody']])
      expect(
        await refusal(api.schoolYear.preview({ schoolId: SCHOOL, toYear: 2027, repeaterIds: bad })),
      ).toBe('NEW_YEAR_REPEATER_INVALID');
    expect(
      await refusal(api.schoolYear.move({ schoolId: SCHOOL, toYear: 2027, repeaterIds: ['st-11'] })),
    ).toBe('NEW_YEAR_REPEATER_INVALID');
    expect(await database.db.class.count({ where: { schoolId: SCHOOL, schoolYear: 2027 } })).toBe(0);
    expect(await database.db.schoolYearRollover.count({ where: { schoolId: SCHOOL } })).toBe(0);
  });

  it('moves pupils up in one step, archives leavers, keeps their cases, audits counts', async () => {
    const api = await callerFor('principal');
    // st-02 repeats grade 6; st-10 repeats grade 9 (stays rather than leaves).
    const totals = await api.schoolYear.move({
      schoolId: SCHOOL,
      toYear: 2027,
      repeaterIds: ['st-10', 'st-02'],
    });
    expect(totals).toMatchObject({
      classesCreated: 4,
      pupilsArchived: 3,
      pupilsRepeating: 2,
      fromYear: 2026,
      toYear: 2027,
    });
    const db = database.db;
    const st01 = await db.student.findUniqueOrThrow({ where: { id: 'st-01' }, include: { class: true } });
    expect(st01.class).toMatchObject({ name: '7A', grade: 7, schoolYear: 2027 });
    const st06 = await db.student.findUniqueOrThrow({ where: { id: 'st-06' }, include: { class: true } });
    expect(st06.class?.name).toBe('8B');
    const st07 = await db.student.findUniqueOrThrow({ where: { id: 'st-07' } });
    expect(st07.archivedAt).not.toBeNull();
    const st02 = await db.student.findUniqueOrThrow({ where: { id: 'st-02' }, include: { class: true } });
    expect(st02.class).toMatchObject({ name: '6A', grade: 6, schoolYear: 2027 });
    const st10 = await db.student.findUniqueOrThrow({ where: { id: 'st-10' }, include: { class: true } });
    expect(st10).toMatchObject({ archivedAt: null, class: { name: '9A', grade: 9, schoolYear: 2027 } });
    // 8A moved up into the same 9A of the new year.
    const st17 = await db.student.findUniqueOrThrow({ where: { id: 'st-17' }, include: { class: true } });
    expect(st17.class?.id).toBe(st10.classId);
    const repeats = await db.auditLog.findMany({ where: { action: 'student.repeat-grade' } });
    expect(repeats.map((a) => [a.subjectType, a.subjectId, a.actorId]).sort()).toEqual([
      ['student', 'st-02', 'u-ht-cl'],
      ['student', 'st-10', 'u-ht-cl'],
    ]);
    expect(await db.case.findUniqueOrThrow({ where: { id: 'c-ny-9a' } })).toMatchObject({ stage: 'active' });
    expect(await db.case.findUniqueOrThrow({ where: { id: CASE } })).toMatchObject({
      campaignId: 'camp-sl-2026',
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'school.new-year' } });
    expect(JSON.parse(audit.reason ?? '{}')).toMatchObject({
      pupilsArchived: 3,
      pupilsRepeating: 2,
      toYear: 2027,
    });
    // Archived pupils leave search: the coordinator no longer finds Lường Thị Hạnh.
    const coordinator = await callerFor('coordinator');
    expect((await coordinator.student.search({ q: 'luong thi hanh' })).map((s) => s.id)).not.toContain(
      'st-07',
    );
    expect((await coordinator.student.search({ q: 'lo van anh' })).map((s) => s.id)).toContain('st-01');
  });

  it('happens once per school and year', async () => {
    const api = await callerFor('coordinator');
    expect(await refusal(api.schoolYear.move({ schoolId: SCHOOL, toYear: 2027 }))).toBe(
      'NEW_YEAR_ALREADY_DONE',
    );
    const p = await api.schoolYear.preview({ schoolId: SCHOOL, toYear: 2027 });
    expect(p.alreadyDone?.totals).toMatchObject({ classesCreated: 4 });
    // The screen asks again with the repeaters it sent: the preview reports the move done.
    const again = await api.schoolYear.preview({ schoolId: SCHOOL, toYear: 2027, repeaterIds: ['st-02'] });
    expect(again.alreadyDone?.totals).toMatchObject({ pupilsRepeating: 2 });
  });

  it('refuses a year without classes and strangers', async () => {
    expect(
      await refusal((await callerFor('coordinator')).schoolYear.move({ schoolId: SCHOOL, toYear: 2026 })),
    ).toBe('NEW_YEAR_NO_CLASSES');
  });

  it("moves only to the calendar's school year or the next one, never a year far off", async () => {
    // DONGHANH_TODAY is 2026-11-23 in tests: the school year 2026–2027, so 2026 or 2027.
    const [y, m] = systemToday().split('-').map(Number) as [number, number];
    const current = m >= 8 ? y : y - 1;
    const coordinator = await callerFor('coordinator');
    for (const toYear of [current + 2, current - 1, 2040, 2001]) {
      const error = await coordinator.schoolYear.move({ schoolId: SCHOOL, toYear }).catch((e: unknown) => e);
      expect((error as { cause?: AppError }).cause?.code).toBe('NEW_YEAR_NOT_CURRENT');
      expect((error as { cause?: AppError }).cause?.message).toBe(
        'Chỉ chuyển sang năm học hiện tại hoặc năm học kế tiếp',
      );
    }
    expect(
      await database.db.schoolYearRollover.count({
        where: { schoolId: SCHOOL, toYear: { not: current + 1 } },
      }),
    ).toBe(0);
  });

  it('refuses strangers', async () => {
    expect(
      await refusal((await callerFor('office')).schoolYear.move({ schoolId: SCHOOL, toYear: 2028 })),
    ).toBe('FORBIDDEN');
  });
});
