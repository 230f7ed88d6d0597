/**
 * The contract between the API and the case workflow: task queue, ids, updates and queries,
 * defined once. Only types come from the domain package so the workflow bundle stays small
 * (it is copied into every cached workflow's V8 context).
 */

import type {
  CaseCategory,
  CaseStage,
  CheckInReport,
  ClosureReason,
  EvaluationDraft,
  RecordConsentInput,
  RecordLegalBasisInput,
} from '@donghanh/domain';
import type { CaseClock } from '@donghanh/domain/campaign/pure';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const TASK_QUEUE = 'donghanh-cases';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/**
 * The workflow that deletes a case's Temporal histories once its personal data is erased. Its
 * own history holds only the case id and counts, never the child's data.
 */
export function caseHistoryErasureWorkflowId(caseId: string): string {
  return `case-history-erasure-${caseId}`;
}

export interface CaseHistoryErasureInput {
  caseId: string;
}

/** Delays of the human steps, in ms: from the campaign calendar, compressed in tests. */
export interface CaseTiming {
  screeningMs: number;
  assignmentMs: number;
  offerResponseMs: number;
  /**
   * h13: how long before an unanswered offer lapses its teacher is warned (bell and e-mail); 0
   * or not shorter than `offerResponseMs`: no warning. From the campaign's `offerWarningHours`.
   */
  offerWarningMs: number;
  planMs: number;
  planReviewMs: number;
  /** A closed case's erasure stopped by a legal hold is tried again after this long. */
  erasureRetryMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMING: CaseTiming = {
  screeningMs: 14 * DAY_MS,
  assignmentMs: 7 * DAY_MS,
  offerResponseMs: 7 * DAY_MS,
  offerWarningMs: DAY_MS,
  planMs: 14 * DAY_MS,
  planReviewMs: 7 * DAY_MS,
  erasureRetryMs: 30 * DAY_MS,
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
  /** Maps the school calendar to real time (compressed in tests); realClock(now) by default. */
  clock: CaseClock;
  /** Set when a semester continues as new: the case resumes where the last run left it. */
  resume?: CaseResume | undefined;
}

/** What one run hands the next when the case continues as new (each semester). */
export interface CaseResume {
  state: CaseWorkflowState;
  identifiedEventId: string;
  /** The calendar day from which the next term is planned; today when absent. */
  fromDate?: string | undefined;
  /** The helper must first confirm the student came back after summer. */
  confirmReturn: boolean;
}

/** One month's check-in on the case's clock (epoch ms). */
export interface CheckInTimes {
  key: string;
  opensAt: number;
  remindAt: number;
  dueAt: number;
  /** The calendar day it is due ('YYYY-MM-DD'); `dueAt` is the end of that day. Absent in runs started before it existed. */
  dueOn?: string | undefined;
  escalateAt: number;
}

export interface CheckInStatus {
  window: CheckInTimes;
  taskId: string;
  term: string;
  filed: boolean;
  reminded: boolean;
  escalated: boolean;
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
  /** setup: offer to a teacher with no free place ("ask a teacher"); accepting raises their capacity by one. */
  ask?: boolean | undefined;
  /** setup: the coordinator's note to the teacher (free text, shown only to that teacher and the school's managers). */
  note?: string | undefined;
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

export interface FileCheckInArgs {
  taskId: string;
  actorId: string;
  report: CheckInReport;
}

/** A filed check-in corrected, with the reason: the helper or a coordinator (both versions kept). */
export interface AmendCheckInArgs {
  actorId: string;
  /** 'YYYY-MM' of the filed check-in. */
  month: string;
  report: CheckInReport;
  reason: string;
  /**
   * The correction's own id, made by the form when it opened and kept across its retries: the
   * correction is written once under it. Absent in updates recorded before it existed.
   */
  amendmentId?: string | undefined;
}

/** A coordinator closes a follow-up (late check-in, high-risk alert) with what was done. */
export interface AcknowledgeArgs {
  taskId: string;
  actorId: string;
  note?: string | undefined;
}

/** The coordinator opens the semester evaluation before its date (leaving school, transfer…). */
export interface StartEvaluationArgs {
  actorId: string;
  reason: string;
}

export interface SubmitEvaluationArgs {
  taskId: string;
  actorId: string;
  draft: EvaluationDraft;
}

/** Coordinator review, then the principal's sign-off: approve, or return with a comment. */
export interface DecideArgs {
  taskId: string;
  actorId: string;
  approve: boolean;
  comment?: string | undefined;
}

export interface ProposeClosureArgs {
  actorId: string;
  reason: ClosureReason;
  note?: string | undefined;
}

/** The guardian or the child withdrew consent: the case closes at once and its free text goes. */
export interface WithdrawConsentArgs {
  actorId: string;
  by: 'guardian' | 'child';
  /** The day the family withdrew ('YYYY-MM-DD'). */
  on: string;
  /** Staff-only, sealed, erased with the case's free text. */
  note?: string | undefined;
}

/**
 * The school records the family's consent (or states a legal basis instead): a case step, so
 * the case's workflow is its one writer. `recordingId` names this recording (the API sends it as
 * the update's id too): a retried request writes it once.
 */
export interface RecordConsentArgs {
  actorId: string;
  recordingId: string;
  consent: Omit<RecordConsentInput, 'caseId'>;
  /** The requester's address, for the audit row. */
  ip?: string | null | undefined;
}

export interface RecordLegalBasisArgs {
  actorId: string;
  recordingId: string;
  legalBasis: Omit<RecordLegalBasisInput, 'caseId'>;
  ip?: string | null | undefined;
}

/** What a consent recording answers: its event, and whether it closed the child's-consent task. */
export interface ConsentRecordedResult {
  caseId: string;
  eventId: string;
  closedChildConsentTask: boolean;
}

/** An admin brings a closed case under the retention rule (a run from before it existed). */
export interface ApplyRetentionArgs {
  actorId: string;
}

export interface ApplyRetentionResult {
  caseId: string;
  /** The erase-on day now on the case ('YYYY-MM-DD'), null when the case is not closed. */
  eraseOn: string | null;
  /** Whether this run was waiting without a retention timer and now has one. */
  started: boolean;
}

export interface ReopenArgs {
  actorId: string;
  reason: string;
}

export interface RequestTransferArgs {
  actorId: string;
  toSchoolId: string;
  toSchoolUnitId: string;
  note?: string | undefined;
}

export interface ReplaceHelperArgs {
  actorId: string;
  helperId: string;
  reason: string;
}

export interface ConfirmReturnArgs {
  taskId: string;
  actorId: string;
  returned: boolean;
  note?: string | undefined;
}

export interface AddNoteArgs {
  actorId: string;
  text: string;
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
  /** The semester this run covers, e.g. '2026-2027-HK1' (học kỳ I). */
  term: string | null;
  evaluationVersion: number;
  /** A closure waiting for the principal: the stage to return to if it is refused. */
  closure: { reason: ClosureReason; returnTo: CaseStage; round: number } | null;
  transfer: { toSchoolId: string; toSchoolUnitId: string; round: number; taskId: string } | null;
  schoolId: string;
  schoolUnitId: string;
  /** Runs of this case so far (one per semester: continue-as-new). */
  runs: number;
  riskLevel: 'low' | 'medium' | 'high' | null;
  /** This term's check-ins and any earlier one still unfiled, by month 'YYYY-MM'. */
  checkIns: Record<string, CheckInStatus>;
  evaluation: {
    term: string;
    version: number;
    step: 'draft' | 'review' | 'signoff' | 'done';
    dueAt: number;
  } | null;
  /** Bumped when the case leaves its current help (closed, transferred, reopened): stale timers stop. */
  era: number;
  counters: {
    closure: number;
    transfer: number;
    replace: number;
    reopen: number;
    note: number;
    amend?: number;
  };
}

/** Resolves once the case is written: the caller of update-with-start gets the case back. */
export const identifyUpdate = defineUpdate<IdentifyResult>('identify');
export const screenUpdate = defineUpdate<ScreenResult, [ScreenArgs]>('screen');
export const assignHelperUpdate = defineUpdate<StepResult, [AssignHelperArgs]>('assignHelper');
export const respondOfferUpdate = defineUpdate<StepResult, [RespondOfferArgs]>('respondOffer');
export const submitPlanUpdate = defineUpdate<StepResult, [SubmitPlanArgs]>('submitPlan');
export const reviewPlanUpdate = defineUpdate<StepResult, [ReviewPlanArgs]>('reviewPlan');
export const fileCheckInUpdate = defineUpdate<StepResult & { late: boolean }, [FileCheckInArgs]>(
  'fileCheckIn',
);
export const acknowledgeUpdate = defineUpdate<StepResult, [AcknowledgeArgs]>('acknowledge');
export const startEvaluationUpdate = defineUpdate<StepResult, [StartEvaluationArgs]>('startEvaluation');
export const submitEvaluationUpdate = defineUpdate<StepResult, [SubmitEvaluationArgs]>('submitEvaluation');
export const reviewEvaluationUpdate = defineUpdate<StepResult, [DecideArgs]>('reviewEvaluation');
export const signOffEvaluationUpdate = defineUpdate<StepResult, [DecideArgs]>('signOffEvaluation');
export const proposeClosureUpdate = defineUpdate<StepResult, [ProposeClosureArgs]>('proposeClosure');
export const decideClosureUpdate = defineUpdate<StepResult, [DecideArgs]>('decideClosure');
export const reopenUpdate = defineUpdate<StepResult, [ReopenArgs]>('reopen');
export const withdrawConsentUpdate = defineUpdate<StepResult, [WithdrawConsentArgs]>('withdrawConsent');
/**
 * Before recordConsent: the API recorded a consent outside the workflow and told it so. No longer
 * sent; its handler stays so the histories that hold it replay.
 */
export const consentRecordedUpdate = defineUpdate<{ closedTask: boolean }, []>('consentRecorded');
/** The single writer of a consent: records it and closes the child's-consent task when it holds it. */
export const recordConsentUpdate = defineUpdate<ConsentRecordedResult, [RecordConsentArgs]>('recordConsent');
export const recordLegalBasisUpdate = defineUpdate<ConsentRecordedResult, [RecordLegalBasisArgs]>(
  'recordLegalBasis',
);
/** Admin: a closed case whose run has no erasure timer (closed before retention) gets one. */
export const applyRetentionUpdate = defineUpdate<ApplyRetentionResult, [ApplyRetentionArgs]>(
  'applyRetention',
);
export const requestTransferUpdate = defineUpdate<StepResult, [RequestTransferArgs]>('requestTransfer');
export const answerTransferUpdate = defineUpdate<StepResult, [DecideArgs]>('answerTransfer');
export const replaceHelperUpdate = defineUpdate<StepResult, [ReplaceHelperArgs]>('replaceHelper');
export const confirmReturnUpdate = defineUpdate<StepResult, [ConfirmReturnArgs]>('confirmReturn');
export const addNoteUpdate = defineUpdate<StepResult, [AddNoteArgs]>('addNote');
export const amendCheckInUpdate = defineUpdate<StepResult, [AmendCheckInArgs]>('amendCheckIn');
export const stateQuery = defineQuery<CaseWorkflowState>('state');

/** Stages in which help is under way: check-ins run, and timers still act on the case. */
export const HELPING_STAGES = ['active', 'evaluation', 'closure'] as const satisfies readonly CaseStage[];
export type HelpingStage = (typeof HELPING_STAGES)[number];

/** Error types the API maps to stable codes. */
export const STEP_REJECTED = 'StepRejected';
/** A business rule refused the step (type `RuleViolation:<RULE>`), e.g. a teacher's capacity. */
export const RULE_VIOLATION = 'RuleViolation';
