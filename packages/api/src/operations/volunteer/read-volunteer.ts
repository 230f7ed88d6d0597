import { LOAD_STATUSES } from '@donghanh/db';
import { AppError, identityView } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/**
 * My volunteering: capacity, subjects, and the cases that fill it. Each child's name is as the
 * identity rule gives it on a card: named for the cases I help (accepted); an offer I have not
 * answered yet shows the case code only — I open the case to decide, and that read is audited.
 */
export async function readMyVolunteering(ctx: Context & { user: SessionUser }) {
  const me = await ctx.db.user.findUnique({
    where: { id: ctx.user.id },
    select: {
      capacity: true,
      subjects: true,
      helping: {
        where: { status: { in: [...LOAD_STATUSES] } },
        orderBy: { offeredAt: 'asc' },
        select: {
          role: true,
          status: true,
          offeredAt: true,
          case: {
            select: {
              id: true,
              code: true,
              stage: true,
              schoolId: true,
              school: { select: { name: true } },
              student: { select: { fullName: true, class: { select: { name: true, homeroomId: true } } } },
              helpers: {
                where: { status: { in: ['ACTIVE', 'OFFERED'] } },
                select: { userId: true, status: true },
              },
            },
          },
        },
      },
    },
  });
  if (!me) throw new AppError('USER_NOT_FOUND');
  const viewer = await boardScopeOf(ctx.db, ctx.user);
  const named = (c: (typeof me.helping)[number]['case']) =>
    identityView(
      viewer,
      {
        schoolId: c.schoolId,
        helperUserIds: c.helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.userId),
        offeredUserIds: c.helpers.filter((h) => h.status === 'OFFERED').map((h) => h.userId),
        homeroomId: c.student.class?.homeroomId ?? null,
      },
      'board_card',
    ) === 'named';
  // The load is the same rows the assignment's capacity check counts (LOAD_STATUSES).
  const load = me.helping.length;
  return {
    capacity: me.capacity,
    subjects: me.subjects,
    load,
    spare: Math.max(0, me.capacity - load),
    cases: me.helping.map((h) => ({
      caseId: h.case.id,
      code: h.case.code,
      stage: h.case.stage,
      role: h.role,
      status: h.status,
      offeredAt: h.offeredAt.toISOString(),
      schoolName: h.case.school.name,
      className: h.case.student.class?.name ?? null,
      studentName: named(h.case) ? h.case.student.fullName : null,
    })),
  };
}
