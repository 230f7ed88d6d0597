// The workflow bundle's entry point: every workflow type the worker registers.
export { caseWorkflow } from '../case/case-workflow';
// Notifications (issue 13): one delivery workflow per outbox row
export { deliverNotification } from '../notify/deliver-workflow';
// Report rounds (issue 12, parts 2–4): one workflow per school and round.
export { reportRoundWorkflow } from '../report/report-workflow';
export { caseHistoryErasure } from './history-erasure';
