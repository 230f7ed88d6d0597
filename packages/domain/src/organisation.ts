/** The organisation's vocabulary (as in the database's enums) and the one rule tying them. */
export const ROLE_NAMES = [
  'TEACHER',
  'HOMEROOM_TEACHER',
  'SCHOOL_COORDINATOR',
  'PRINCIPAL',
  'OFFICE_COORDINATOR',
  'ADMIN',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

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

/** Roles held within one school: they reach its students, so they need a school unit. */
const SCHOOL_ROLES: ReadonlySet<RoleName> = new Set([
  'TEACHER',
  'HOMEROOM_TEACHER',
  'SCHOOL_COORDINATOR',
  'PRINCIPAL',
]);

/** School roles on a school, an office coordinator on anything but a school, an admin anywhere. */
export function roleFitsUnit(role: RoleName, kind: UnitKind): boolean {
  if (role === 'ADMIN') return true;
  return SCHOOL_ROLES.has(role) ? kind === 'SCHOOL' : kind !== 'SCHOOL';
}
