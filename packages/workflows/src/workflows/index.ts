// The workflow bundle's entry point: every workflow type the worker registers.
export { caseWorkflow } from '../case/case-workflow';
export { caseHistoryErasure } from './history-erasure';
