import { summariseBoard } from '@donghanh/db';
import { boardScopeOf } from '../access/board-scope';
import { onSchool, signedIn } from '../access/rules';
import { listBoardCards } from '../operations/board/list-board-cards';
import { printMeetingList } from '../operations/board/print-meeting-list';
import { createRouter, guarded } from '../trpc';
import { cardsInput, printMeetingInput, summaryInput } from './board.schema';

export const boardRouter = createRouter({
  /** Cards within the caller's scope: named for their school and their own cases, masked above. */
  cards: guarded(signedIn, cardsInput).query(({ ctx, input }) => listBoardCards(ctx, input)),
  /** Counts per school over the same scope (stages, categories, overdue, high risk, help given). */
  summary: guarded(signedIn, summaryInput).query(async ({ ctx, input }) => {
    const scope = await boardScopeOf(ctx.db, ctx.user);
    return summariseBoard(ctx.db, scope.reach, input);
  }),
  /** fix2: the school's list for the staff meeting, on paper (names per the identity rule); audited. */
  printMeeting: guarded(
    onSchool(['SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR'], 'school:meeting-list'),
    printMeetingInput,
  ).mutation(({ ctx, input }) => printMeetingList(ctx, input.schoolId)),
});
