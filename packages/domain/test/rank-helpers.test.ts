import { describe, expect, it } from 'vitest';
import { distinctSubjects, type HelperCandidate, rankHelpers, weakSubjectsOf } from '../src';

const teacher = (over: Partial<HelperCandidate> & { userId: string }): HelperCandidate => ({
  displayName: over.userId,
  capacity: 2,
  load: 0,
  subjects: [],
  homeroomClasses: [],
  ...over,
});

const ids = (r: { userId: string }[]) => r.map((t) => t.userId);

describe('rankHelpers', () => {
  const child = { classId: 'cl-6a', grade: 6, weakSubjects: ['Toán'] };

  it('puts the homeroom teacher of the child’s class first, even against a better subject fit', () => {
    const ranked = rankHelpers(child, [
      teacher({ userId: 'math', subjects: ['Toán'], capacity: 5 }),
      teacher({ userId: 'gvcn', subjects: ['Ngữ văn'], homeroomClasses: [{ classId: 'cl-6a', grade: 6 }] }),
    ]);
    expect(ids(ranked)).toEqual(['gvcn', 'math']);
    expect(ranked[0]?.reasons).toEqual(['same_class', 'spare_capacity']);
    expect(ranked[1]?.reasons).toEqual(['subject_fit', 'spare_capacity']);
    expect(ranked[1]?.matchedSubjects).toEqual(['Toán']);
  });

  it('then subject fit, then same grade, then the most spare capacity', () => {
    const ranked = rankHelpers({ ...child, weakSubjects: ['Toán', 'Tiếng Anh'] }, [
      teacher({ userId: 'spare', capacity: 5 }),
      teacher({ userId: 'grade', homeroomClasses: [{ classId: 'cl-6b', grade: 6 }] }),
      teacher({ userId: 'one-fit', subjects: ['Tiếng Anh'] }),
      teacher({ userId: 'two-fit', subjects: ['Toán', 'Tiếng Anh'] }),
      teacher({ userId: 'little', capacity: 1 }),
    ]);
    expect(ids(ranked)).toEqual(['two-fit', 'one-fit', 'grade', 'spare', 'little']);
    expect(ranked.find((r) => r.userId === 'grade')?.reasons).toEqual(['same_grade', 'spare_capacity']);
  });

  it('leaves out teachers with no free place, and computes spare from capacity and load', () => {
    const ranked = rankHelpers(child, [
      teacher({ userId: 'full', capacity: 2, load: 2, homeroomClasses: [{ classId: 'cl-6a', grade: 6 }] }),
      teacher({ userId: 'over', capacity: 1, load: 3 }),
      teacher({ userId: 'withdrawn', capacity: 0 }),
      teacher({ userId: 'free', capacity: 3, load: 1 }),
    ]);
    expect(ids(ranked)).toEqual(['free']);
    expect(ranked[0]).toMatchObject({ spare: 2, load: 1, capacity: 3 });
  });

  it('matches subjects with or without diacritics and in any case', () => {
    const ranked = rankHelpers({ classId: null, grade: null, weakSubjects: ['toan'] }, [
      teacher({ userId: 'a', subjects: ['TOÁN', 'Vật lí'] }),
    ]);
    expect(ranked[0]?.matchedSubjects).toEqual(['TOÁN']);
    expect(ranked[0]?.reasons).toContain('subject_fit');
  });

  it('without subject information, ranks by homeroom, grade and spare capacity only', () => {
    const ranked = rankHelpers({ classId: 'cl-6a', grade: 6, weakSubjects: [] }, [
      teacher({ userId: 'math', subjects: ['Toán'], capacity: 4 }),
      teacher({ userId: 'gvcn', homeroomClasses: [{ classId: 'cl-6a', grade: 6 }] }),
    ]);
    expect(ids(ranked)).toEqual(['gvcn', 'math']);
    expect(ranked.every((r) => !r.reasons.includes('subject_fit'))).toBe(true);
  });

  it('breaks ties by given name the Vietnamese way, and respects the limit', () => {
    const names = ['Lường Văn Đức', 'Đặng Thị Lan', 'Quàng Thị Uyên', 'Cầm Thị Thủy'];
    const ranked = rankHelpers(
      child,
      names.map((displayName, i) => teacher({ userId: `t${i}`, displayName })),
    );
    expect(ranked.map((r) => r.displayName)).toEqual([
      'Lường Văn Đức',
      'Đặng Thị Lan',
      'Cầm Thị Thủy',
      'Quàng Thị Uyên',
    ]);
    expect(
      rankHelpers(
        child,
        names.map((n, i) => teacher({ userId: `t${i}`, displayName: n })),
        2,
      ),
    ).toHaveLength(2);
  });

  it('does not change its input', () => {
    const input = [teacher({ userId: 'b', capacity: 1 }), teacher({ userId: 'a', capacity: 3 })];
    const copy = structuredClone(input);
    rankHelpers(child, input);
    expect(input).toEqual(copy);
  });
});

describe('weakSubjectsOf', () => {
  it('takes the subjects already tutored, once each however they were typed', () => {
    expect(
      weakSubjectsOf({ categories: ['weak_results'], tutoredSubjects: ['Toán', 'toán ', 'Tiếng  Anh'] }),
    ).toEqual(['Toán', 'Tiếng Anh']);
  });

  it('adds the exam’s core subjects to a grade-9 case before the entrance exam', () => {
    expect(weakSubjectsOf({ categories: ['grade9_exam'], tutoredSubjects: ['Toan'] })).toEqual([
      'Toan',
      'Ngữ văn',
    ]);
  });

  it('knows nothing about a case without tutoring or exam', () => {
    expect(weakSubjectsOf({ categories: ['economic_hardship'], tutoredSubjects: [] })).toEqual([]);
  });
});

describe('distinctSubjects', () => {
  it('normalises to NFC and drops blanks and repeats', () => {
    expect(distinctSubjects(['Toa\u0301n', 'Toán', ' ', 'Ngữ văn'])).toEqual(['Toán', 'Ngữ văn']);
  });
});
