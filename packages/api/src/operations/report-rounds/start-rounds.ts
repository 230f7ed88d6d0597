import { systemClock } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import { startReportRounds } from '@donghanh/workflows';
import type { Context } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from '../case/workflow-errors';

/**
 * Starts the campaign's report rounds at every school below its unit, one workflow per school and
 * round (idempotent: a running or finished round is not started again). Called when a campaign
 * is created or its rounds change, and by hand after a school is added.
 */
export async function startRounds(ctx: Context, campaignId: string) {
  const exists = await ctx.db.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
  if (!exists) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  try {
    return await withWorkflowDeadline(ctx, () =>
      startReportRounds(ctx.db, ctx.temporal, { campaignId, clock: systemClock(), taskQueue: ctx.taskQueue }),
    );
  } catch (error) {
    throw asWorkflowError(error);
  }
}

/**
 * After a campaign is created or its rounds change: start the rounds, but never fail the
 * campaign's own change for it (Temporal may be down). The answer says whether they started;
 * `reportRound.start` repeats it safely.
 */
export async function startRoundsAfterChange(
  ctx: Context,
  campaignId: string,
): Promise<'started' | 'not_started'> {
  try {
    await startRounds(ctx, campaignId);
    return 'started';
  } catch {
    return 'not_started';
  }
}
