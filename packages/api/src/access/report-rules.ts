// Who may take part in a report round (docs/reports.md). The school's coordinator and principal
// work on their school's report; the principal signs; the receiving office (or one above it)
// reviews; offices above a school read its report as codes and numbers, and roll up their units.

import { unitAndAncestors } from '@donghanh/db';
import { reportId as reportIdOf } from '@donghanh/domain';
import type { Context, RoleOnUnit, SessionUser } from '../context';
import type { AccessRule } from './rules';

type Caller = Context & { user: SessionUser };
type Role = RoleOnUnit['role'];
export interface ReportRef {
  campaignId: string;
  round: number;
  schoolId: string;
}

async function holdsOn(
  ctx: Caller,
  roles: readonly Role[],
  unitId: string | null | undefined,
): Promise<boolean> {
  if (!unitId) return false;
  const units = await unitAndAncestors(ctx.db, unitId);
  return ctx.user.roles.some((r) => roles.includes(r.role) && units.has(r.unitId));
}

/** Exactly on the school's own unit: an office above it is not the school's staff. */
async function onSchoolItself(ctx: Caller, roles: readonly Role[], schoolId: string): Promise<boolean> {
  const school = await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } });
  return !!school && ctx.user.roles.some((r) => roles.includes(r.role) && r.unitId === school.unitId);
}

/** The school's coordinator or principal (or only the principal): the report's authors. */
export function reportSchool(roles: readonly Role[], name: string): AccessRule<ReportRef> {
  return { name, allows: (ctx, input) => onSchoolItself(ctx, roles, input.schoolId) };
}

/** The office that receives the report, or one above it. */
export const reportRecipient: AccessRule<ReportRef> = {
  name: 'report:recipient-office',
  async allows(ctx, input) {
    const r = await ctx.db.schoolReport.findUnique({
      where: { id: reportIdOf(input.campaignId, input.round, input.schoolId) },
      select: { recipientUnitId: true },
    });
    return holdsOn(ctx, ['OFFICE_COORDINATOR'], r?.recipientUnitId);
  },
};

/** Reads one school's report: its staff in full; an office above it as codes and numbers. */
export const reportReader: AccessRule<ReportRef> = {
  name: 'report:school-or-office',
  async allows(ctx, input) {
    if (await onSchoolItself(ctx, ['SCHOOL_COORDINATOR', 'PRINCIPAL'], input.schoolId)) return true;
    const school = await ctx.db.school.findUnique({
      where: { id: input.schoolId },
      select: { unitId: true },
    });
    return holdsOn(ctx, ['OFFICE_COORDINATOR', 'ADMIN'], school?.unitId);
  },
};

/** An office's roll-up of a unit: an office coordinator on it or above, or an admin. */
export const rollupReader: AccessRule<{ unitId: string }> = {
  name: 'report:office-on-unit',
  allows: (ctx, input) => holdsOn(ctx, ['OFFICE_COORDINATOR', 'ADMIN'], input.unitId),
};
