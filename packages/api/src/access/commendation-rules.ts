// Who takes part in a commendation (thi đua): the school proposes, its principal signs, an office
// above the school decides.
import { unitAndAncestors } from '@donghanh/db';
import type { Context, RoleOnUnit, SessionUser } from '../context';
import type { AccessRule } from './rules';

type Caller = Context & { user: SessionUser };
type Role = RoleOnUnit['role'];

async function schoolUnit(ctx: Caller, schoolId: string | undefined) {
  if (!schoolId) return null;
  return (
    (await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } }))?.unitId ?? null
  );
}

async function proposalSchool(ctx: Caller, proposalId: string) {
  return (
    await ctx.db.commendationProposal.findUnique({ where: { id: proposalId }, select: { schoolId: true } })
  )?.schoolId;
}

/** A role held on the school's own unit (not an office above it). */
export function onOwnSchool(roles: readonly Role[], name: string): AccessRule<{ schoolId: string }> {
  return {
    name,
    async allows(ctx, input) {
      const unit = await schoolUnit(ctx, input.schoolId);
      return !!unit && ctx.user.roles.some((r) => roles.includes(r.role) && r.unitId === unit);
    },
  };
}

/** The principal of the proposal's school. */
export const proposalPrincipal: AccessRule<{ proposalId: string }> = {
  name: 'commendation:principal',
  async allows(ctx, input) {
    const unit = await schoolUnit(ctx, await proposalSchool(ctx, input.proposalId));
    return !!unit && ctx.user.roles.some((r) => r.role === 'PRINCIPAL' && r.unitId === unit);
  },
};

/** An office coordinator above the proposal's school. */
export const proposalOffice: AccessRule<{ proposalId: string }> = {
  name: 'commendation:office',
  async allows(ctx, input) {
    const unit = await schoolUnit(ctx, await proposalSchool(ctx, input.proposalId));
    if (!unit) return false;
    const units = await unitAndAncestors(ctx.db, unit);
    return ctx.user.roles.some(
      (r) => r.role === 'OFFICE_COORDINATOR' && units.has(r.unitId) && r.unitId !== unit,
    );
  },
};
