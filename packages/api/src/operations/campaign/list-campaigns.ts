import { listCampaignRows } from '@donghanh/db';
import type { z } from 'zod';
import { campaignUnitsVisibleTo } from '../../access/campaign-rules';
import type { Context, SessionUser } from '../../context';
import type { listCampaignsInput } from '../../router/campaign.schema';
import { type CampaignSummary, summarise } from './campaign-summary';

/** Campaign names are Vietnamese text: the collator, never code-point order (Đ after Z). */
const byName = new Intl.Collator('vi');

/** The campaigns the caller sees: open ones first, then the newest school year, then by name. */
export async function listCampaigns(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof listCampaignsInput>,
): Promise<CampaignSummary[]> {
  const visible = await campaignUnitsVisibleTo(ctx);
  const rows = await listCampaignRows(ctx.db, {
    unitIds: visible ? [...visible] : null,
    activeOnly: input.activeOnly,
  });
  const list = await summarise(ctx, rows);
  return list.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || b.schoolYear - a.schoolYear || byName.compare(a.name, b.name),
  );
}
