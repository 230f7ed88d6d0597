import type { Prisma } from '@donghanh/db';
import { AppError, changedSettingsKeys, validateCampaignSettings } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { updateCampaignSettingsInput } from '../../router/campaign.schema';
import { startRoundsAfterChange } from '../report-rounds/start-rounds';

/**
 * Replaces a campaign's settings after the domain's checks. Running cases pick them up the next
 * time their workflow plans a term; timers already set for the current term keep their dates.
 * The audit row names the changed top-level keys, never their values.
 */
export async function updateCampaignSettings(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof updateCampaignSettingsInput>,
): Promise<{ campaignId: string; changed: string[]; reportRounds?: 'started' | 'not_started' }> {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: input.campaignId },
    select: { schoolYear: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
  const result = validateCampaignSettings(input.settings, { schoolYear: campaign.schoolYear });
  if (!result.ok) throw new AppError('CALENDAR_INVALID', { issues: result.issues });
  const saved = await ctx.db.$transaction(async (tx) => {
    // Two admins saving at once: the second diff is taken against the first one's settings.
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${input.campaignId} FOR UPDATE`;
    const current = await tx.campaign.findUniqueOrThrow({
      where: { id: input.campaignId },
      select: { settings: true },
    });
    const changed = changedSettingsKeys(current.settings, result.settings);
    if (changed.length === 0) return { campaignId: input.campaignId, changed };
    await tx.campaign.update({
      where: { id: input.campaignId },
      data: { settings: result.settings as unknown as Prisma.InputJsonValue },
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'campaign.settings.update',
        subjectType: 'campaign',
        subjectId: input.campaignId,
        reason: `Các mục thay đổi: ${changed.join(', ')}`,
        ip: ctx.clientAddress,
      },
    });
    return { campaignId: input.campaignId, changed };
  });
  // Report rounds (issue 12): rounds set or changed start the rounds not yet running. A round
  // already running keeps the days it registered with (docs/reports.md).
  if (saved.changed.includes('reportDeadlines') || saved.changed.includes('reportRounds'))
    return { ...saved, reportRounds: await startRoundsAfterChange(ctx, input.campaignId) };
  return saved;
}
