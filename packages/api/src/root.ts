import { auditRouter } from './router/audit';
import { authRouter } from './router/auth';
import { boardRouter } from './router/board';
import { caseRouter } from './router/case';
import { studentRouter } from './router/student';
import { taskRouter } from './router/task';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  audit: auditRouter,
  auth: authRouter,
  case: caseRouter,
  board: boardRouter,
  student: studentRouter,
  task: taskRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
