import { AppError, isStepRefusal, STEP_REFUSALS } from '@donghanh/domain';
import { RULE_VIOLATION, STEP_REJECTED } from '@donghanh/workflows/messages';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
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
} as const;

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
    if (rule?.[0] === RULE_VIOLATION && rule[1] && rule[1] in RULE_CODES)
      return new AppError(RULE_CODES[rule[1] as keyof typeof RULE_CODES]);
  }
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
