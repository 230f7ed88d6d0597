import type { Context, SessionUser } from '../../context';
import { monthly } from '../report-rounds/monthly';

/**
 * A school's commendation indicators over the year: per teacher and for the school, what was
 * given (sums, no average, no rank; teachers listed by name), with the proposals already made.
 * For the school's coordinator and principal.
 */
export async function commendationIndicators(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; schoolId: string },
) {
  const m = await monthly(ctx, input);
  const proposals = await ctx.db.commendationProposal.findMany({
    where: { campaignId: input.campaignId, schoolId: input.schoolId },
    orderBy: { createdAt: 'asc' },
  });
  return {
    school: m.school.spans.year,
    teachers: m.teachers.map((t) => ({ teacherId: t.teacherId, name: t.name, year: t.spans.year })),
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
