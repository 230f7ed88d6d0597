import type { BoardCard } from './case-schemas';
import { type CaseAudienceFacts, identityView, type Surface, type Viewer } from './identity-rule';

export type { CaseAudienceFacts } from './identity-rule';

/**
 * The board, its export and the live channel: which cards a viewer holds and whether each is
 * named. The decision itself is `identityView` (identity-rule.ts), asked per surface.
 */
export type BoardScope = Viewer & {
  /**
   * Schools where the user teaches: never a reason to see a case (the rule decides that), only
   * where to tell them that a case they had — as homeroom teacher, say — has left.
   */
  staffSchoolIds?: ReadonlySet<string>;
};

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
export const staffRoom = (schoolId: string) => `school:${schoolId}:staff`;

export function roomsOfScope(scope: BoardScope): string[] {
  return [
    userRoom(scope.userId),
    ...[...scope.namedSchoolIds].map(namedRoom),
    ...[...scope.maskedSchoolIds].map(maskedRoom),
    ...[...(scope.staffSchoolIds ?? [])].map(staffRoom),
  ];
}

export function roomsOfCase(facts: CaseAudienceFacts): string[] {
  const users = [...facts.helperUserIds, ...facts.offeredUserIds];
  if (facts.homeroomId) users.push(facts.homeroomId);
  return [namedRoom(facts.schoolId), maskedRoom(facts.schoolId), ...users.map(userRoom)];
}

/**
 * Who may have held a case before the event that carries this: former helpers (replaced,
 * declined, lapsed, ended) and, for a transfer, everyone at the school it left.
 */
export interface FormerAudience {
  schoolIds: readonly string[];
  userIds: readonly string[];
}

export function roomsOfFormer(former: FormerAudience): string[] {
  return [
    ...former.schoolIds.flatMap((id) => [namedRoom(id), maskedRoom(id), staffRoom(id)]),
    ...former.userIds.map(userRoom),
  ];
}

/** Whether the scope was in the case's former audience (so it must hear that the case left). */
export function wasInFormerAudience(scope: BoardScope, former: FormerAudience): boolean {
  return (
    former.userIds.includes(scope.userId) ||
    former.schoolIds.some(
      (id) =>
        scope.namedSchoolIds.has(id) || scope.maskedSchoolIds.has(id) || !!scope.staffSchoolIds?.has(id),
    )
  );
}
