import { AppError, campaignSettingsSchema, seesOfferNote } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/**
 * setup: what a teacher offered a case needs to decide — the case's categories, what the campaign
 * expects of a helper (answer, plan, monthly check-in day, semester evaluations), whether they
 * were asked beyond their capacity, and the coordinator's note, which the identity rule
 * (`seesOfferNote`) gives only to the teacher it is addressed to.
 */
export async function readOfferDetails(ctx: Context & { user: SessionUser }, caseId: string) {
  const c = await ctx.db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      code: true,
      schoolId: true,
      categories: true,
      campaign: { select: { settings: true } },
      student: { select: { class: { select: { homeroomId: true } } } },
      helpers: {
        where: { status: { in: ['OFFERED', 'ACTIVE'] } },
        select: { userId: true, status: true, role: true, asked: true, note: true, offeredAt: true },
        orderBy: { offeredAt: 'desc' },
      },
    },
  });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const mine = c.helpers.find((h) => h.userId === ctx.user.id && h.status === 'OFFERED');
  if (!mine) throw new AppError('FORBIDDEN');
  const viewer = await boardScopeOf(ctx.db, ctx.user);
  const facts = {
    schoolId: c.schoolId,
    helperUserIds: c.helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.userId),
    offeredUserIds: c.helpers.filter((h) => h.status === 'OFFERED').map((h) => h.userId),
    homeroomId: c.student.class?.homeroomId ?? null,
  };
  const parsed = campaignSettingsSchema.safeParse(c.campaign.settings);
  const settings = parsed.success ? parsed.data : null;
  return {
    caseId: c.id,
    code: c.code,
    categories: c.categories,
    role: mine.role,
    asked: mine.asked,
    note: mine.note && seesOfferNote(viewer, facts, mine.userId) ? mine.note : null,
    expectations: settings
      ? {
          responseDays: settings.assignmentResponseDays,
          checkInDay: settings.checkInDay,
          semester1End: settings.calendar.semester1End,
          yearEnd: settings.calendar.yearEnd,
        }
      : null,
  };
}
