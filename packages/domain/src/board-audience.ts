import type { BoardCard } from './case-schemas';

/**
 * Who sees a case on the board, and how. Decided here once, for the board query and for every
 * socket.io event, so the two can never disagree about whether a name may leave the server.
 */
export interface BoardScope {
  userId: string;
  /** Schools where the user coordinates or is principal: cards with the child's name. */
  namedSchoolIds: ReadonlySet<string>;
  /** Schools under the user's office units: pseudonymous cards only. */
  maskedSchoolIds: ReadonlySet<string>;
}

/** What decides a case's audience, read with the card but never sent. */
export interface CaseAudienceFacts {
  schoolId: string;
  /** Teachers helping the case now (accepted). */
  helperUserIds: readonly string[];
  /**
   * Teachers the case is offered to: they see it on their board, masked, until they accept
   * (the case page shows them the name, with an audit row, to decide).
   */
  offeredUserIds: readonly string[];
  /** Homeroom teacher of the child's class. */
  homeroomId: string | null;
}

export type CardView = 'named' | 'masked';

export function cardViewFor(scope: BoardScope, facts: CaseAudienceFacts): CardView | null {
  if (scope.namedSchoolIds.has(facts.schoolId)) return 'named';
  if (facts.homeroomId === scope.userId || facts.helperUserIds.includes(scope.userId)) return 'named';
  if (scope.maskedSchoolIds.has(facts.schoolId) || facts.offeredUserIds.includes(scope.userId))
    return 'masked';
  return null;
}

/** The card as `view` may see it: a masked card has no name field at all, not an empty one. */
export function cardFor(card: BoardCard, view: CardView): BoardCard {
  if (view === 'named') return card;
  const { studentName: _, ...masked } = card;
  return masked;
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
