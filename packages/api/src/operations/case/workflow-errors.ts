import { AppError, ERROR_MESSAGES, isStepRefusal, STEP_REFUSALS } from '@donghanh/domain';
import { RULE_VIOLATION, STEP_REJECTED } from '@donghanh/workflows/messages';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Context } from '../../context';

// gRPC status codes meaning the Temporal frontend did not answer in time.
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

function isUnreachable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === UNAVAILABLE || e.code === DEADLINE_EXCEEDED) return true;
    e = e.cause as typeof e;
  }
  return false;
}

const RULE_CODES = {
  CAPACITY_EXCEEDED: 'CAPACITY_EXCEEDED',
  HELPER_NOT_FOUND: 'HELPER_NOT_FOUND',
  HELPER_OUTSIDE_SCHOOL: 'HELPER_OUTSIDE_SCHOOL',
  ACTOR_NOT_ALLOWED: 'ACTOR_NOT_ALLOWED',
  SCHOOL_NOT_FOUND: 'SCHOOL_NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  CASE_MOVED_ON: 'CASE_MOVED_ON',
  CONSENT_NOT_RECORDED: 'CONSENT_NOT_RECORDED',
  CONSENT_ALREADY_WITHDRAWN: 'CONSENT_ALREADY_WITHDRAWN',
  CONSENT_DATE_INVALID: 'CONSENT_DATE_INVALID',
  CASE_NOT_FOUND: 'CASE_NOT_FOUND',
  // The consent step's own rules (recorded through the case workflow) and retention's.
  CONSENT_CHILD_REQUIRED: 'CONSENT_CHILD_REQUIRED',
  CONSENT_COVERAGE_INCOMPLETE: 'CONSENT_COVERAGE_INCOMPLETE',
  CONSENT_WITNESS_INVALID: 'CONSENT_WITNESS_INVALID',
  LEGAL_BASIS_NOT_FOUND: 'LEGAL_BASIS_NOT_FOUND',
  ENCRYPTION_NOT_CONFIGURED: 'ENCRYPTION_NOT_CONFIGURED',
  CALENDAR_INVALID: 'CALENDAR_INVALID',
  // A report's remarks that name a pupil (privacy fixes).
  TEXT_NAMES_A_PUPIL: 'TEXT_NAMES_A_PUPIL',
} as const;

function ruleError(
  code: (typeof RULE_CODES)[keyof typeof RULE_CODES],
  failure: ApplicationFailure,
): AppError {
  const first = failure.details?.[0];
  const details =
    first && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : {};
  // A reason that only repeats the code's own message (perhaps with an id) would be shown twice.
  const repeats = failure.message.startsWith(ERROR_MESSAGES[code].vi);
  return new AppError(code, repeats ? details : { reason: failure.message, ...details });
}

/** The workflow names why it refused a step by a code; both texts come from the catalogue. */
function refusalDetails(cause: ApplicationFailure): Record<string, unknown> {
  const refusal = (cause.details?.[0] as { refusal?: unknown } | undefined)?.refusal;
  if (!isStepRefusal(refusal)) return { reason: cause.message };
  return { refusal, reason: STEP_REFUSALS[refusal].vi, reasonEn: STEP_REFUSALS[refusal].en };
}

/** Maps what Temporal throws to a stable application error; unknown failures stay internal. */
export function asWorkflowError(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === STEP_REJECTED)
      return new AppError('STEP_REJECTED', refusalDetails(cause));
    const rule = cause instanceof ApplicationFailure ? cause.type?.split(':') : undefined;
    if (
      cause instanceof ApplicationFailure &&
      rule?.[0] === RULE_VIOLATION &&
      rule[1] &&
      rule[1] in RULE_CODES
    )
      // The rule's own words (e.g. "Lớp đã đủ số học sinh thí điểm (3/3)") and its structured
      // details (each eligibility reason in vi and en) travel on to the screen.
      return ruleError(RULE_CODES[rule[1] as keyof typeof RULE_CODES], cause);
  }
  // The case row exists (every step's access rule read it), so its workflow did too: it has
  // finished — a declined case — and takes no more steps.
  if (error instanceof WorkflowNotFoundError) return new AppError('CASE_CLOSED');
  if (isUnreachable(error)) return new AppError('WORKFLOW_UNAVAILABLE');
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Runs a workflow call under a deadline: without one the client retries an unreachable
 * Temporal for a long time while the person waits. A call that timed out after the workflow
 * accepted it is safe to repeat: every step is idempotent.
 */
export function withWorkflowDeadline<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  return ctx.temporal.connection.withDeadline(Date.now() + (ctx.workflowTimeoutMs ?? 10_000), fn);
}
