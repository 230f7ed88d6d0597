import { teacherLoads } from '@donghanh/db';
import { AppError, compareVietnameseNames } from '@donghanh/domain';
import { TEACHING_ROLES } from '../../access/volunteer-rules';
import type { Context } from '../../context';

/**
 * The school's teachers and what they volunteered: capacity, subjects, load (offered and active
 * cases, wherever the case is) and what is left. Teachers are staff, so offices see their names;
 * nothing here names or points to a child, so the list is the same for every allowed reader.
 */
export async function listVolunteers(ctx: Context, schoolId: string) {
  const school = await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } });
  if (!school) throw new AppError('SCHOOL_NOT_FOUND');
  const [teachers, latest] = await Promise.all([
    ctx.db.user.findMany({
      where: {
        disabledAt: null,
        roles: { some: { unitId: school.unitId, role: { in: [...TEACHING_ROLES] } } },
      },
      select: { id: true, displayName: true, capacity: true, subjects: true },
    }),
    ctx.db.class.aggregate({ where: { schoolId }, _max: { schoolYear: true } }),
  ]);
  const ids = teachers.map((t) => t.id);
  // Homerooms of the current school year only: last year's class lists stay in the database.
  const year = latest._max.schoolYear;
  const [loads, homerooms] = await Promise.all([
    teacherLoads(ctx.db, ids),
    year === null
      ? Promise.resolve([])
      : ctx.db.class.findMany({
          where: { schoolId, schoolYear: year, homeroomId: { in: ids } },
          select: { id: true, name: true, grade: true, homeroomId: true },
          orderBy: [{ grade: 'asc' }, { name: 'asc' }],
        }),
  ]);
  return teachers
    .map((t) => {
      const load = loads.get(t.id) ?? 0;
      return {
        userId: t.id,
        displayName: t.displayName,
        capacity: t.capacity,
        subjects: t.subjects,
        load,
        // A load above capacity (written before this check, or by hand) means no place, not a negative one.
        spare: Math.max(0, t.capacity - load),
        volunteer: t.capacity > 0,
        homeroomClasses: homerooms
          .filter((c) => c.homeroomId === t.id)
          .map((c) => ({ classId: c.id, name: c.name, grade: c.grade })),
      };
    })
    .sort((a, b) => compareVietnameseNames(a.displayName, b.displayName));
}
