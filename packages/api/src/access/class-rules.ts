import { unitAndAncestors } from '@donghanh/db';
import type { AccessRule } from './rules';

/** Who sets up a school's classes and homeroom teachers: its coordinator and its principal. */
export const CLASS_SETUP_ROLES = ['SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;

/** A coordinator or principal of the school the class belongs to (unknown classes: refused). */
export const managerOfClass: AccessRule<{ classId: string }> = {
  name: 'class:school-manager',
  async allows(ctx, input) {
    const cls = await ctx.db.class.findUnique({
      where: { id: input.classId },
      select: { school: { select: { unitId: true } } },
    });
    if (!cls) return false;
    const units = await unitAndAncestors(ctx.db, cls.school.unitId);
    return ctx.user.roles.some(
      (r) => (CLASS_SETUP_ROLES as readonly string[]).includes(r.role) && units.has(r.unitId),
    );
  },
};
