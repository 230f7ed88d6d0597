import { commendationFacts, systemToday } from '@donghanh/db';
import {
  AppError,
  type CommendationIndicators,
  campaignSettingsSchema,
  commendationIndicatorsOf,
  emptyIndicators,
} from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';
import { monthly } from '../report-rounds/monthly';

/**
 * The year's commendation indicators of several schools (check-ins on time, evaluations showing
 * progress, pupils kept in school), from one read; the rules are the domain's.
 */
export async function yearIndicators(ctx: Context, campaignId: string, schoolIds: readonly string[]) {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: campaignId },
    select: { settings: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const cal = campaignSettingsSchema.parse(campaign.settings).calendar;
  const facts = await commendationFacts(ctx.db, {
    campaignId,
    schoolIds,
    from: cal.yearStart,
    to: cal.yearEnd,
    today: systemToday(),
  });
  const bySchool = commendationIndicatorsOf(facts);
  return {
    school: (schoolId: string): CommendationIndicators => bySchool.get(schoolId)?.school ?? emptyIndicators(),
    teacher: (schoolId: string, teacherId: string): CommendationIndicators =>
      bySchool.get(schoolId)?.teachers.get(teacherId) ?? emptyIndicators(),
    teacherIds: (schoolId: string) => [...(bySchool.get(schoolId)?.teachers.keys() ?? [])],
  };
}

/**
 * A school's commendation indicators over the year: per teacher and for the school, what was
 * given (sums) and the indicators (parts of wholes: no average, no rank, no score; teachers
 * listed by name), with the proposals already made. For the school's coordinator and principal.
 */
export async function commendationIndicators(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; schoolId: string },
) {
  const m = await monthly(ctx, input);
  const ind = await yearIndicators(ctx, input.campaignId, [input.schoolId]);
  const proposals = await ctx.db.commendationProposal.findMany({
    where: { campaignId: input.campaignId, schoolId: input.schoolId },
    orderBy: { createdAt: 'asc' },
  });
  // A teacher with indicators but no help counted (a check-in still owed) is listed too.
  const listed = new Set(m.teachers.map((t) => t.teacherId));
  const others = ind.teacherIds(input.schoolId).filter((id) => !listed.has(id));
  const names = await ctx.db.user.findMany({
    where: { id: { in: others } },
    select: { id: true, displayName: true },
  });
  const collator = new Intl.Collator('vi');
  const teachers = [
    ...m.teachers.map((t) => ({ teacherId: t.teacherId, name: t.name, year: t.spans.year })),
    ...names.map((n) => ({ teacherId: n.id, name: n.displayName, year: undefined })),
  ]
    // Alphabetical by name, never by a figure: the indicators inform, they do not rank.
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((t) => ({ ...t, indicators: ind.teacher(input.schoolId, t.teacherId) }));
  return {
    school: m.school.spans.year,
    schoolIndicators: ind.school(input.schoolId),
    teachers,
    proposals: proposals.map((p) => ({
      id: p.id,
      subjectType: p.subjectType,
      subjectUserId: p.subjectUserId,
      status: p.status,
      note: p.note,
      decisionNote: p.decisionNote,
    })),
  };
}
