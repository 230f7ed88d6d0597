export type { ApiDeps, Context } from './context';
export { caseIdFor } from './operations/case/case-identity';
export { identifyCase } from './operations/case/identify-case';
export { screenCase } from './operations/case/screen-case';
export { type AppRouter, appRouter, createCaller } from './root';
