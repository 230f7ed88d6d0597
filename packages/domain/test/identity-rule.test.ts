import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseAudienceFacts,
  cardViewFor,
  identityView,
  relationTo,
  SURFACES,
  type Surface,
  seesFamily,
  seesFreeText,
  type Viewer,
} from '../src';

const FACTS: CaseAudienceFacts = {
  caseId: 'c1',
  schoolId: 's-school',
  helperUserIds: ['u-helper'],
  offeredUserIds: ['u-offered'],
  homeroomId: 'u-homeroom',
};
const viewer = (userId: string, o: Partial<Viewer> = {}): Viewer => ({
  userId,
  namedSchoolIds: new Set(),
  maskedSchoolIds: new Set(),
  ...o,
});
const VIEWERS = {
  manager: viewer('u-ct', { namedSchoolIds: new Set(['s-school']) }),
  helper: viewer('u-helper'),
  homeroom: viewer('u-homeroom'),
  offered: viewer('u-offered'),
  office: viewer('u-office', { maskedSchoolIds: new Set(['s-school']) }),
  officeRevealed: viewer('u-office', {
    maskedSchoolIds: new Set(['s-school']),
    revealedCaseIds: new Set(['c1']),
  }),
  otherSchool: viewer('u-ct2', { namedSchoolIds: new Set(['s-other']) }),
  admin: viewer('u-admin'),
};

/** The table in docs/privacy.md, row by row: keep them the same. */
const TABLE: Record<keyof typeof VIEWERS, Record<Surface, string>> = {
  manager: {
    case_page: 'named',
    board_card: 'named',
    socket: 'named',
    export: 'named',
    student_search: 'named',
    email: 'masked',
    wall: 'masked',
  },
  helper: {
    case_page: 'named',
    board_card: 'named',
    socket: 'named',
    export: 'named',
    student_search: 'named',
    email: 'masked',
    wall: 'masked',
  },
  homeroom: {
    case_page: 'named',
    board_card: 'named',
    socket: 'named',
    export: 'named',
    student_search: 'named',
    email: 'masked',
    wall: 'masked',
  },
  offered: {
    case_page: 'named',
    board_card: 'masked',
    socket: 'masked',
    export: 'masked',
    student_search: 'none',
    email: 'masked',
    wall: 'masked',
  },
  office: {
    case_page: 'masked',
    board_card: 'masked',
    socket: 'masked',
    export: 'masked',
    student_search: 'none',
    email: 'masked',
    wall: 'masked',
  },
  officeRevealed: {
    case_page: 'revealed',
    board_card: 'masked',
    socket: 'masked',
    export: 'masked',
    student_search: 'none',
    email: 'masked',
    wall: 'masked',
  },
  otherSchool: {
    case_page: 'none',
    board_card: 'none',
    socket: 'none',
    export: 'none',
    student_search: 'none',
    email: 'none',
    wall: 'none',
  },
  admin: {
    case_page: 'none',
    board_card: 'none',
    socket: 'none',
    export: 'none',
    student_search: 'none',
    email: 'none',
    wall: 'none',
  },
};

describe('the identity rule', () => {
  it('answers the documented table', () => {
    for (const [who, row] of Object.entries(TABLE))
      for (const surface of SURFACES)
        expect([who, surface, identityView(VIEWERS[who as keyof typeof VIEWERS], FACTS, surface)]).toEqual([
          who,
          surface,
          row[surface],
        ]);
  });

  it('opens the family text only on the case page, only for staff with a lasting role', () => {
    const family = Object.entries(VIEWERS)
      .filter(([, v]) => seesFamily(v, FACTS, 'case_page'))
      .map(([k]) => k);
    expect(family).toEqual(['manager', 'helper', 'homeroom']);
    for (const s of SURFACES.filter((x) => x !== 'case_page'))
      expect(seesFamily(VIEWERS.manager, FACTS, s)).toBe(false);
  });

  it("gives the case page's free text to staff with a lasting role: an offered teacher gets the name, not the story", () => {
    const freeText = Object.entries(VIEWERS)
      .filter(([, v]) => seesFreeText(v, FACTS, 'case_page'))
      .map(([k]) => k);
    expect(freeText).toEqual(['manager', 'helper', 'homeroom']);
    expect(identityView(VIEWERS.offered, FACTS, 'case_page')).toBe('named');
    expect(seesFreeText(VIEWERS.offered, FACTS, 'case_page')).toBe(false);
    expect(seesFreeText(VIEWERS.manager, FACTS, 'email')).toBe(false);
  });
});

