import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardCard,
  type BoardScope,
  cardFor,
  cardViewFor,
  emptyBoardScope,
  roomsOfCase,
  roomsOfFormer,
  roomsOfScope,
  wasInFormerAudience,
} from '../src';

const scope: BoardScope = {
  userId: 'u-me',
  namedSchoolIds: new Set(['s-mine']),
  maskedSchoolIds: new Set(['s-mine', 's-below']),
};
const facts = (
  schoolId: string,
  helperUserIds: string[] = [],
  homeroomId: string | null = null,
  offeredUserIds: string[] = [],
) => ({ schoolId, helperUserIds, offeredUserIds, homeroomId });

describe('board audience', () => {
  it('names the child for the own school, the helpers and the homeroom teacher', () => {
    expect(cardViewFor(scope, facts('s-mine'))).toBe('named');
    expect(cardViewFor(scope, facts('s-far', ['u-me']))).toBe('named');
    expect(cardViewFor(scope, facts('s-far', [], 'u-me'))).toBe('named');
  });

  it('shows a teacher an offered case masked until they accept it', () => {
    expect(cardViewFor(scope, facts('s-far', [], null, ['u-me']))).toBe('masked');
    expect(cardViewFor(scope, facts('s-far', ['u-me'], null, []))).toBe('named');
  });

  it('masks cases of schools under an office unit and hides the rest', () => {
    expect(cardViewFor(scope, facts('s-below', ['u-other'], 'u-other'))).toBe('masked');
    expect(cardViewFor(scope, facts('s-far', ['u-other']))).toBeNull();
    expect(cardViewFor(emptyBoardScope('u-admin'), facts('s-mine'))).toBeNull();
  });

  it('drops the name field entirely from a masked card', () => {
    const card: BoardCard = {
      caseId: 'c1',
      code: 'HS26-AAAAAA',
      stage: 'active',
      categories: ['weak_results'],
      schoolId: 's-mine',
      schoolName: 'THCS',
      classId: null,
      className: '7A',
      riskLevel: null,
      helperId: null,
      helperName: null,
      overdue: false,
      studentName: 'Lò Thị Mai',
      version: 1,
      updatedAt: '2026-11-23T00:00:00.000Z',
    };
    expect(cardFor(card, 'named').studentName).toBe('Lò Thị Mai');
    const masked = cardFor(card, 'masked');
    expect('studentName' in masked).toBe(false);
    expect(JSON.stringify(masked)).not.toContain('Mai');
  });
});

describe('rooms', () => {
  it('a scope shares a room with a case exactly when it may see the case', () => {
    const schools = ['s1', 's2', 's3'];
    const users = ['u1', 'u2', 'u3'];
    fc.assert(
      fc.property(
        fc.constantFrom(...users),
        fc.subarray(schools),
        fc.subarray(schools),
        fc.constantFrom(...schools),
        fc.subarray(users),
        fc.subarray(users),
        fc.option(fc.constantFrom(...users)),
        (userId, named, masked, schoolId, helperUserIds, offeredUserIds, homeroomId) => {
          const s: BoardScope = { userId, namedSchoolIds: new Set(named), maskedSchoolIds: new Set(masked) };
          const f = { schoolId, helperUserIds, offeredUserIds, homeroomId };
          const shared = roomsOfCase(f).some((r) => roomsOfScope(s).includes(r));
          expect(shared).toBe(cardViewFor(s, f) !== null);
        },
      ),
    );
  });
});

describe('the former audience of a case that left', () => {
  const former = { schoolIds: ['s-old'], userIds: ['u-old-homeroom', 'u-old-helper'] };
  const teacher = (userId: string): BoardScope => ({
    userId,
    namedSchoolIds: new Set(),
    maskedSchoolIds: new Set(),
  });

  it("is the school's named and masked audiences and the people who held the card, not its other teachers", () => {
    expect(roomsOfFormer(former).sort()).toEqual(
      ['school:s-old:masked', 'school:s-old:named', 'user:u-old-helper', 'user:u-old-homeroom'].sort(),
    );
    expect(wasInFormerAudience(teacher('u-old-homeroom'), former)).toBe(true);
    expect(wasInFormerAudience({ ...teacher('u-ct'), namedSchoolIds: new Set(['s-old']) }, former)).toBe(
      true,
    );
    expect(wasInFormerAudience({ ...teacher('u-office'), maskedSchoolIds: new Set(['s-old']) }, former)).toBe(
      true,
    );
    // A teacher of the old school who never held the card shares no room with it and is not told.
    const other = teacher('u-other-teacher');
    expect(wasInFormerAudience(other, former)).toBe(false);
    expect(roomsOfScope(other).some((r) => roomsOfFormer(former).includes(r))).toBe(false);
  });
});
