import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { setCampaignActiveInput } from '../../router/campaign.schema';

/**
 * Closes or reopens a campaign. A closed campaign takes no new case (case.identify answers
 * CAMPAIGN_CLOSED); cases already in it go on, so a child is never dropped mid-year.
 */
export async function setCampaignActive(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof setCampaignActiveInput>,
): Promise<{ campaignId: string; active: boolean; changed: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    const c = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { active: true } });
    if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
    if (c.active === input.active) return { campaignId: input.campaignId, active: c.active, changed: false };
    // Only the transition writes: a repeated click must not leave a second audit row.
    const { count } = await tx.campaign.updateMany({
      where: { id: input.campaignId, active: c.active },
      data: { active: input.active },
    });
    if (count === 0) return { campaignId: input.campaignId, active: input.active, changed: false };
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: input.active ? 'campaign.reopen' : 'campaign.close',
        subjectType: 'campaign',
        subjectId: input.campaignId,
        ip: ctx.clientAddress,
      },
    });
    return { campaignId: input.campaignId, active: input.active, changed: true };
  });
}
