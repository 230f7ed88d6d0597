import type { BoardCard } from './case-schemas';
import { type CaseAudienceFacts, identityView, type Surface, type Viewer } from './identity-rule';

export type { CaseAudienceFacts } from './identity-rule';

/**
 * The board, its export and the live channel: which cards a viewer holds and whether each is
 * named. The decision itself is `identityView` (identity-rule.ts), asked per surface.
 */
export type BoardScope = Viewer;

export type CardView = 'named' | 'masked';

/** The card's view on a card-shaped surface (board, socket, export), or null when absent. */
export function cardViewFor(
  scope: BoardScope,
  facts: CaseAudienceFacts,
  surface: Extract<Surface, 'board_card' | 'socket' | 'export'> = 'board_card',
): CardView | null {
  const view = identityView(scope, facts, surface);
  if (view === 'named') return 'named';
  // An office's reveal never names a card: anything but `named` or `none` is masked.
  return view === 'none' ? null : 'masked';
}

/** The card as `view` may see it: a masked card has no name field at all, not an empty one. */
export function cardFor(card: BoardCard, view: CardView): BoardCard {
  return view === 'named' ? card : maskedCard(card);
}

/**
 * A masked card, built field by field (an allow-list): a field added to the card later stays
 * off masked cards, the wall display and office boards until someone adds it here.
 */
export function maskedCard(card: BoardCard): BoardCard {
  return {
    caseId: card.caseId,
    code: card.code,
    stage: card.stage,
    categories: [...card.categories],
    schoolId: card.schoolId,
    schoolName: card.schoolName,
    classId: card.classId,
    className: card.className,
    riskLevel: card.riskLevel,
    helperId: card.helperId,
    helperName: card.helperName,
    overdue: card.overdue,
    version: card.version,
    updatedAt: card.updatedAt,
  };
}

// wall: the wall display (issue 14)
/** The scope of a wall display: the schools of its unit, none of them named, no person's cases. */
export function wallScope(displayId: string, schoolIds: Iterable<string>): BoardScope {
  return { userId: `display:${displayId}`, namedSchoolIds: new Set(), maskedSchoolIds: new Set(schoolIds) };
}

/** A card on the wall: present when the rule gives the display the case, and then always masked. */
export function wallCardFor(scope: BoardScope, card: BoardCard, facts: CaseAudienceFacts): BoardCard | null {
  return identityView(scope, facts, 'wall') === 'none' ? null : maskedCard(card);
}

/** A scope that sees nothing (admins without a school or office role). */
export function emptyBoardScope(userId: string): BoardScope {
  return { userId, namedSchoolIds: new Set(), maskedSchoolIds: new Set() };
}

/**
 * socket.io rooms: a socket joins `roomsOfScope`, and an event for a case is offered to the
 * sockets in `roomsOfCase`; `cardViewFor` then decides named or masked. A socket outside every
 * room of a case never even gets to the decision.
 */
export const namedRoom = (schoolId: string) => `school:${schoolId}:named`;
export const maskedRoom = (schoolId: string) => `school:${schoolId}:masked`;
export const userRoom = (userId: string) => `user:${userId}`;

export function roomsOfScope(scope: BoardScope): string[] {
  return [
    userRoom(scope.userId),
    ...[...scope.namedSchoolIds].map(namedRoom),
    ...[...scope.maskedSchoolIds].map(maskedRoom),
  ];
}

export function roomsOfCase(facts: CaseAudienceFacts): string[] {
  const users = [...facts.helperUserIds, ...facts.offeredUserIds];
  if (facts.homeroomId) users.push(facts.homeroomId);
  return [namedRoom(facts.schoolId), maskedRoom(facts.schoolId), ...users.map(userRoom)];
}

/**
 * Who may have held a case before the event that carries this: the schools it left (their named
 * and masked audiences: coordinators, principal, offices above) and the people who held it there
 * by name — former helpers (replaced, declined, lapsed, ended) and the homeroom teacher of the
 * class a transferred child left. Never a school's other teachers: they never had the card, and
 * a removal would tell them a case id they never held.
 */
export interface FormerAudience {
  schoolIds: readonly string[];
  userIds: readonly string[];
}

export function roomsOfFormer(former: FormerAudience): string[] {
  return [
    ...former.schoolIds.flatMap((id) => [namedRoom(id), maskedRoom(id)]),
    ...former.userIds.map(userRoom),
  ];
}

/** Whether the scope was in the case's former audience (so it must hear that the case left). */
export function wasInFormerAudience(scope: BoardScope, former: FormerAudience): boolean {
  return (
    former.userIds.includes(scope.userId) ||
    former.schoolIds.some((id) => scope.namedSchoolIds.has(id) || scope.maskedSchoolIds.has(id))
  );
}
