import { adminRouter } from './router/admin';
import { auditRouter } from './router/audit';
import { authRouter } from './router/auth';
import { boardRouter } from './router/board';
import { campaignRouter } from './router/campaign';
import { caseRouter } from './router/case';
// class-list import and the new school year (issue 12, part 1)
import { classListRouter, schoolYearRouter } from './router/class-list';
import { commendationRouter } from './router/commendation';
// wall: the wall display (issue 14)
import { displayRouter, wallRouter } from './router/display';
// Notifications (issue 13)
import { notificationRouter } from './router/notification';
import { consentRouter, privacyRouter } from './router/privacy';
import { reportRouter } from './router/report';
// Report rounds (issue 12, parts 2–4)
import { reportRoundRouter } from './router/report-rounds';
// setup: classes and homeroom teachers (issue 14)
import { schoolClassRouter } from './router/school-class';
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
  // Report rounds (issue 12, parts 2–4)
  reportRound: reportRoundRouter,
  commendation: commendationRouter,
  student: studentRouter,
  task: taskRouter,
  volunteer: volunteerRouter,
  // class-list import and the new school year (issue 12, part 1)
  classList: classListRouter,
  schoolYear: schoolYearRouter,
  // setup: classes and homeroom teachers (issue 14)
  schoolClass: schoolClassRouter,
  // wall: the wall display (issue 14)
  display: displayRouter,
  wall: wallRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
