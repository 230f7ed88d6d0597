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

/** Delays of the human steps, in ms: from the campaign calendar, compressed in tests. */
export interface CaseTiming {
  screeningMs: number;
  assignmentMs: number;
  offerResponseMs: number;
  planMs: number;
  planReviewMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMING: CaseTiming = {
  screeningMs: 14 * DAY_MS,
  assignmentMs: 7 * DAY_MS,
  offerResponseMs: 7 * DAY_MS,
  planMs: 14 * DAY_MS,
  planReviewMs: 7 * DAY_MS,
};

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
  timing?: Partial<CaseTiming> | undefined;
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

export type ScreenResult = StepResult;

export interface StepResult {
  caseId: string;
  stage: CaseStage;
  eventId: string;
}

export interface AssignHelperArgs {
  taskId: string;
  actorId: string;
  helperId: string;
  coHelperIds?: string[] | undefined;
  sponsor?: { name: string; note?: string | undefined } | undefined;
}

export interface RespondOfferArgs {
  taskId: string;
  actorId: string;
  accept: boolean;
  reason?: string | undefined;
}

export interface PlanGoals {
  week: string;
  month: string;
  semester: string;
}

export interface SubmitPlanArgs {
  taskId: string;
  actorId: string;
  goals: PlanGoals;
  kinds: string[];
}

export interface ReviewPlanArgs {
  taskId: string;
  actorId: string;
  approve: boolean;
  comment?: string | undefined;
}

export interface CaseWorkflowState {
  caseId: string;
  stage: CaseStage | 'starting';
  openTaskIds: string[];
  helperId: string | null;
  /** The offer waiting for the helper's answer, if any. */
  offer: { round: number; taskId: string; helperId: string } | null;
  assignmentRound: number;
  planVersion: number;
}

/** Resolves once the case is written: the caller of update-with-start gets the case back. */
export const identifyUpdate = defineUpdate<IdentifyResult>('identify');
export const screenUpdate = defineUpdate<ScreenResult, [ScreenArgs]>('screen');
export const assignHelperUpdate = defineUpdate<StepResult, [AssignHelperArgs]>('assignHelper');
export const respondOfferUpdate = defineUpdate<StepResult, [RespondOfferArgs]>('respondOffer');
export const submitPlanUpdate = defineUpdate<StepResult, [SubmitPlanArgs]>('submitPlan');
export const reviewPlanUpdate = defineUpdate<StepResult, [ReviewPlanArgs]>('reviewPlan');
export const stateQuery = defineQuery<CaseWorkflowState>('state');

/** Error types the API maps to stable codes. */
export const STEP_REJECTED = 'StepRejected';
/** A business rule refused the step (type `RuleViolation:<RULE>`), e.g. a teacher's capacity. */
export const RULE_VIOLATION = 'RuleViolation';
