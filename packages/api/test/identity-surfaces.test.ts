import { type IdentityView, identityView, type Surface, seesFreeText, type Viewer } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardScopeOf } from '../src/access/board-scope';
import {
  ACTORS,
  type Actor,
  CASE,
  callerFor,
  cipher,
  database,
  sessionUser,
  setUpFixture,
} from './support/fixture';

/**
 * One rule for who sees the child: for every kind of caller, each surface — the case page, the
 * board card, the export, student search, my volunteering — answers exactly what
 * `identityView` says for that caller and that surface.
 */
beforeAll(async () => {
  await setUpFixture();
  await database.db.student.update({
    where: { id: 'st-06' },
    data: { familySealed: cipher.seal('Bố mẹ đi làm xa', 'st-06') },
  });
  await database.db.case.update({ where: { id: CASE }, data: { closureNote: NOTE } });
});
afterAll(() => database?.drop());

const NAME = 'Mùa Thị Dợ';
/** Free text the school wrote on the case. */
const NOTE = 'Em Dợ ở với bà ngoại';
// A wall display holds no person's session: its one surface is tested in wall-display.test.ts.
const CALLERS = (Object.keys(ACTORS) as Actor[]).filter((a) => a !== 'anonymous' && a !== 'wallDisplay');
const FACTS = {
  caseId: CASE,
  schoolId: 's-thcs-chiengle',
  helperUserIds: ['u-gv-lan'],
  offeredUserIds: ['u-gv-duc'],
  homeroomId: null as string | null,
};

async function ruleFor(actor: Actor) {
  const user = await sessionUser(ACTORS[actor]);
  if (!user) return null;
  const homeroom = await database.db.student.findUniqueOrThrow({
    where: { id: 'st-06' },
    select: { class: { select: { homeroomId: true } } },
  });
  const viewer: Viewer = await boardScopeOf(database.db, user);
  return { viewer, facts: { ...FACTS, homeroomId: homeroom.class?.homeroomId ?? null } };
}

async function expected(actor: Actor, surface: Surface): Promise<IdentityView> {
  const r = await ruleFor(actor);
  return r ? identityView(r.viewer, r.facts, surface) : 'none';
}

async function expectedFreeText(actor: Actor): Promise<boolean> {
  const r = await ruleFor(actor);
  return r ? seesFreeText(r.viewer, r.facts, 'case_page') : false;
}

const fails = (p: Promise<unknown>) => p.then(() => false).catch(() => true);

describe('every surface asks the identity rule', () => {
  it.each(CALLERS)('%s', async (actor) => {
    const api = await callerFor(actor);

    const page = await expected(actor, 'case_page');
    if (page === 'none') expect(await fails(api.case.get({ caseId: CASE }))).toBe(true);
    else {
      const c = await api.case.get({ caseId: CASE });
      expect(c.view).toBe(page);
      expect(c.identity?.fullName ?? null).toBe(page === 'masked' ? null : NAME);
      const family = actor === 'helper' || actor === 'coordinator' || actor === 'principal';
      expect(c.identity?.family ?? null).toBe(family ? 'Bố mẹ đi làm xa' : null);
      // The free text (here the closure note) only where the rule gives it.
      const freeText = await expectedFreeText(actor);
      expect(c.closureNote).toBe(freeText ? NOTE : null);
      expect(c.freeText).toBe(freeText);
    }

    const card = (await api.board.cards({})).cards.find((c) => c.caseId === CASE);
    const board = await expected(actor, 'board_card');
    expect(card ? (card.studentName === NAME ? 'named' : 'masked') : 'none').toBe(board);

    const exported = await api.report.exportCases({}).catch(() => null);
    if (exported) {
      const row = exported.csv.split('\n').find((l) => l.startsWith('HS26-MATRIX'));
      const view = await expected(actor, 'export');
      expect(row ? (row.includes(NAME) ? 'named' : 'masked') : 'none').toBe(view);
    }

    const found = (await api.student.search({ q: 'mua thi do' })).some((s) => s.id === 'st-06');
    expect(found ? 'named' : 'none').toBe(await expected(actor, 'student_search'));

    const mine = await api.volunteer.me({}).catch(() => null);
    const listed = mine?.cases.find((c) => c.caseId === CASE);
    if (listed) expect(listed.studentName === NAME ? 'named' : 'masked').toBe(board);
  });

  it('gives the offered teacher the name to decide, but a masked card, no search hit, no free text and no family', async () => {
    expect(await expected('offered', 'case_page')).toBe('named');
    expect(await expected('offered', 'board_card')).toBe('masked');
    expect(await expected('offered', 'student_search')).toBe('none');
    expect(await expectedFreeText('offered')).toBe(false);
    const c = await (await callerFor('offered')).case.get({ caseId: CASE });
    expect(c.view).toBe('named');
    expect(c.identity?.fullName).toBe(NAME);
    expect(c.identity?.family).toBeNull();
    expect(c.closureNote).toBeNull();
    expect(JSON.stringify(c)).not.toContain(NOTE);
    expect(c.freeText).toBe(false);
  });
});
