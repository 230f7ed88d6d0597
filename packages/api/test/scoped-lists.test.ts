import { compareVietnameseNames } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, callerFor, database, setUpFixture } from './support/fixture';

/** Lists never leak a row outside the caller's scope: students by name, tasks in the inbox. */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

async function search(actor: Actor, q = '') {
  return (await callerFor(actor)).student.search({ q, limit: 200 });
}

describe('student search scope', () => {
  it('a coordinator finds the students of their own school only', async () => {
    const found = await search('coordinator');
    expect(found.length).toBeGreaterThan(10);
    expect(new Set(found.map((s) => s.schoolId))).toEqual(new Set(['s-thcs-chiengle']));
    const elsewhere = await search('coordinatorElsewhere');
    expect(new Set(elsewhere.map((s) => s.schoolId))).toEqual(new Set(['s-thpt-tohieu']));
  });

  it('a homeroom teacher finds their class and the students they help; other teachers nobody', async () => {
    const lan = await search('helper');
    const classes = new Set(lan.map((s) => s.className));
    expect(classes).toEqual(new Set(['6A', '7B']));
    expect(lan.filter((s) => s.className === '7B').map((s) => s.id)).toEqual(['st-06']);
    expect(await search('otherTeacher')).toEqual([]);
  });

  it('office roles find no one by name', async () => {
    expect(await search('office')).toEqual([]);
    expect(await search('admin')).toEqual([]);
  });

  it('matches with or without diacritics and sorts by given name the Vietnamese way', async () => {
    expect((await search('coordinator', 'lo van anh')).map((s) => s.fullName)).toEqual(['Lò Văn Ánh']);
    expect((await search('coordinator', 'LÒ VĂN ÁNH')).map((s) => s.fullName)).toEqual(['Lò Văn Ánh']);
    const names = (await search('coordinator')).map((s) => s.fullName);
    expect(names).toEqual([...names].sort(compareVietnameseNames));
  });

  it('creates a student only in a class of the same school, with a clear error otherwise', async () => {
    const caller = await callerFor('coordinator');
    await expect(
      caller.student.create({ schoolId: 's-thcs-chiengle', classId: 'cl-th-10a1', fullName: 'Lò Văn Thử' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { studentId } = (await caller.student.create({
      schoolId: 's-thcs-chiengle',
      classId: 'cl-cl-7b',
      fullName: '  cầm   thị  xuân ',
      moetCode: '0140999001',
    })) as { studentId: string };
    const row = await database.db.student.findUniqueOrThrow({ where: { id: studentId } });
    expect(row).toMatchObject({ fullName: 'Cầm Thị Xuân', searchName: 'cam thi xuan' });
    await expect(
      caller.student.create({ schoolId: 's-thcs-chiengle', fullName: 'Lò Văn Hai', moetCode: '0140999001' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('implausible input', () => {
  it('refuses a birth date of 2099 or 1890: a pupil is 3–25 in the campaign’s school year', async () => {
    const caller = await callerFor('coordinator');
    const { schoolYear } = await database.db.campaign.findUniqueOrThrow({ where: { id: 'camp-sl-2026' } });
    for (const birthDate of [
      '2099-01-01',
      '1890-05-01',
      `${schoolYear - 2}-01-01`,
      `${schoolYear - 26}-12-31`,
    ]) {
      await expect(
        caller.student.create({ schoolId: 's-thcs-chiengle', fullName: 'Lò Văn Năm', birthDate }),
        birthDate,
      ).rejects.toMatchObject({
        code: 'UNPROCESSABLE_CONTENT',
        cause: { code: 'BIRTH_DATE_OUT_OF_RANGE', details: { field: 'birthDate' } },
      });
    }
    const { studentId } = (await caller.student.create({
      schoolId: 's-thcs-chiengle',
      fullName: 'Lò Văn Năm',
      birthDate: `${schoolYear - 12}-09-05`,
    })) as { studentId: string };
    await expect(caller.student.update({ studentId, birthDate: '2099-01-01' })).rejects.toMatchObject({
      cause: { code: 'BIRTH_DATE_OUT_OF_RANGE' },
    });
    // A student entered with a wrong year before any check is refused when proposed.
    await database.db.student.update({
      where: { id: studentId },
      data: { birthDate: new Date('1890-05-01') },
    });
    await expect(
      caller.case.identify({ campaignId: 'camp-sl-2026', studentId, categories: ['dropout_risk'] }),
    ).rejects.toMatchObject({ cause: { code: 'BIRTH_DATE_OUT_OF_RANGE' } });
  });

  it('refuses bidi overrides in names, free text and display names', async () => {
    const rlo = '\u202e';
    const coordinator = await callerFor('coordinator');
    await expect(
      coordinator.student.create({
        schoolId: 's-thcs-chiengle',
        fullName: 'Lò Văn Sáu',
        ethnicity: `Thái${rlo}`,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      coordinator.student.create({ schoolId: 's-thcs-chiengle', fullName: `Lò Văn${rlo} Sáu` }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const admin = await callerFor('admin');
    await expect(
      admin.admin.createUser({
        username: 'gv.bidi',
        displayName: `Cô ${'\u2067'}Hoa${'\u2069'}`,
        roles: [{ role: 'TEACHER', unitId: 'u-thcs-chiengle' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('task inbox', () => {
  const inbox = async (actor: Actor) =>
    (await callerFor(actor)).task.inbox({}).then((ts) => ts.map((t) => t.id).sort());

  it('holds the tasks named for me and those for a role I hold on their unit, nothing else', async () => {
    expect(await inbox('helper')).toEqual(['c-matrix:checkin:2026-11']);
    expect(await inbox('coordinator')).toEqual(['c-matrix:risk:2026-11']);
    expect(await inbox('receivingCoordinator')).toEqual(['c-matrix:transfer:1']);
    expect(await inbox('coordinatorElsewhere')).toEqual([]);
    expect(await inbox('office')).toEqual([]);
  });
});
