import { caseWorkflowId, type StepResult } from '@donghanh/workflows/messages';
import type { UpdateDefinition } from '@temporalio/client';
import type { Context, SessionUser } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from './workflow-errors';

/**
 * Forwards a person's step to the case workflow as an Update, signed with the caller's id: the
 * workflow's validator and activity decide whether the step stands; nothing is written here.
 */
export async function forwardStep<A extends { actorId: string }, R = StepResult>(
  ctx: Context & { user: SessionUser },
  caseId: string,
  update: UpdateDefinition<R, [A]>,
  args: Omit<A, 'actorId'>,
  /** Temporal's update id, when the form named its submission: a repeat reaches the first update. */
  updateId?: string,
): Promise<R> {
  try {
    return await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(update, {
        args: [{ ...args, actorId: ctx.user.id } as A],
        ...(updateId ? { updateId } : {}),
      }),
    );
  } catch (error) {
    throw asWorkflowError(error);
  }
}
