import { reportRollup } from '@donghanh/db';
import { AppError, campaignSettingsSchema, reportRoundDates } from '@donghanh/domain';
import type { Context } from '../../context';

/** The year's period: its first day to the later of its last day and its last report deadline. */
export function yearPeriod(settings: ReturnType<typeof campaignSettingsSchema.parse>) {
  const rounds = reportRoundDates(settings);
  const lastDue = rounds.at(-1)?.dueOn ?? settings.calendar.yearEnd;
  return {
    from: settings.calendar.yearStart,
    to: lastDue > settings.calendar.yearEnd ? lastDue : settings.calendar.yearEnd,
  };
}

/**
 * An office's roll-up: per unit of its subtree, totals and per-school rows with their report's
 * status. Codes, unit names, statuses and numbers only (reportRollup), for a round or the year.
 */
export async function rollup(
  ctx: Context,
  input: { campaignId: string; unitId: string; round: number | null },
) {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: input.campaignId },
    select: { settings: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
  const settings = campaignSettingsSchema.parse(campaign.settings);
  const rounds = reportRoundDates(settings);
  if (input.round !== null && !rounds.some((r) => r.round === input.round))
    throw new AppError('REPORT_ROUND_UNKNOWN', { round: input.round });
  const tree = await reportRollup(ctx.db, {
    campaignId: input.campaignId,
    unitId: input.unitId,
    scope: input.round !== null ? { round: input.round } : { year: yearPeriod(settings) },
  });
  if (!tree) throw new AppError('UNIT_NOT_FOUND', { unitId: input.unitId });
  return { round: input.round, rounds, tree };
}
