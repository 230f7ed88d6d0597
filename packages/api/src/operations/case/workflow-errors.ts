import { AppError } from '@donghanh/domain';
import { STEP_REJECTED } from '@donghanh/workflows/messages';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Context } from '../../context';

/** Maps what Temporal throws to a stable application error; unknown failures stay internal. */
export function asWorkflowError(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === STEP_REJECTED)
      return new AppError('STEP_REJECTED', { reason: cause.message });
  }
  const grpcCode = (error as { code?: number } | null)?.code;
  // 14 = UNAVAILABLE, 4 = DEADLINE_EXCEEDED: the Temporal frontend cannot be reached.
  if (grpcCode === 14 || grpcCode === 4 || /ServiceError|UNAVAILABLE|connect/i.test(String(error)))
    return new AppError('WORKFLOW_UNAVAILABLE');
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
