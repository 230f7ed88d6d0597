import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, CASE, callerFor, cipher, database, setUpFixture } from './support/fixture';

/**
 * setup (issue 14): a school sets itself up — classes of the school year, their homeroom teachers,
 * a pupil's class, the family's circumstances — on the real database. In the fixture gv.lan helps
 * c-matrix (st-06, class 7B, no homeroom teacher) and gv.duc is offered it.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const as = async (actor: Actor) => callerFor(actor);

async function appErrorOf(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('the call should have been refused');
    },
    (e: unknown) => e as { cause?: unknown },
  );
  expect(error.cause).toBeInstanceOf(AppError);
  return (error.cause as AppError).code;
}

const audits = (action: string, subjectId: string) =>
  database.db.auditLog.findMany({ where: { action, subjectId }, orderBy: { id: 'asc' } });

describe('schoolClass', () => {
  it('creates, renames and archives a class of the school year, each audited', async () => {
    const coordinator = (await as('coordinator')).schoolClass;
    const { classId } = await coordinator.create({
      schoolId: 's-thcs-chiengle',
      schoolYear: 2026,
      name: '6B',
      grade: 6,
    });
    let list = await coordinator.list({ schoolId: 's-thcs-chiengle' });
    expect(list.schoolYear).toBe(2026);
    expect(list.classes.find((c) => c.classId === classId)).toMatchObject({
      name: '6B',
      grade: 6,
      homeroom: null,
      pupils: 0,
    });
    // The homeroom picker offers the school's teachers only.
    expect(list.teachers.map((t) => t.userId).sort()).toEqual([
      'u-gv-duc',
      'u-gv-lan',
      'u-gv-thuy',
      'u-gv-uyen',
    ]);

    expect(
      await appErrorOf(
        coordinator.create({ schoolId: 's-thcs-chiengle', schoolYear: 2026, name: '6A', grade: 6 }),
      ),
    ).toBe('CLASS_NAME_TAKEN');
    await (await as('principal')).schoolClass.rename({ classId, name: '6C' });
    expect(await appErrorOf(coordinator.rename({ classId, name: '6A' }))).toBe('CLASS_NAME_TAKEN');

    await coordinator.archive({ classId });
    list = await coordinator.list({ schoolId: 's-thcs-chiengle' });
    expect(list.classes.some((c) => c.classId === classId)).toBe(false);
    expect(
      (await coordinator.list({ schoolId: 's-thcs-chiengle', includeArchived: true })).classes.find(
        (c) => c.classId === classId,
      ),
    ).toMatchObject({ name: '6C', archived: true });
    expect(await appErrorOf(coordinator.setHomeroom({ classId, homeroomId: 'u-gv-uyen' }))).toBe(
      'CLASS_ARCHIVED',
    );
    // A pupil cannot be moved into an archived class.
    expect(await appErrorOf((await as('coordinator')).student.update({ studentId: 'st-05', classId }))).toBe(
      'CLASS_ARCHIVED',
    );
    expect(
      (await database.db.auditLog.findMany({ where: { subjectType: 'class', subjectId: classId } })).map(
        (a) => a.action,
      ),
    ).toEqual(['class.create', 'class.rename', 'class.archive']);
  });

  it('refuses to archive a class that still has pupils', async () => {
    expect(await appErrorOf((await as('coordinator')).schoolClass.archive({ classId: 'cl-cl-9a' }))).toBe(
      'CLASS_NOT_EMPTY',
    );
  });

  it('a homeroom change decides, through the identity rule, who sees the class’s children', async () => {
    const uyen = await as('otherTeacher');
    // gv.uyen is not on c-matrix (st-06, 7B): the case is not hers to open, the child not hers to find.
    expect(await appErrorOf(uyen.case.get({ caseId: CASE }))).toBe('CASE_NOT_FOUND');
    expect((await uyen.student.search({ q: 'mua thi do' })).map((s) => s.id)).not.toContain('st-06');

    await (await as('coordinator')).schoolClass.setHomeroom({ classId: 'cl-cl-7b', homeroomId: 'u-gv-uyen' });
    const named = await uyen.case.get({ caseId: CASE });
    expect(named.view).toBe('named');
    expect(named.identity?.fullName).toBe('Mùa Thị Dợ');
    expect((await uyen.student.search({ q: 'mua thi do' })).map((s) => s.id)).toContain('st-06');
    expect(await audits('class.homeroom', 'cl-cl-7b')).toEqual([
      expect.objectContaining({ actorId: 'u-ct-cl', reason: '— → u-gv-uyen' }),
    ]);

    // Changed to gv.thuy: gv.uyen loses the class's children at once.
    await (await as('principal')).schoolClass.setHomeroom({ classId: 'cl-cl-7b', homeroomId: 'u-gv-thuy' });
    expect(await appErrorOf(uyen.case.get({ caseId: CASE }))).toBe('CASE_NOT_FOUND');
    await (await as('coordinator')).schoolClass.setHomeroom({ classId: 'cl-cl-7b', homeroomId: null });
  });

  it('takes a teacher of the school only as homeroom teacher', async () => {
    const coordinator = (await as('coordinator')).schoolClass;
    // gv.son teaches at THPT Tô Hiệu; ht.binh is a principal.
    for (const homeroomId of ['u-gv-son', 'u-ht-cl', 'u-nobody'])
      expect(await appErrorOf(coordinator.setHomeroom({ classId: 'cl-cl-9a', homeroomId }))).toBe(
        'HOMEROOM_NOT_TEACHER',
      );
  });

  it('lists a class’s pupils and the pupils with no class, and a pupil’s class is fixed from its row', async () => {
    const c = await as('coordinator');
    const pupils = await c.schoolClass.pupils({ schoolId: 's-thcs-chiengle', classId: 'cl-cl-7b' });
    expect(pupils.map((p) => p.fullName)).toEqual(['Nguyễn Thị Diệu', 'Mùa Thị Dợ', 'Quàng Văn Đông']);
    await c.student.update({ studentId: 'st-04', classId: null });
    expect(
      (await c.schoolClass.pupils({ schoolId: 's-thcs-chiengle', classId: null })).map((p) => p.studentId),
    ).toContain('st-04');
    expect(
      (await c.schoolClass.list({ schoolId: 's-thcs-chiengle' })).unassignedPupils,
    ).toBeGreaterThanOrEqual(1);
    await c.student.update({ studentId: 'st-04', classId: 'cl-cl-8a' });
    expect(
      (await c.schoolClass.pupils({ schoolId: 's-thcs-chiengle', classId: 'cl-cl-8a' })).map(
        (p) => p.studentId,
      ),
    ).toContain('st-04');
    // Another school's class is refused.
    expect(
      await appErrorOf(c.schoolClass.pupils({ schoolId: 's-thcs-chiengle', classId: 'cl-th-10a1' })),
    ).toBe('CLASS_NOT_FOUND');
  });
});

describe('student.family', () => {
  it('is written and read sealed by those the identity rule allows, each read and write audited', async () => {
    const before = (await audits('student.family.read', 'st-06')).length;
    await (await as('coordinator')).student.setFamily({
      studentId: 'st-06',
      text: 'Bố mẹ đi làm ăn xa, em ở với bà ngoại',
    });
    const row = await database.db.student.findUniqueOrThrow({ where: { id: 'st-06' } });
    expect(row.familySealed).not.toContain('bà ngoại');
    expect(cipher.open(row.familySealed as string, 'st-06')).toBe('Bố mẹ đi làm ăn xa, em ở với bà ngoại');

    // gv.lan helps c-matrix: she reads and corrects it.
    const lan = await as('helper');
    expect(await lan.student.family({ studentId: 'st-06' })).toMatchObject({
      fullName: 'Mùa Thị Dợ',
      className: '7B',
      text: 'Bố mẹ đi làm ăn xa, em ở với bà ngoại',
    });
    await lan.student.setFamily({ studentId: 'st-06', text: 'Em ở với bà ngoại; bố mẹ làm ở Bắc Ninh' });
    expect((await audits('student.family.read', 'st-06')).length).toBe(before + 1);
    expect((await audits('student.family.write', 'st-06')).map((a) => a.actorId)).toEqual([
      'u-ct-cl',
      'u-gv-lan',
    ]);
    expect((await (await as('principal')).student.family({ studentId: 'st-06' })).text).toBe(
      'Em ở với bà ngoại; bố mẹ làm ở Bắc Ninh',
    );
  });

  it('is refused to a teacher only offered the case, another teacher, another school and the office', async () => {
    for (const actor of ['offered', 'otherTeacher', 'coordinatorElsewhere', 'office', 'admin'] as const) {
      const c = await as(actor);
      expect(await appErrorOf(c.student.family({ studentId: 'st-06' })), actor).toBe('FORBIDDEN');
      expect(await appErrorOf(c.student.setFamily({ studentId: 'st-06', text: 'x' })), actor).toBe(
        'FORBIDDEN',
      );
    }
    expect(
      cipher.open(
        (await database.db.student.findUniqueOrThrow({ where: { id: 'st-06' } })).familySealed as string,
        'st-06',
      ),
    ).toBe('Em ở với bà ngoại; bố mẹ làm ở Bắc Ninh');
  });
});

describe('volunteer.stop and the coordinator’s view of every teacher', () => {
  it('stops taking new cases without dropping the case held', async () => {
    const lan = (await as('helper')).volunteer;
    expect(await lan.stop({})).toMatchObject({ capacity: 1, load: 1, continuing: 1 });
    expect(await lan.me({})).toMatchObject({ capacity: 1, load: 1, spare: 0 });
    expect(await database.db.caseHelper.count({ where: { userId: 'u-gv-lan', status: 'ACTIVE' } })).toBe(1);
  });

  it('suggest lists full teachers and non-volunteers under others, never an empty list', async () => {
    await database.db.user.updateMany({
      where: { id: { in: ['u-gv-thuy', 'u-gv-uyen'] } },
      data: { capacity: 0 },
    });
    const s = await (await as('coordinator')).volunteer.suggest({ caseId: CASE });
    expect(s.helpers).toEqual([]);
    expect(s.others.map((o) => o.userId).sort()).toEqual(['u-gv-thuy', 'u-gv-uyen']);
    expect(s.others.every((o) => o.spare === 0 && o.volunteer === false)).toBe(true);
    // The coordinator raises a capacity inline, with a reason (audited).
    await (await as('coordinator')).volunteer.setCapacity({
      userId: 'u-gv-uyen',
      capacity: 1,
      reason: 'Cô nhận thêm',
    });
    const after = await (await as('coordinator')).volunteer.suggest({ caseId: CASE });
    expect(after.helpers.map((h) => h.userId)).toEqual(['u-gv-uyen']);
    expect(await audits('volunteer.capacity.set', 'u-gv-uyen')).toEqual([
      expect.objectContaining({ reason: '0 → 1: Cô nhận thêm' }),
    ]);
  });
});

describe('case.offerDetails', () => {
  it('gives the offered teacher the categories, the campaign’s expectations and the note addressed to her', async () => {
    await database.db.caseHelper.update({
      where: { id: `${CASE}:h:2:0` },
      data: { note: 'Thầy ở gần nhà em', asked: true },
    });
    const d = await (await as('offered')).case.offerDetails({ caseId: CASE });
    expect(d).toMatchObject({
      code: 'HS26-MATRIX',
      categories: ['economic_hardship'],
      asked: true,
      note: 'Thầy ở gần nhà em',
    });
    expect(d.expectations).toMatchObject({
      responseDays: expect.any(Number),
      checkInDay: expect.any(Number),
    });
    // Nobody else is the addressee: the helper, another teacher and the office are refused.
    for (const actor of ['helper', 'otherTeacher', 'office', 'coordinator'] as const)
      expect(await appErrorOf((await as(actor)).case.offerDetails({ caseId: CASE })), actor).toBe(
        'FORBIDDEN',
      );
  });
});
