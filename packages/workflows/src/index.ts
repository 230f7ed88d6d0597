export { type CaseActivities, createCaseActivities } from './activities';
export { rowIds, stepKeys, taskIds } from './case/task-ids';
export * from './messages';
export { type CaseWorkerOptions, createCaseWorker, workflowsPath } from './worker';
