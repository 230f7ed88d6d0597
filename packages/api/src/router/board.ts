import { encodeCursor, listBoardCards } from '@donghanh/db';
import { createRouter, publicProcedure } from '../trpc';
import { cardsInput } from './board.schema';

export const boardRouter = createRouter({
  /**
   * The board's cards plus the feed cursor taken before reading them: the client subscribes
   * from that cursor, so a change racing the read is replayed, never lost.
   */
  cards: publicProcedure.input(cardsInput).query(async ({ ctx, input }) => {
    const head = await ctx.db.$queryRaw<{ xmin: string }[]>`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
    const cursor = encodeCursor({ txid: BigInt(head[0]?.xmin ?? '0'), id: 0n });
    const cards = await listBoardCards(ctx.db, input);
    return { cards, cursor };
  }),
});
