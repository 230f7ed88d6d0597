/**
 * The contract between the API and the case workflow: task queue, ids, updates and queries,
 * defined once. Only types come from the domain package so the workflow bundle stays small
 * (it is copied into every cached workflow's V8 context).
 */

import type { CaseCategory, CaseStage } from '@donghanh/domain';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const TASK_QUEUE = 'donghanh-cases';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface CaseWorkflowInput {
  caseId: string;
  code: string;
  campaignId: string;
  studentId: string;
  schoolId: string;
  /** The unit of the student's school: its coordinators screen the case. */
  schoolUnitId: string;
  categories: CaseCategory[];
  source: string;
  reason?: string | undefined;
  identifiedById?: string | null | undefined;
}

export interface IdentifyResult {
  caseId: string;
  code: string;
  eventId: string;
}

export interface ScreenArgs {
  taskId: string;
  actorId: string;
  decision: 'accept' | 'decline';
  reason?: string | undefined;
}

export interface ScreenResult {
  caseId: string;
  stage: CaseStage;
  eventId: string;
}

export interface CaseWorkflowState {
  caseId: string;
  stage: CaseStage | 'starting';
  openTaskIds: string[];
}

/** Resolves once the case is written: the caller of update-with-start gets the case back. */
export const identifyUpdate = defineUpdate<IdentifyResult>('identify');
export const screenUpdate = defineUpdate<ScreenResult, [ScreenArgs]>('screen');
export const stateQuery = defineQuery<CaseWorkflowState>('state');

/** Error types the API maps to stable codes. */
export const STEP_REJECTED = 'StepRejected';
