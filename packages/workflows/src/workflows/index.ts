// The workflow bundle's entry point: every workflow type the worker registers.
export { caseWorkflow } from '../case/case-workflow';
// Notifications (issue 13): one delivery workflow per outbox row
export { deliverNotification } from '../notify/deliver-workflow';
