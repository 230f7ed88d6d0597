/**
 * Who sees the child: the one rule every surface asks (docs/privacy.md is this file as a table).
 *
 * A surface gathers two kinds of facts — about the viewer (which schools they manage, which they
 * watch from an office, which identities they revealed) and about the case (its school, its
 * helpers, the teacher it is offered to, the child's homeroom teacher) — and asks
 * `identityView(viewer, facts, surface)`. The answer:
 * - `named`: the child's identity (and, on the case page, the case's free text when
 *   `seesFreeText` says so: not for a teacher only offered the case);
 * - `revealed`: an office user's audited, expiring reveal: who the child is, nothing more (no
 *   family text, no free text);
 * - `masked`: a pseudonym (code, class, school) and codes, counts, dates and enums only;
 * - `none`: the case does not exist for this viewer on this surface.
 */

/** Where a case (or a student) leaves the server. */
export const SURFACES = [
  'case_page',
  'board_card',
  'socket',
  'export',
  'student_search',
  'email',
  // wall: the wall display (issue 14)
  'wall',
] as const;
export type Surface = (typeof SURFACES)[number];

export const IDENTITY_VIEWS = ['named', 'revealed', 'masked', 'none'] as const;
export type IdentityView = (typeof IDENTITY_VIEWS)[number];

/** What is known about the viewer, gathered once per request or per socket. */
export interface Viewer {
  userId: string;
  /** Schools where the viewer is coordinator or principal (exactly the school's own unit). */
  namedSchoolIds: ReadonlySet<string>;
  /** Schools under the viewer's office units. */
  maskedSchoolIds: ReadonlySet<string>;
  /** Cases whose child the viewer revealed, for a reason, and the reveal has not expired. */
  revealedCaseIds?: ReadonlySet<string>;
}

/** What decides a case's audience, read with the case but never sent. */
export interface CaseAudienceFacts {
  /** Needed only to match a reveal; surfaces that never reveal may leave it out. */
  caseId?: string;
  schoolId: string;
  /** Teachers helping the case now (accepted). */
  helperUserIds: readonly string[];
  /** Teachers the case is offered to and who have not answered yet. */
  offeredUserIds: readonly string[];
  /** Homeroom teacher of the child's class. */
  homeroomId: string | null;
}

/** How the viewer stands to the case, strongest first. */
export type CaseRelation = 'school_manager' | 'helper' | 'homeroom' | 'offered' | 'office' | 'stranger';

export function relationTo(viewer: Viewer, facts: CaseAudienceFacts): CaseRelation {
  if (viewer.namedSchoolIds.has(facts.schoolId)) return 'school_manager';
  if (facts.helperUserIds.includes(viewer.userId)) return 'helper';
  if (facts.homeroomId !== null && facts.homeroomId === viewer.userId) return 'homeroom';
  if (facts.offeredUserIds.includes(viewer.userId)) return 'offered';
  if (viewer.maskedSchoolIds.has(facts.schoolId)) return 'office';
  return 'stranger';
}

/** Staff of the child's own school with a lasting role on the case. */
const ON_THE_CASE: ReadonlySet<CaseRelation> = new Set(['school_manager', 'helper', 'homeroom']);

/**
 * The rule. Deliberate choices:
 * - A teacher only *offered* a case sees the name on the case page (audited) to decide, but a
 *   masked card on the board and the socket (unaudited surfaces), cannot find the child in
 *   search, and gets what the school wrote (`seesFreeText`) and the family's circumstances
 *   (`seesFamily`) only after accepting: the name is enough to decide, the story is not hers yet.
 * - An office's reveal is a case-page matter: it never names a card, a socket frame or an export.
 * - E-mail leaves our servers for mailboxes we do not control: masked for everyone.
 * - Student search finds children by name, so it is `named` or `none`, never masked.
 * - The wall display (a screen in a staff room or an office, read by anyone passing by, held by
 *   a display session rather than a person) is masked for everyone: the scope decides which
 *   cases it holds, never whether they are named.
 */
export function identityView(viewer: Viewer, facts: CaseAudienceFacts, surface: Surface): IdentityView {
  const relation = relationTo(viewer, facts);
  if (relation === 'stranger') return 'none';
  switch (surface) {
    case 'case_page':
      if (ON_THE_CASE.has(relation) || relation === 'offered') return 'named';
      return facts.caseId !== undefined && viewer.revealedCaseIds?.has(facts.caseId) ? 'revealed' : 'masked';
    case 'board_card':
    case 'socket':
    case 'export':
      return ON_THE_CASE.has(relation) ? 'named' : 'masked';
    case 'student_search':
      return ON_THE_CASE.has(relation) ? 'named' : 'none';
    case 'email':
    case 'wall':
      return 'masked';
  }
}

/**
 * The family's circumstances (sealed at rest): only on the case page, only for staff of the
 * child's school with a lasting role on the case — not for an offer not yet accepted, not for an
 * office's reveal.
 */
export function seesFamily(viewer: Viewer, facts: CaseAudienceFacts, surface: Surface): boolean {
  return surface === 'case_page' && ON_THE_CASE.has(relationTo(viewer, facts));
}

/**
 * The case's free text (plan goals, comments, check-in notes, evaluation text, the closure note,
 * the sponsor, event payloads — whatever people wrote): only where the child is `named` and only
 * for staff with a lasting role on the case. A teacher only offered the case sees the name to
 * decide, and the allow-listed content (`maskedCaseContent`) like an office after a reveal.
 */
export function seesFreeText(viewer: Viewer, facts: CaseAudienceFacts, surface: Surface): boolean {
  return ON_THE_CASE.has(relationTo(viewer, facts)) && identityView(viewer, facts, surface) === 'named';
}

/**
 * setup: the coordinator's note to a teacher offered a case (free text, personal data): for the
 * teacher it is addressed to, while offered or once helping, and for the school's coordinators
 * and principal who wrote it — never for an office, another teacher or the homeroom teacher.
 */
export function seesOfferNote(viewer: Viewer, facts: CaseAudienceFacts, addresseeId: string): boolean {
  const relation = relationTo(viewer, facts);
  if (relation === 'school_manager') return true;
  return viewer.userId === addresseeId && (relation === 'offered' || relation === 'helper');
}
