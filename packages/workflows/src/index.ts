export { type CaseActivities, createCaseActivities } from './activities';
export { rowIds, stepKeys, taskIds } from './case/task-ids';
export { type CaseHistories, type CaseRun, temporalCaseHistories } from './history/case-histories';
export * from './messages';
export { reportKeys } from './report/report-keys';
// Report rounds (issue 12, parts 2–4)
export * from './report/report-messages';
export { type StartRoundsOptions, startReportRounds } from './report/start-rounds';
export { type CaseWorkerOptions, createCaseWorker, workflowsPath } from './worker';
