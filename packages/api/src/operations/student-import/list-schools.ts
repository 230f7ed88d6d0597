import { schoolsUnder, systemToday } from '@donghanh/db';
import { schoolYearOfDay } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

/**
 * The schools whose class lists the caller loads (their own school, or every school under an
 * admin's unit), and the current school year by the calendar's today (never the browser's clock).
 */
export async function classListSchools(ctx: Context & { user: SessionUser }) {
  const own = ctx.user.roles
    .filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL')
    .map((r) => r.unitId);
  const adminUnits = ctx.user.roles.filter((r) => r.role === 'ADMIN').map((r) => r.unitId);
  const under = adminUnits.length ? await schoolsUnder(ctx.db, adminUnits) : [];
  const schools = await ctx.db.school.findMany({
    where: { OR: [{ unitId: { in: own } }, { id: { in: under } }] },
    select: { id: true, name: true, level: true },
    orderBy: { name: 'asc' },
  });
  return { schools, schoolYear: schoolYearOfDay(systemToday()) };
}
