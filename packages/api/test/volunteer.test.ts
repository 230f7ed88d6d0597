import { demoStudents } from '@donghanh/db/seed';
import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, CASE, callerFor, database, setUpFixture } from './support/fixture';

/**
 * Volunteering: teachers register a capacity and subjects, coordinators see the school's load and
 * get helpers suggested for a case. In the fixture gv.lan (GVCN 6A, capacity 2) helps c-matrix
 * (7B) and gv.duc (capacity 1) is offered it, so gv.lan has one place left and gv.duc none.
 */
const CASE_6A = 'c-vol-6a';

beforeAll(async () => {
  await setUpFixture();
  // A case in gv.lan's own class, waiting for a helper, tutored in English by an earlier helper.
  await database.db.case.create({
    data: {
      id: CASE_6A,
      code: 'HS26-VOL6A',
      campaignId: 'camp-sl-2026',
      studentId: 'st-01',
      schoolId: 's-thcs-chiengle',
      stage: 'assignment',
      categories: ['weak_results'],
      source: 'staff_proposal',
    },
  });
  await database.db.checkIn.create({
    data: {
      id: `${CASE_6A}:2026-10`,
      caseId: CASE_6A,
      month: '2026-10',
      term: '2026-2027/1',
      authorId: 'u-gv-thuy',
      report: { tutoring: { sessions: 2, hours: 3, subjects: ['Tiếng Anh'] }, riskLevel: 'low' },
      riskLevel: 'low',
      tutoringHours: 3,
      materialVnd: 0n,
      dueAt: new Date('2026-11-05T00:00:00Z'),
      filedAt: new Date('2026-11-01T00:00:00Z'),
      late: false,
    },
  });
});
afterAll(() => database?.drop());

const as = async (actor: Actor) => (await callerFor(actor)).volunteer;

/** The app error behind a rejected call (the caller throws a TRPCError with it as the cause). */
async function appErrorOf(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('the call should have been refused');
    },
    (e: unknown) => e as { code: string; cause?: unknown },
  );
  expect(error.cause).toBeInstanceOf(AppError);
  const cause = error.cause as AppError;
  return { trpc: error.code, app: cause.code, details: cause.details };
}

describe('volunteer.register', () => {
  it('a teacher volunteers with subjects (once each), then withdraws with capacity 0', async () => {
    const uyen = await as('otherTeacher');
    const saved = await uyen.register({ capacity: 3, subjects: ['Tiếng Anh', ' tiếng  anh', 'Toa\u0301n'] });
    expect(saved).toMatchObject({ capacity: 3, subjects: ['Tiếng Anh', 'Toán'], load: 0, spare: 3 });
    expect(await uyen.me({})).toMatchObject({ capacity: 3, load: 0, cases: [] });

    const withdrawn = await uyen.register({ capacity: 0 });
    // Subjects left out stay as they were, ready for a later return.
    expect(withdrawn).toMatchObject({ capacity: 0, subjects: ['Tiếng Anh', 'Toán'], spare: 0 });
    const row = await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-uyen' } });
    expect(row.capacity).toBe(0);

    await uyen.register({ capacity: 2, subjects: ['Tiếng Anh'] });
  });

  it('refuses a capacity below the current load, with the load in the details', async () => {
    const refused = await appErrorOf((await as('helper')).register({ capacity: 0 }));
    expect(refused).toEqual({ trpc: 'CONFLICT', app: 'CAPACITY_BELOW_LOAD', details: { load: 1 } });
    const row = await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-lan' } });
    expect(row.capacity).toBe(2);
    // An offer not answered yet holds a place too.
    const duc = await appErrorOf((await as('offered')).register({ capacity: 0 }));
    expect(duc.details).toEqual({ load: 1 });
  });

  it('is for teachers only', async () => {
    for (const actor of ['coordinator', 'office', 'admin'] as const) {
      expect((await appErrorOf((await as(actor)).register({ capacity: 1, subjects: [] }))).app).toBe(
        'FORBIDDEN',
      );
    }
  });
});

describe('volunteer.me', () => {
  it('lists the cases I help with the child’s name, and an unanswered offer by code only', async () => {
    const lan = await (await as('helper')).me({});
    expect(lan).toMatchObject({ capacity: 2, subjects: ['Toán'], load: 1, spare: 1 });
    expect(lan.cases).toEqual([
      expect.objectContaining({
        caseId: CASE,
        code: 'HS26-MATRIX',
        stage: 'active',
        status: 'ACTIVE',
        className: '7B',
        studentName: 'Mùa Thị Dợ',
      }),
    ]);
    const duc = await (await as('offered')).me({});
    expect(duc).toMatchObject({ capacity: 1, load: 1, spare: 0 });
    expect(duc.cases).toEqual([
      expect.objectContaining({ code: 'HS26-MATRIX', status: 'OFFERED', studentName: null }),
    ]);
  });
});

