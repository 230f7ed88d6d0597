import type { AppRouter } from '@donghanh/api';
import { type RoleName, roleFitsUnit } from '@donghanh/domain';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type AdminUser = Out['admin']['listUsers'][number];
export type AdminUnit = Out['admin']['listUnits'][number];
export type CampaignSummary = Out['campaign']['list'][number];
export type CampaignDetail = Out['campaign']['get'];
export type { RoleName, SchoolLevel, UnitKind } from '@donghanh/domain';
export { ROLE_NAMES, SCHOOL_LEVELS, UNIT_KINDS } from '@donghanh/domain';

/** The units a role may sit on (as the server's ROLE_UNIT_MISMATCH check), open units only. */
export function unitsForRole(role: RoleName | '', units: readonly AdminUnit[]): AdminUnit[] {
  const open = units.filter((u) => !u.closed);
  if (!role) return open;
  return open.filter((u) => roleFitsUnit(role, u.kind));
}
