export { type CaseActivities, createCaseActivities } from './activities';
export * from './messages';
export { type CaseWorkerOptions, createCaseWorker, workflowsPath } from './worker';
