import { AppError, reportId, reportWorkflowId, STEP_REFUSALS } from '@donghanh/domain';
import type { ReportStepResult } from '@donghanh/workflows';
import { type UpdateDefinition, WorkflowNotFoundError } from '@temporalio/client';
import type { ReportRef } from '../../access/report-rules';
import type { Context, SessionUser } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from '../case/workflow-errors';

/**
 * Forwards a person's step to the school's report workflow as an Update signed with the
 * caller's id: the workflow's validator and activity decide; nothing is written here.
 */
export async function forwardReportStep<A extends { actorId: string }>(
  ctx: Context & { user: SessionUser },
  ref: ReportRef,
  update: UpdateDefinition<ReportStepResult, [A]>,
  args: Omit<A, 'actorId'>,
): Promise<ReportStepResult> {
  try {
    return await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow
        .getHandle(reportWorkflowId(ref.campaignId, ref.round, ref.schoolId))
        .executeUpdate(update, { args: [{ ...args, actorId: ctx.user.id } as A] }),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      // No workflow: the round was never started for this school, or it ended (accepted).
      const row = await ctx.db.schoolReport.findUnique({
        where: { id: reportId(ref.campaignId, ref.round, ref.schoolId) },
        select: { status: true },
      });
      throw row
        ? new AppError('STEP_REJECTED', {
            refusal: 'REPORT_NOT_EDITABLE',
            reason: STEP_REFUSALS.REPORT_NOT_EDITABLE.vi,
            reasonEn: STEP_REFUSALS.REPORT_NOT_EDITABLE.en,
          })
        : new AppError('REPORT_NOT_OPEN');
    }
    throw asWorkflowError(error);
  }
}
