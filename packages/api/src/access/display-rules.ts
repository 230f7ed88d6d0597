import type { Context, RoleOnUnit, SessionUser } from '../context';
import type { AccessRule } from './rules';

/**
 * Who puts a wall display up for a unit (issue 14): the coordinator or principal of that school,
 * or an office coordinator of that office — the unit itself, not one above or below it, so a
 * display shows exactly the board its maker watches.
 */
export const DISPLAY_ROLES: ReadonlySet<RoleOnUnit['role']> = new Set([
  'SCHOOL_COORDINATOR',
  'PRINCIPAL',
  'OFFICE_COORDINATOR',
]);

export function displayUnitsOf(user: SessionUser): string[] {
  return [...new Set(user.roles.filter((r) => DISPLAY_ROLES.has(r.role)).map((r) => r.unitId))];
}

/** The role must fit the unit: a school role on a school, an office role on an office. */
async function managesUnit(ctx: Context & { user: SessionUser }, unitId: string): Promise<boolean> {
  const unit = await ctx.db.unit.findUnique({ where: { id: unitId }, select: { kind: true } });
  if (!unit) return false;
  const isSchool = unit.kind === 'SCHOOL';
  return ctx.user.roles.some(
    (r) =>
      r.unitId === unitId &&
      (isSchool
        ? r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL'
        : r.role === 'OFFICE_COORDINATOR'),
  );
}

export const displayUnitManager: AccessRule<{ unitId: string }> = {
  name: 'display:unit-manager',
  allows: (ctx, input) => managesUnit(ctx, input.unitId),
};

export const displayManager: AccessRule<{ displayId: string }> = {
  name: 'display:manager',
  async allows(ctx, input) {
    const d = await ctx.db.displaySession.findUnique({
      where: { id: input.displayId },
      select: { unitId: true },
    });
    return d ? managesUnit(ctx, d.unitId) : false;
  },
};

export const displayAnyManager: AccessRule = {
  name: 'display:any-manager',
  allows: async (ctx) => displayUnitsOf(ctx.user).length > 0,
};
