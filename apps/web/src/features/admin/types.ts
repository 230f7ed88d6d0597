import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type AdminUser = Out['admin']['listUsers'][number];
export type AdminUnit = Out['admin']['listUnits'][number];
export type CampaignSummary = Out['campaign']['list'][number];
export type CampaignDetail = Out['campaign']['get'];
export type RoleName = AdminUser['roles'][number]['role'];

export const ROLE_NAMES: readonly RoleName[] = [
  'TEACHER',
  'HOMEROOM_TEACHER',
  'SCHOOL_COORDINATOR',
  'PRINCIPAL',
  'OFFICE_COORDINATOR',
  'ADMIN',
];
export const UNIT_KINDS = [
  'MINISTRY',
  'PROVINCE_DEPARTMENT',
  'DISTRICT_OFFICE',
  'COMMUNE_OFFICE',
  'UNION',
  'SCHOOL',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const SCHOOL_LEVELS = [
  'PRESCHOOL',
  'PRIMARY',
  'LOWER_SECONDARY',
  'UPPER_SECONDARY',
  'MULTI_LEVEL',
] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** Roles held inside one school reach its students: the server wants a school unit for them. */
const SCHOOL_ROLES = new Set<RoleName>(['TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL']);

/** The units a role may sit on (as the server's ROLE_UNIT_MISMATCH check), open units only. */
export function unitsForRole(role: RoleName | '', units: readonly AdminUnit[]): AdminUnit[] {
  const open = units.filter((u) => !u.closed);
  if (!role || role === 'ADMIN') return open;
  return open.filter((u) => (SCHOOL_ROLES.has(role) ? u.kind === 'SCHOOL' : u.kind !== 'SCHOOL'));
}
