import { randomUUID } from 'node:crypto';
import type { Prisma } from '@donghanh/db';
import {
  AppError,
  type CampaignSettings,
  campaignSettingsSchema,
  DEFAULT_2025_2026,
  DEFAULT_2026_2027,
  shiftSettingsYears,
  validateCampaignSettings,
} from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { createCampaignInput } from '../../router/campaign.schema';
import { startRoundsAfterChange } from '../report-rounds/start-rounds';

type Input = z.output<typeof createCampaignInput>;
/** Where the new campaign's settings came from: typed in, copied from another year, or the ministry frame. */
export type SettingsSource = 'given' | 'copied' | 'default';

/** Settings that must pass the same checks as typed ones; anything else is CALENDAR_INVALID. */
function checked(
  settings: unknown,
  schoolYear: number,
  extra: Record<string, unknown> = {},
): CampaignSettings {
  const result = validateCampaignSettings(settings, { schoolYear });
  if (!result.ok) throw new AppError('CALENDAR_INVALID', { ...extra, issues: result.issues });
  return result.settings;
}

async function initialSettings(
  ctx: Context,
  input: Input,
): Promise<{ settings: CampaignSettings; source: SettingsSource }> {
  if (input.settings) return { settings: checked(input.settings, input.schoolYear), source: 'given' };
  if (input.copyFromCampaignId) {
    const from = await ctx.db.campaign.findUnique({
      where: { id: input.copyFromCampaignId },
      select: { settings: true },
    });
    if (!from) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.copyFromCampaignId });
    const base = campaignSettingsSchema.safeParse(from.settings);
    if (!base.success) {
      throw new AppError('CALENDAR_INVALID', {
        copyFromCampaignId: input.copyFromCampaignId,
        issues: base.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const shifted = shiftSettingsYears(base.data, input.schoolYear - base.data.schoolYear);
    return {
      settings: checked(shifted, input.schoolYear, { copyFromCampaignId: input.copyFromCampaignId }),
      source: 'copied',
    };
  }
  const frame = input.schoolYear === DEFAULT_2025_2026.schoolYear ? DEFAULT_2025_2026 : DEFAULT_2026_2027;
  return {
    settings: checked(shiftSettingsYears(frame, input.schoolYear - frame.schoolYear), input.schoolYear),
    source: 'default',
  };
}

/**
 * Opens a campaign on a unit for one school year. Without settings it starts from another
 * campaign's (or the ministry frame), every date moved by whole years: weekdays and Tết move
 * too, so the answer says the calendar needs the admin's review.
 *
 * One campaign per unit and school year: case workflows look up "the unit's campaign for next
 * year" to plan past the summer, and two would make that choice arbitrary.
 */
export async function createCampaign(ctx: Context & { user: SessionUser }, input: Input) {
  const unit = await ctx.db.unit.findUnique({ where: { id: input.unitId }, select: { id: true } });
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitId: input.unitId });
  const { settings, source } = await initialSettings(ctx, input);
  const id = `camp-${randomUUID().slice(0, 12)}`;
  await ctx.db.$transaction(async (tx) => {
    // Serialises two creations for the same unit and year, so both cannot pass the check below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`campaign:${input.unitId}:${input.schoolYear}`}))`;
    const existing = await tx.campaign.findFirst({
      where: { unitId: input.unitId, schoolYear: input.schoolYear },
      select: { id: true },
    });
    if (existing) throw new AppError('CAMPAIGN_EXISTS', { campaignId: existing.id });
    await tx.campaign.create({
      data: {
        id,
        unitId: input.unitId,
        name: input.name,
        schoolYear: input.schoolYear,
        settings: settings as unknown as Prisma.InputJsonValue,
        active: true,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'campaign.create',
        subjectType: 'campaign',
        subjectId: id,
        reason: source === 'copied' ? `Sao chép thiết lập từ ${input.copyFromCampaignId}` : null,
        ip: ctx.clientAddress,
      },
    });
  });
  // Report rounds (issue 12): one workflow per school and round, started with the campaign.
  const reportRounds = await startRoundsAfterChange(ctx, id);
  return { campaignId: id, settingsSource: source, calendarNeedsReview: source !== 'given', reportRounds };
}