describe('volunteer.list', () => {
  it('shows every teacher of the school with load, spare places and homeroom, sorted by given name', async () => {
    const list = await (await as('coordinator')).list({ schoolId: 's-thcs-chiengle' });
    expect(list.map((t) => t.displayName)).toEqual([
      'Lường Văn Đức',
      'Đặng Thị Lan',
      'Cầm Thị Thủy',
      'Quàng Thị Uyên',
    ]);
    const by = Object.fromEntries(list.map((t) => [t.userId, t]));
    expect(by['u-gv-lan']).toMatchObject({
      capacity: 2,
      load: 1,
      spare: 1,
      homeroomClasses: [{ classId: 'cl-cl-6a', name: '6A', grade: 6 }],
    });
    expect(by['u-gv-duc']).toMatchObject({ capacity: 1, load: 1, spare: 0, homeroomClasses: [] });
    expect(by['u-gv-uyen']).toMatchObject({ capacity: 2, load: 0, spare: 2 });
    expect(by['u-gv-thuy']?.homeroomClasses.map((c) => c.name)).toEqual(['8A']);
  });

  it('gives the office above the school the same list, with no student’s name anywhere', async () => {
    const office = await (await as('office')).list({ schoolId: 's-thcs-chiengle' });
    expect(office.map((t) => t.userId).sort()).toEqual(['u-gv-duc', 'u-gv-lan', 'u-gv-thuy', 'u-gv-uyen']);
    const text = JSON.stringify(office).normalize('NFC');
    for (const [, , name] of demoStudents) expect(text).not.toContain(name.normalize('NFC'));
    expect(text).not.toContain('HS26-MATRIX');
  });

  it('is refused to another school’s coordinator', async () => {
    const refused = await appErrorOf(
      (await as('coordinatorElsewhere')).list({ schoolId: 's-thcs-chiengle' }),
    );
    expect(refused.app).toBe('FORBIDDEN');
  });
});

describe('volunteer.suggest', () => {
  it('ranks the homeroom teacher first, then subject fit, and leaves out a full teacher', async () => {
    const s = await (await as('coordinator')).suggest({ caseId: CASE_6A });
    expect(s.weakSubjects).toEqual(['Tiếng Anh']);
    // gv.duc (capacity 1, offered c-matrix) has no place left.
    expect(s.helpers.map((h) => h.userId)).toEqual(['u-gv-lan', 'u-gv-uyen', 'u-gv-thuy']);
    expect(s.helpers[0]).toMatchObject({ spare: 1, reasons: ['same_class', 'spare_capacity'] });
    expect(s.helpers[1]).toMatchObject({
      matchedSubjects: ['Tiếng Anh'],
      reasons: ['subject_fit', 'spare_capacity'],
    });
    expect(s.helpers[2]).toMatchObject({ spare: 3, reasons: ['spare_capacity'] });
    expect((await (await as('principal')).suggest({ caseId: CASE_6A, limit: 1 })).helpers).toHaveLength(1);
  });

  it('does not suggest those already helping or offered the case', async () => {
    const s = await (await as('coordinator')).suggest({ caseId: CASE });
    expect(s.weakSubjects).toEqual([]);
    expect(s.helpers.map((h) => h.userId)).toEqual(['u-gv-thuy', 'u-gv-uyen']);
  });

  it('leaves out a disabled account, in suggestions and in the volunteer list', async () => {
    await database.db.user.update({ where: { id: 'u-gv-thuy' }, data: { disabledAt: new Date() } });
    try {
      const s = await (await as('coordinator')).suggest({ caseId: CASE });
      expect(s.helpers.map((h) => h.userId)).toEqual(['u-gv-uyen']);
      const list = await (await as('coordinator')).list({ schoolId: 's-thcs-chiengle' });
      expect(JSON.stringify(list)).not.toContain('u-gv-thuy');
    } finally {
      await database.db.user.update({ where: { id: 'u-gv-thuy' }, data: { disabledAt: null } });
    }
  });

  it('is refused to the case’s helper and to other schools', async () => {
    for (const actor of ['helper', 'coordinatorElsewhere', 'office'] as const) {
      expect((await appErrorOf((await as(actor)).suggest({ caseId: CASE_6A }))).app).toBe('FORBIDDEN');
    }
  });
});

describe('volunteer.setCapacity', () => {
  const audits = (userId: string) =>
    database.db.auditLog.findMany({
      where: { action: 'volunteer.capacity.set', subjectId: userId },
      orderBy: { id: 'asc' },
    });

  it('records a teacher’s paper registration, with an audit row of the change', async () => {
    const saved = await (await as('coordinator')).setCapacity({
      userId: 'u-gv-uyen',
      capacity: 4,
      reason: 'Đăng ký trên giấy',
    });
    expect(saved).toMatchObject({ userId: 'u-gv-uyen', capacity: 4, load: 0, spare: 4 });
    expect(await audits('u-gv-uyen')).toEqual([
      expect.objectContaining({
        actorId: 'u-ct-cl',
        subjectType: 'user',
        reason: '2 → 4: Đăng ký trên giấy',
      }),
    ]);
    await (await as('principal')).setCapacity({ userId: 'u-gv-uyen', capacity: 2, reason: 'Cô bận' });
    expect(await audits('u-gv-uyen')).toHaveLength(2);
  });

  it('refuses a capacity below the load and writes no audit row', async () => {
    const refused = await appErrorOf(
      (await as('principal')).setCapacity({ userId: 'u-gv-lan', capacity: 0, reason: 'Cô nghỉ' }),
    );
    expect(refused).toEqual({ trpc: 'CONFLICT', app: 'CAPACITY_BELOW_LOAD', details: { load: 1 } });
    expect(await audits('u-gv-lan')).toEqual([]);
  });

  it('is only for managers of a school the teacher teaches at', async () => {
    const other = await appErrorOf(
      (await as('coordinatorElsewhere')).setCapacity({ userId: 'u-gv-uyen', capacity: 3, reason: 'Thử' }),
    );
    expect(other.app).toBe('FORBIDDEN');
    // Not a teacher: nobody's capacity to set.
    const principal = await appErrorOf(
      (await as('coordinator')).setCapacity({ userId: 'u-ht-cl', capacity: 1, reason: 'Thử' }),
    );
    expect(principal.app).toBe('FORBIDDEN');
  });

  it('needs a reason (setup)', async () => {
    await expect(
      (await as('coordinator')).setCapacity({ userId: 'u-gv-uyen', capacity: 3, reason: ' ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
