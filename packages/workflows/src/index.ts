export { type CaseActivities, createCaseActivities } from './activities';
export { rowIds, stepKeys, taskIds } from './case/task-ids';
export { type CaseHistories, type CaseRun, temporalCaseHistories } from './history/case-histories';
export * from './messages';
export { type CaseWorkerOptions, createCaseWorker, workflowsPath } from './worker';
