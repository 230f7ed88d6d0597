import { boardRouter } from './router/board';
import { caseRouter } from './router/case';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  case: caseRouter,
  board: boardRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
