import { describe, expect, it } from 'vitest';
import {
  guessHeader,
  missingMappedFields,
  nextClassName,
  normalizeClassName,
  planClassListImport,
  planPromotion,
  readBirthDate,
  readClassListRows,
  readGender,
  type SheetCell,
  schoolYearOfDay,
} from '../src/class-list';

const TITLE = 'DANH SÁCH HỌC SINH';
/** A SMAS-like sheet: title rows, a merged two-row header, a footer. */
const sheet: SheetCell[][] = [
  [TITLE, TITLE, TITLE, TITLE, TITLE, TITLE, TITLE, TITLE],
  ['Năm học 2026-2027'],
  [],
  ['STT', 'Mã định danh Bộ GD&ĐT', 'Họ và tên', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp'],
  ['STT', 'Mã định danh Bộ GD&ĐT', 'Họ đệm', 'Tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp'],
  [1, '0140123401', 'Lò Văn', 'Ánh', '12/03/2014', 'Nam', 'Thái', '6a'],
  [2, '0140123499', 'Ca\u0302\u0300m Thi\u0323', 'Bi\u0301ch', 41800, 'Nữ', 'Thái', '6A'],
  [3, '0140123498', 'Giàng A', 'Chứ', new Date(Date.UTC(2013, 10, 20)), 'nam', "H'Mông", 'Lớp 6B'],
  [4, '0140123497', 'Trần', 'Khải', '31/02/2013', 'X', 'Kinh', '6A'],
  [5, '0140123401', 'Lò Văn', 'Ánh', '12/03/2099', 'Nam', 'Thái', 'A6'],
  [6, 140123496, 'Đinh Thị', 'Ưng', { formula: true, result: '22/04/2014' }, 'Nữ', 'Mường', '6A'],
  [],
  [null, 'Tổng số: 6 học sinh'],
];

describe('class-list header', () => {
  it('finds the header below title rows, folding a merged "Họ và tên" over "Họ đệm | Tên"', () => {
    const g = guessHeader(sheet);
    expect(g).toMatchObject({ headerRow: 3, headerRows: 2, dataStart: 5 });
    expect(g?.mapping).toEqual({
      stt: 0,
      moetCode: 1,
      familyMiddle: 2,
      givenName: 3,
      birthDate: 4,
      gender: 5,
      ethnicity: 6,
      className: 7,
    });
  });

  it('matches aliases with or without diacritics, in any case, with a tail', () => {
    const g = guessHeader([['stt', 'MA DINH DANH', 'ho ten hoc sinh', 'Ngày sinh (dd/mm/yyyy)', 'lop']]);
    expect(g?.mapping).toEqual({ stt: 0, moetCode: 1, fullName: 2, birthDate: 3, className: 4 });
    expect(guessHeader([['a', 'b'], ['c']])).toBeNull();
  });

  it('says which fields a mapping lacks', () => {
    expect(missingMappedFields({ fullName: 1 }, false)).toEqual(['moetCode', 'className']);
    expect(missingMappedFields({ moetCode: 0, familyMiddle: 1 }, true)).toEqual(['givenName']);
  });
});

describe('class-list cells', () => {
  it('reads dd/mm/yyyy text, serials, date cells and refuses impossible days', () => {
    expect(readBirthDate('12/03/2014')).toBe('2014-03-12');
    expect(readBirthDate('2/3/2014')).toBe('2014-03-02');
    expect(readBirthDate('2014-03-12')).toBe('2014-03-12');
    expect(readBirthDate(41800)).toBe('2014-06-10');
    expect(readBirthDate('41800')).toBe('2014-06-10');
    expect(readBirthDate(new Date(Date.UTC(2013, 10, 20)))).toBe('2013-11-20');
    // A local-time Excel may store 23:00 the day before: rounded to the day.
    expect(readBirthDate(new Date(Date.UTC(2013, 10, 19, 23)))).toBe('2013-11-20');
    expect(readBirthDate('31/02/2013')).toBeNull();
    expect(readBirthDate('hôm qua')).toBeNull();
    expect(readBirthDate(null)).toBeUndefined();
  });

  it('reads genders and class names', () => {
    expect(readGender('Nữ')).toBe('FEMALE');
    expect(readGender('NU')).toBe('FEMALE');
    expect(readGender('nam')).toBe('MALE');
    expect(readGender('?')).toBeNull();
    expect(normalizeClassName(' lớp 6a1 ')).toEqual({ name: '6A1', grade: 6 });
    expect(normalizeClassName('A6')).toEqual({ name: 'A6', grade: null });
    expect(normalizeClassName('13A')?.grade).toBeNull();
  });
});

describe('class-list rows and plan', () => {
  const g = guessHeader(sheet);
  const rows = readClassListRows(sheet, {
    mapping: g?.mapping ?? {},
    dataStart: g?.dataStart ?? 0,
    schoolYear: 2026,
  });

  it('reads every pupil row, NFC names, leading zeros kept, and skips the footer', () => {
    expect(rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(rows[0]).toMatchObject({
      moetCode: '0140123401',
      fullName: 'Lò Văn Ánh',
      className: '6A',
      grade: 6,
    });
    expect(rows[1]?.fullName).toBe('Cầm Thị Bích');
    expect(rows[1]?.fullName).toBe(rows[1]?.fullName?.normalize('NFC'));
    expect(rows[2]).toMatchObject({ birthDate: '2013-11-20', className: '6B', gender: 'MALE', issues: [] });
  });

  it('gives each row its errors and warnings', () => {
    const codes = rows.map((r) => r.issues.map((i) => i.code));
    expect(codes[3]).toEqual(['BIRTH_DATE_UNREADABLE', 'GENDER_UNKNOWN']);
    expect(codes[4]).toEqual(['AGE_IMPLAUSIBLE', 'CLASS_GRADE_UNKNOWN']);
    expect(codes[5]).toEqual(['FORMULA_VALUE_USED', 'MOET_CODE_NUMERIC']);
  });

  it('plans creates, updates field by field, duplicates and codes of other schools', () => {
    const plan = planClassListImport(rows, {
      schoolId: 's1',
      existingClasses: ['6A'],
      known: [
        {
          id: 'st-1',
          moetCode: '0140123401',
          schoolId: 's1',
          fullName: 'Lò Văn Anh',
          birthDate: '2014-03-12',
          gender: 'MALE',
          ethnicity: null,
          className: '6A',
          archived: false,
        },
        {
          id: 'st-2',
          moetCode: '0140123498',
          schoolId: 's2',
          fullName: 'Giàng A Chứ',
          birthDate: null,
          gender: null,
          ethnicity: null,
          className: null,
          archived: false,
        },
      ],
    });
    const [a, b, c, , e] = plan.rows;
    expect(a).toMatchObject({ action: 'update', studentId: 'st-1' });
    expect(a?.changes).toEqual([
      { field: 'fullName', from: 'Lò Văn Anh', to: 'Lò Văn Ánh' },
      { field: 'ethnicity', from: null, to: 'Thái' },
    ]);
    expect(a?.issues.map((i) => i.code)).toContain('CODE_KNOWN_OTHER_NAME');
    expect(b).toMatchObject({ action: 'create' });
    expect(c?.issues.map((i) => i.code)).toContain('CODE_AT_OTHER_SCHOOL');
    expect(e?.issues.map((i) => i.code)).toContain('DUPLICATE_IN_FILE');
    expect(plan.counts).toMatchObject({ rows: 6, create: 2, update: 1, skip: 3 });
    // The same data planned against itself changes nothing.
    const again = planClassListImport(rows.slice(1, 2), {
      schoolId: 's1',
      existingClasses: ['6A'],
      known: [
        {
          id: 'st-9',
          moetCode: '0140123499',
          schoolId: 's1',
          fullName: 'Cầm Thị Bích',
          birthDate: '2014-06-10',
          gender: 'FEMALE',
          ethnicity: 'Thái',
          className: '6A',
          archived: false,
        },
      ],
    });
    expect(again.rows[0]).toMatchObject({ action: 'unchanged', changes: [] });
  });
});

describe('the new school year', () => {
  it('moves classes up a grade and lets the last grade leave', () => {
    expect(nextClassName('6A', 6)).toBe('7A');
    expect(nextClassName('10A1', 10)).toBe('11A1');
    const plan = planPromotion(
      [
        { id: 'c9', name: '9A', grade: 9, pupils: 30 },
        { id: 'c6', name: '6A', grade: 6, pupils: 28 },
      ],
      'LOWER_SECONDARY',
    );
    expect(plan.moves).toEqual([{ fromClassId: 'c6', fromName: '6A', toName: '7A', toGrade: 7, pupils: 28 }]);
    expect(plan.leaving).toEqual([{ fromClassId: 'c9', fromName: '9A', pupils: 30 }]);
    expect(planPromotion([{ id: 'c5', name: '5A', grade: 5, pupils: 1 }], 'PRIMARY').leaving).toHaveLength(1);
    expect(
      planPromotion([{ id: 'c', name: '12A', grade: 12, pupils: 1 }], 'MULTI_LEVEL').leaving,
    ).toHaveLength(1);
    expect(plan.repeating).toEqual([]);
  });

  it('keeps pupils who repeat their grade (lưu ban) in a class of the same grade, the last grade too', () => {
    const plan = planPromotion(
      [
        { id: 'c9', name: '9A', grade: 9, pupils: 30 },
        { id: 'c6', name: '6A', grade: 6, pupils: 28 },
        { id: 'c7', name: '7B', grade: 7, pupils: 25 },
      ],
      'LOWER_SECONDARY',
      new Map([
        ['c6', 2],
        ['c9', 1],
        ['c-unknown', 3],
      ]),
    );
    expect(plan.moves).toEqual([
      { fromClassId: 'c6', fromName: '6A', toName: '7A', toGrade: 7, pupils: 26 },
      { fromClassId: 'c7', fromName: '7B', toName: '8B', toGrade: 8, pupils: 25 },
    ]);
    expect(plan.leaving).toEqual([{ fromClassId: 'c9', fromName: '9A', pupils: 29 }]);
    expect(plan.repeating).toEqual([
      { fromClassId: 'c6', fromName: '6A', toName: '6A', grade: 6, pupils: 2 },
      { fromClassId: 'c9', fromName: '9A', toName: '9A', grade: 9, pupils: 1 },
    ]);
    // Never more repeaters than pupils.
    expect(
      planPromotion([{ id: 'c', name: '12A', grade: 12, pupils: 1 }], 'UPPER_SECONDARY', new Map([['c', 5]])),
    ).toMatchObject({ leaving: [{ pupils: 0 }], repeating: [{ pupils: 1 }] });
  });

  it('knows the school year of a day', () => {
    expect(schoolYearOfDay('2026-11-23')).toBe(2026);
    expect(schoolYearOfDay('2027-05-20')).toBe(2026);
    expect(schoolYearOfDay('2027-08-10')).toBe(2027);
  });
});
