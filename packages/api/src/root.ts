import { adminRouter } from './router/admin';
import { auditRouter } from './router/audit';
import { authRouter } from './router/auth';
import { boardRouter } from './router/board';
import { campaignRouter } from './router/campaign';
import { caseRouter } from './router/case';
// Notifications (issue 13)
import { notificationRouter } from './router/notification';
import { consentRouter, privacyRouter } from './router/privacy';
import { reportRouter } from './router/report';
import { studentRouter } from './router/student';
import { taskRouter } from './router/task';
import { volunteerRouter } from './router/volunteer';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  admin: adminRouter,
  audit: auditRouter,
  auth: authRouter,
  campaign: campaignRouter,
  case: caseRouter,
  consent: consentRouter,
  notification: notificationRouter,
  privacy: privacyRouter,
  board: boardRouter,
  report: reportRouter,
  student: studentRouter,
  task: taskRouter,
  volunteer: volunteerRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
