import { unitAndAncestors } from '@donghanh/db';
import type { AccessRule } from './rules';

/** The roles that make someone a teacher who may volunteer (a homeroom teacher is one too). */
export const TEACHING_ROLES = ['TEACHER', 'HOMEROOM_TEACHER'] as const;

/** A teacher somewhere: volunteering is their own choice, whatever school they teach at. */
export const teacher: AccessRule = {
  name: 'volunteer:teacher',
  allows: async (ctx) => ctx.user.roles.some((r) => (TEACHING_ROLES as readonly string[]).includes(r.role)),
};

/**
 * A coordinator or principal of a school the teacher in the input teaches at: they record a
 * paper registration or adjust it. Unknown users and non-teachers are refused, so the answer
 * does not tell who exists.
 */
export const managerOfTeacher: AccessRule<{ userId: string }> = {
  name: 'volunteer:teacher-manager',
  async allows(ctx, input) {
    const managed = ctx.user.roles.filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL');
    if (managed.length === 0) return false;
    const teaching = await ctx.db.roleAssignment.findMany({
      where: { userId: input.userId, role: { in: [...TEACHING_ROLES] } },
      select: { unitId: true },
    });
    for (const { unitId } of teaching) {
      const units = await unitAndAncestors(ctx.db, unitId);
      if (managed.some((r) => units.has(r.unitId))) return true;
    }
    return false;
  },
};
