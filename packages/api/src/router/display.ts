import { AppError } from '@donghanh/domain';
import { displayAnyManager, displayManager, displayUnitManager } from '../access/display-rules';
import { displayCookie, pairDisplaySession } from '../auth/display-session';
import { createDisplay, listDisplays, revokeDisplay } from '../operations/display/manage-displays';
import { wallBoard } from '../operations/display/wall-board';
import { createRouter, displayProcedure, guarded, publicProcedure } from '../trpc';
import {
  createDisplayInput,
  displayIdInput,
  listDisplaysInput,
  pairInput,
  wallBoardInput,
} from './display.schema';

// wall: the wall display (issue 14)
/** Staff manage the wall displays of the units they coordinate. */
export const displayRouter = createRouter({
  list: guarded(displayAnyManager, listDisplaysInput).query(({ ctx }) => listDisplays(ctx)),
  create: guarded(displayUnitManager, createDisplayInput).mutation(({ ctx, input }) =>
    createDisplay(ctx, input),
  ),
  revoke: guarded(displayManager, displayIdInput).mutation(({ ctx, input }) => revokeDisplay(ctx, input)),
});

/** The screen itself: pair once, then read the masked board — and nothing else. */
export const wallRouter = createRouter({
  pair: publicProcedure.input(pairInput).mutation(async ({ ctx, input }) => {
    const token = await pairDisplaySession(ctx.db, input.code, new Date());
    if (!token) throw new AppError('DISPLAY_PAIR_INVALID');
    ctx.setCookie?.(displayCookie(token));
    return { paired: true };
  }),
  board: displayProcedure.input(wallBoardInput).query(({ ctx }) => wallBoard(ctx, ctx.display)),
});
