import { AppError } from '@donghanh/domain';
import { caseWorkflowId, screenUpdate } from '@donghanh/workflows/messages';
import type { Context, SessionUser } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from './workflow-errors';

export interface ScreenCaseInput {
  caseId: string;
  decision: 'accept' | 'decline';
  reason?: string | undefined;
}

/** The coordinator's screening decision, forwarded to the case workflow as an Update. */
export async function screenCase(ctx: Context & { user: SessionUser }, input: ScreenCaseInput) {
  const task = await ctx.db.task.findFirst({
    where: { caseId: input.caseId, type: 'screening', status: 'OPEN' },
    select: { id: true },
  });
  if (!task) {
    const exists = await ctx.db.case.count({ where: { id: input.caseId } });
    throw exists
      ? new AppError('STEP_REJECTED', { reason: 'no open screening task' })
      : new AppError('CASE_NOT_FOUND');
  }
  try {
    return await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow.getHandle(caseWorkflowId(input.caseId)).executeUpdate(screenUpdate, {
        args: [
          {
            taskId: task.id,
            actorId: ctx.user.id,
            decision: input.decision,
            reason: input.reason,
          },
        ],
      }),
    );
  } catch (error) {
    throw asWorkflowError(error);
  }
}
