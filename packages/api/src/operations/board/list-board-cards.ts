import { BOARD_CARD_LIMIT, type BoardFilter, encodeCursor, listBoardCardRows } from '@donghanh/db';
import { type BoardCard, cardFor, cardViewFor } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/**
 * The caller's board: each card named or masked by `cardViewFor`, plus the feed cursor taken
 * before reading, so the live channel replays from there and a change racing the read is kept.
 */
export async function listBoardCards(ctx: Context & { user: SessionUser }, filter: BoardFilter) {
  const head = await ctx.db.$queryRaw<{ xmin: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
  const cursor = encodeCursor({ txid: BigInt(head[0]?.xmin ?? '0'), id: 0n });
  const scope = await boardScopeOf(ctx.db, ctx.user);
  const rows = await listBoardCardRows(ctx.db, scope.reach, filter);
  const cards: BoardCard[] = [];
  for (const row of rows) {
    const view = cardViewFor(scope, row.audience);
    if (view) cards.push(cardFor(row.card, view));
  }
  return {
    cards,
    cursor,
    /** Whether any card may carry a name: the UI offers the presentation mode either way. */
    named: scope.namedSchoolIds.size > 0 || cards.some((c) => c.studentName !== undefined),
    truncated: rows.length >= BOARD_CARD_LIMIT,
  };
}
