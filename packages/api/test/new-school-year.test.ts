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

  it('moves pupils up in one step, archives leavers, keeps their cases, audits counts', async () => {
    const api = await callerFor('principal');
    const totals = await api.schoolYear.move({ schoolId: SCHOOL, toYear: 2027 });
    expect(totals).toMatchObject({ classesCreated: 3, pupilsArchived: 4, fromYear: 2026, toYear: 2027 });
    const db = database.db;
    const st01 = await db.student.findUniqueOrThrow({ where: { id: 'st-01' }, include: { class: true } });
    expect(st01.class).toMatchObject({ name: '7A', grade: 7, schoolYear: 2027 });
    const st06 = await db.student.findUniqueOrThrow({ where: { id: 'st-06' }, include: { class: true } });
    expect(st06.class?.name).toBe('8B');
    const st07 = await db.student.findUniqueOrThrow({ where: { id: 'st-07' } });
    expect(st07.archivedAt).not.toBeNull();
    expect(await db.case.findUniqueOrThrow({ where: { id: 'c-ny-9a' } })).toMatchObject({ stage: 'active' });
    expect(await db.case.findUniqueOrThrow({ where: { id: CASE } })).toMatchObject({
      campaignId: 'camp-sl-2026',
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'school.new-year' } });
    expect(JSON.parse(audit.reason ?? '{}')).toMatchObject({ pupilsArchived: 4, toYear: 2027 });
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
    expect(p.alreadyDone?.totals).toMatchObject({ classesCreated: 3 });
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
