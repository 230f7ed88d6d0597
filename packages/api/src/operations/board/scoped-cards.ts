import { BOARD_CARD_LIMIT, type BoardFilter, listBoardCardRows } from '@donghanh/db';
import { type BoardCard, type BoardScope, cardFor, cardViewFor } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/**
 * The caller's cards on `surface`, each named or masked by the identity rule (`cardViewFor` asks
 * `identityView`): what the board shows and what an export may contain come from one rule.
 */
export async function scopedCards(
  ctx: Context & { user: SessionUser },
  filter: BoardFilter,
  surface: 'board_card' | 'export' = 'board_card',
): Promise<{ scope: BoardScope; cards: BoardCard[]; truncated: boolean }> {
  const scope = await boardScopeOf(ctx.db, ctx.user);
  const rows = await listBoardCardRows(ctx.db, scope.reach, filter);
  const cards: BoardCard[] = [];
  for (const row of rows) {
    const view = cardViewFor(scope, row.audience, surface);
    if (view) cards.push(cardFor(row.card, view));
  }
  return { scope, cards, truncated: rows.length >= BOARD_CARD_LIMIT };
}
