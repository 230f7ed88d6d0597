import type { RoleOnUnit } from '@donghanh/api';

type Role = RoleOnUnit['role'];

/**
 * wall (issue 14): where each role's work is, strongest first — a principal's decisions wait on
 * the sign-off screen, coordinators and offices watch the board, teachers work their tasks, an
 * administrator (with no other role) administers. Someone with several roles lands on the first.
 */
const LANDING: readonly [Role, string][] = [
  ['PRINCIPAL', '/sign-off'],
  ['SCHOOL_COORDINATOR', '/board'],
  ['OFFICE_COORDINATOR', '/board'],
  ['TEACHER', '/tasks'],
  ['HOMEROOM_TEACHER', '/tasks'],
  ['ADMIN', '/admin'],
];

export function landingPathFor(roles: readonly { role: Role }[]): string {
  for (const [role, path] of LANDING) if (roles.some((r) => r.role === role)) return path;
  return '/tasks';
}
