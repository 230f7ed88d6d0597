import { AppError, campaignSettingsSchema, type ReportStatus, reportRoundDates } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

/**
 * The campaign's rounds with their days, and the reports of the schools the caller works at as
 * coordinator or principal (the school's list of reports to do).
 */
export async function listRounds(ctx: Context & { user: SessionUser }, campaignId: string) {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: campaignId },
    select: { settings: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const settings = campaignSettingsSchema.parse(campaign.settings);
  const units = ctx.user.roles
    .filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL')
    .map((r) => r.unitId);
  const schools = await ctx.db.school.findMany({
    where: { unitId: { in: units } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const reports = await ctx.db.schoolReport.findMany({
    where: { campaignId, schoolId: { in: schools.map((s) => s.id) } },
    select: { schoolId: true, round: true, status: true, late: true, version: true },
  });
  return {
    rounds: reportRoundDates(settings),
    schools: schools.map((s) => ({
      schoolId: s.id,
      name: s.name,
      reports: reports
        .filter((r) => r.schoolId === s.id)
        .map((r) => ({ round: r.round, status: r.status as ReportStatus, late: r.late, version: r.version }))
        .sort((a, b) => a.round - b.round),
    })),
  };
}
