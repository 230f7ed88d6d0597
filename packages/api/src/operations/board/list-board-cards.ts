import { type BoardFilter, encodeCursor, feedHeadOf } from '@donghanh/db';
import type { Context, SessionUser } from '../../context';
import { scopedCards } from './scoped-cards';

/**
 * The caller's board plus the feed cursor taken before reading, so the live channel replays
 * from there and a change racing the read is kept.
 */
export async function listBoardCards(ctx: Context & { user: SessionUser }, filter: BoardFilter) {
  const cursor = encodeCursor(await feedHeadOf(ctx.db));
  const { scope, cards, truncated } = await scopedCards(ctx, filter);
  return {
    cards,
    cursor,
    /** Whether any card may carry a name: the UI offers the presentation mode either way. */
    named: scope.namedSchoolIds.size > 0 || cards.some((c) => c.studentName !== undefined),
    truncated,
  };
}
