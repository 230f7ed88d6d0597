import { encodeCursor, feedHeadOf, listBoardCardRows } from '@donghanh/db';
import { type BoardCard, wallCardFor, wallScope } from '@donghanh/domain';
import type { DisplaySession } from '../../auth/display-session';
import type { Context } from '../../context';

/**
 * The wall's board: the cases of the display's unit, each asked of the identity rule on the
 * `wall` surface and built as the masked card (an allow-list), whoever made the display. The feed
 * cursor is taken before reading, as for the board, so the socket replays what raced the read.
 */
export async function wallBoard(ctx: Context, display: DisplaySession) {
  const cursor = encodeCursor(await feedHeadOf(ctx.db));
  const scope = wallScope(display.id, display.schoolIds);
  const rows = display.schoolIds.length
    ? await listBoardCardRows(ctx.db, { schoolIds: display.schoolIds, userId: scope.userId })
    : [];
  const cards: BoardCard[] = [];
  for (const row of rows) {
    const card = wallCardFor(scope, row.card, row.audience);
    if (card) cards.push(card);
  }
  const unit = await ctx.db.unit.findUnique({ where: { id: display.unitId }, select: { name: true } });
  return { label: display.label, unitName: unit?.name ?? '', cards, cursor };
}
