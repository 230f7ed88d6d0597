export { boardScopeOf } from './access/board-scope';
// wall: the wall display (issue 14)
export {
  DISPLAY_COOKIE,
  type DisplaySession,
  resolveDisplayByHash,
  resolveDisplaySession,
} from './auth/display-session';
export {
  clearSessionCookie,
  createSession,
  destroySession,
  type ResolvedSession,
  resolveSession,
  resolveSessionById,
  SESSION_COOKIE,
  sessionCookie,
  withSecureFlag,
} from './auth/session';
export { SIGN_IN_SCHEDULE, type SignInSchedule, signInDelayMs } from './auth/throttle';
export type { ApiDeps, Context, RoleOnUnit, SessionUser } from './context';
export { runTemporalCodec, type TemporalCodecRequest } from './operations/admin/temporal-codec';
export { caseIdFor } from './operations/case/case-identity';
export { identifyCase } from './operations/case/identify-case';
export { screenCase } from './operations/case/screen-case';
// class-list import (issue 12, part 1): the upload route and the template live in apps/server
export { classListTemplate } from './operations/student-import/class-list-template';
export {
  authoriseClassListUpload,
  receiveAuthorisedUpload,
  uploadClassList,
} from './operations/student-import/upload-class-list';
export { type AppRouter, appRouter, createCaller } from './root';
