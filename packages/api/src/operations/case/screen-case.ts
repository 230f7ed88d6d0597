import { AppError } from '@donghanh/domain';
import { screenUpdate } from '@donghanh/workflows/messages';
import type { Context, SessionUser } from '../../context';
import { forwardStep } from './forward-step';

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
  return forwardStep(ctx, input.caseId, screenUpdate, {
    taskId: task.id,
    decision: input.decision,
    reason: input.reason,
  });
}
