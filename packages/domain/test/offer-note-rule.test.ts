import { describe, expect, it } from 'vitest';
import { type CaseAudienceFacts, rankAllTeachers, rankHelpers, seesOfferNote, type Viewer } from '../src';

/** setup (issue 14): the coordinator's note to an offered teacher, and every teacher for a full school. */
const FACTS: CaseAudienceFacts = {
  caseId: 'c1',
  schoolId: 's-school',
  helperUserIds: ['u-helper'],
  offeredUserIds: ['u-offered', 'u-co'],
  homeroomId: 'u-homeroom',
};
const viewer = (userId: string, o: Partial<Viewer> = {}): Viewer => ({
  userId,
  namedSchoolIds: new Set(),
  maskedSchoolIds: new Set(),
  ...o,
});

describe('seesOfferNote', () => {
  it('is for the teacher it is addressed to and the school’s managers only', () => {
    expect(seesOfferNote(viewer('u-offered'), FACTS, 'u-offered')).toBe(true);
    expect(seesOfferNote(viewer('u-ct', { namedSchoolIds: new Set(['s-school']) }), FACTS, 'u-offered')).toBe(
      true,
    );
    // Offered too (a co-helper), but not the addressee.
    expect(seesOfferNote(viewer('u-co'), FACTS, 'u-offered')).toBe(false);
    expect(seesOfferNote(viewer('u-homeroom'), FACTS, 'u-offered')).toBe(false);
    expect(seesOfferNote(viewer('u-helper'), FACTS, 'u-offered')).toBe(false);
    expect(
      seesOfferNote(viewer('u-office', { maskedSchoolIds: new Set(['s-school']) }), FACTS, 'u-offered'),
    ).toBe(false);
    expect(seesOfferNote(viewer('u-ct2', { namedSchoolIds: new Set(['s-other']) }), FACTS, 'u-offered')).toBe(
      false,
    );
  });

  it('stays with the teacher once they accept (helper), and only them', () => {
    const accepted = { ...FACTS, helperUserIds: ['u-offered'], offeredUserIds: [] };
    expect(seesOfferNote(viewer('u-offered'), accepted, 'u-offered')).toBe(true);
    expect(seesOfferNote(viewer('u-offered'), accepted, 'u-someone-else')).toBe(false);
  });
});

describe('rankAllTeachers', () => {
  const teachers = [
    {
      userId: 'a',
      displayName: 'Nguyễn Văn An',
      capacity: 1,
      load: 1,
      subjects: ['Toán'],
      homeroomClasses: [],
    },
    { userId: 'b', displayName: 'Lò Thị Bình', capacity: 0, load: 0, subjects: [], homeroomClasses: [] },
    { userId: 'c', displayName: 'Cầm Văn Cường', capacity: 2, load: 0, subjects: [], homeroomClasses: [] },
  ];
  const c = { classId: null, grade: 9, weakSubjects: ['Toán'] };

  it('keeps full teachers and non-volunteers, in the order of the suggestions', () => {
    expect(rankAllTeachers(c, teachers).map((t) => t.userId)).toEqual(['a', 'c', 'b']);
    expect(rankHelpers(c, teachers).map((t) => t.userId)).toEqual(['c']);
  });
});
