import type { BoardCard, LiveCaseEvent, LiveCaseRemoved } from '@donghanh/domain';

export interface BoardState {
  cards: Map<string, BoardCard>;
  /** Event ids already applied: a replay after reconnecting may resend a few. */
  seen: Set<string>;
  cursor: string | null;
  highlighted: Map<string, number>;
}

export function initialBoard(cards: BoardCard[], cursor: string): BoardState {
  return { cards: new Map(cards.map((c) => [c.caseId, c])), seen: new Set(), cursor, highlighted: new Map() };
}

/** Applies a live event; keeps the newer version when a card's updates cross. Pure. */
export function applyLiveEvent(state: BoardState, e: LiveCaseEvent, now: number): BoardState {
  if (state.seen.has(e.id)) return state;
  const seen = new Set(state.seen);
  seen.add(e.id);
  if (seen.size > 5000) seen.delete(seen.values().next().value as string);
  const current = state.cards.get(e.caseId);
  const cards = new Map(state.cards);
  if (!current || current.version <= e.card.version) cards.set(e.caseId, e.card);
  const highlighted = new Map(state.highlighted);
  highlighted.set(e.caseId, now);
  return { cards, seen, cursor: e.cursor, highlighted };
}

/** The case left this board's audience: drop its card (a later event may bring it back). Pure. */
export function applyLiveRemoval(state: BoardState, e: LiveCaseRemoved): BoardState {
  if (state.seen.has(e.id)) return state;
  const seen = new Set(state.seen);
  seen.add(e.id);
  if (seen.size > 5000) seen.delete(seen.values().next().value as string);
  const cards = new Map(state.cards);
  cards.delete(e.caseId);
  const highlighted = new Map(state.highlighted);
  highlighted.delete(e.caseId);
  return { cards, seen, cursor: e.cursor, highlighted };
}
