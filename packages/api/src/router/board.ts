import { summariseBoard } from '@donghanh/db';
import { boardScopeOf } from '../access/board-scope';
import { signedIn } from '../access/rules';
import { listBoardCards } from '../operations/board/list-board-cards';
import { createRouter, guarded } from '../trpc';
import { cardsInput, summaryInput } from './board.schema';

export const boardRouter = createRouter({
  /** Cards within the caller's scope: named for their school and their own cases, masked above. */
  cards: guarded(signedIn, cardsInput).query(({ ctx, input }) => listBoardCards(ctx, input)),
  /** Counts per school over the same scope (stages, categories, overdue, high risk, help given). */
  summary: guarded(signedIn, summaryInput).query(async ({ ctx, input }) => {
    const scope = await boardScopeOf(ctx.db, ctx.user);
    return summariseBoard(ctx.db, scope.reach, input);
  }),
});
