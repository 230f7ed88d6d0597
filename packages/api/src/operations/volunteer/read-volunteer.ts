import { LOAD_STATUSES } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

/**
 * My volunteering: capacity, subjects, and the cases that fill it. The child's name is shown for
 * the cases I help (accepted), as in my student search; an offer I have not answered yet shows
 * the case code only — I open the case to decide, and that read is audited.
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
              school: { select: { name: true } },
              student: { select: { fullName: true, class: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!me) throw new AppError('USER_NOT_FOUND');
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
      studentName: h.status === 'ACTIVE' ? h.case.student.fullName : null,
    })),
  };
}
