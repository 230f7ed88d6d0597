import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refuseTextNamingAPupil } from '../src';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/** Free text naming a pupil of the school is refused; archived pupils and other schools' are not looked at. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  const pupil = (id: string, fullName: string, searchName: string, archivedAt: Date | null) => ({
    id,
    schoolId: 's-thcs-chiengle',
    classId: 'cl-cl-7b',
    fullName,
    searchName,
    birthDate: new Date('2013-04-01T00:00:00Z'),
    gender: 'FEMALE' as const,
    ethnicity: 'Thái',
    moetCode: id === 'st-named' ? '0140888801' : '0140888802',
    archivedAt,
  });
  await database.db.student.create({ data: pupil('st-named', 'Lò Thị Hoà Bình', 'lo thi hoa binh', null) });
  await database.db.student.create({
    data: pupil('st-gone', 'Quàng Văn Khải', 'quang van khai', new Date('2026-06-01T00:00:00Z')),
  });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const refusal = (p: Promise<void>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : e),
  );

describe('refuseTextNamingAPupil', () => {
  it('refuses a text naming a non-archived pupil of the school, by its id or its unit', async () => {
    const text = 'Trường đã hỗ trợ em LÒ THỊ HOÀ BÌNH (lớp 7B).';
    expect(await refusal(refuseTextNamingAPupil(database.db, { schoolId: 's-thcs-chiengle' }, [text]))).toBe(
      'TEXT_NAMES_A_PUPIL',
    );
    const unitId = (await database.db.school.findUniqueOrThrow({ where: { id: 's-thcs-chiengle' } })).unitId;
    expect(await refusal(refuseTextNamingAPupil(database.db, { unitId }, ['ok', text]))).toBe(
      'TEXT_NAMES_A_PUPIL',
    );
  });
  it('lets through text without a name, an archived pupil’s name, and another school', async () => {
    const school = { schoolId: 's-thcs-chiengle' };
    expect(
      await refusal(refuseTextNamingAPupil(database.db, school, ['Quỹ lớp thêm 100.000 ₫', null])),
    ).toBeNull();
    expect(await refusal(refuseTextNamingAPupil(database.db, school, ['Quàng Văn Khải']))).toBeNull();
    const other = await database.db.school.findFirstOrThrow({ where: { id: { not: 's-thcs-chiengle' } } });
    expect(
      await refusal(refuseTextNamingAPupil(database.db, { schoolId: other.id }, ['Lò Thị Hoà Bình'])),
    ).toBeNull();
  });
});