const USERS = ['u1', 'u2', 'u3'];
const SCHOOLS = ['s1', 's2', 's3'];
const arbViewer = fc.record({
  userId: fc.constantFrom(...USERS),
  named: fc.subarray(SCHOOLS),
  masked: fc.subarray(SCHOOLS),
  revealed: fc.boolean(),
});
const arbFacts = fc.record({
  schoolId: fc.constantFrom(...SCHOOLS),
  helperUserIds: fc.subarray(USERS),
  offeredUserIds: fc.subarray(USERS),
  homeroomId: fc.option(fc.constantFrom(...USERS), { nil: null }),
});
const toViewer = (v: { userId: string; named: string[]; masked: string[]; revealed: boolean }): Viewer => ({
  userId: v.userId,
  namedSchoolIds: new Set(v.named),
  maskedSchoolIds: new Set(v.masked),
  revealedCaseIds: new Set(v.revealed ? ['c'] : []),
});
const withCase = (f: Omit<CaseAudienceFacts, 'caseId'>): CaseAudienceFacts => ({ ...f, caseId: 'c' });

describe('properties of the identity rule', () => {
  it('names a child only to staff of the school or people on the case, never by e-mail', () => {
    fc.assert(
      fc.property(arbViewer, arbFacts, fc.constantFrom(...SURFACES), (v, f, surface) => {
        const view = identityView(toViewer(v), withCase(f), surface);
        if (view !== 'named') return;
        expect(surface).not.toBe('email');
        const onCase =
          v.named.includes(f.schoolId) ||
          f.helperUserIds.includes(v.userId) ||
          f.homeroomId === v.userId ||
          (surface === 'case_page' && f.offeredUserIds.includes(v.userId));
        expect(onCase).toBe(true);
      }),
    );
  });

  it('a reveal changes the case page only, and only for an office with no other role on the case', () => {
    fc.assert(
      fc.property(arbViewer, arbFacts, fc.constantFrom(...SURFACES), (v, f, surface) => {
        const before = identityView(toViewer({ ...v, revealed: false }), withCase(f), surface);
        const after = identityView(toViewer({ ...v, revealed: true }), withCase(f), surface);
        if (before === after) return;
        expect([surface, before, after]).toEqual(['case_page', 'masked', 'revealed']);
        expect(relationTo(toViewer(v), withCase(f))).toBe('office');
      }),
    );
  });

  it('the case page is the most open surface: whoever sees a card or a search hit sees the page', () => {
    const rank = { none: 0, masked: 1, revealed: 2, named: 3 } as const;
    fc.assert(
      fc.property(arbViewer, arbFacts, fc.constantFrom(...SURFACES), (v, f, surface) => {
        const page = identityView(toViewer(v), withCase(f), 'case_page');
        expect(rank[page]).toBeGreaterThanOrEqual(rank[identityView(toViewer(v), withCase(f), surface)]);
      }),
    );
  });

  it('no relation to the case means nothing on any surface; the family and free text need a lasting role', () => {
    fc.assert(
      fc.property(arbViewer, arbFacts, fc.constantFrom(...SURFACES), (v, f, surface) => {
        const viewer = toViewer(v);
        const facts = withCase(f);
        const relation = relationTo(viewer, facts);
        if (relation === 'stranger') expect(identityView(viewer, facts, surface)).toBe('none');
        if (seesFamily(viewer, facts, surface)) {
          expect(surface).toBe('case_page');
          expect(['school_manager', 'helper', 'homeroom']).toContain(relation);
        }
        // Free text never goes further than the name, nor to anyone without a lasting role.
        if (seesFreeText(viewer, facts, surface)) {
          expect(identityView(viewer, facts, surface)).toBe('named');
          expect(['school_manager', 'helper', 'homeroom']).toContain(relation);
        }
      }),
    );
  });

  it('cards on the board, the socket and the export follow the rule', () => {
    fc.assert(
      fc.property(
        arbViewer,
        arbFacts,
        fc.constantFrom('board_card', 'socket', 'export' as const),
        (v, f, s) => {
          const view = identityView(toViewer(v), withCase(f), s);
          expect(cardViewFor(toViewer(v), withCase(f), s)).toBe(view === 'none' ? null : view);
        },
      ),
    );
  });
});
