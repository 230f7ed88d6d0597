import type { Prisma } from '@donghanh/db';
import { AppError, roleFitsUnit } from '@donghanh/domain';
import type { RoleOnUnitInput } from '../../router/admin.schema';

type Tx = Prisma.TransactionClient;

/**
 * The roles without duplicates, after checking each unit exists and fits the role: school roles
 * on a school, an office coordinator on anything but a school, an admin anywhere.
 */
export async function checkRoleUnits(tx: Tx, roles: readonly RoleOnUnitInput[]): Promise<RoleOnUnitInput[]> {
  const unique = [...new Map(roles.map((r) => [`${r.role}@${r.unitId}`, r])).values()];
  const units = await tx.unit.findMany({
    where: { id: { in: [...new Set(unique.map((r) => r.unitId))] } },
    select: { id: true, kind: true },
  });
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  for (const r of unique) {
    const kind = kindOf.get(r.unitId);
    if (!kind) throw new AppError('UNIT_NOT_FOUND', { unitId: r.unitId });
    if (!roleFitsUnit(r.role, kind))
      throw new AppError('ROLE_UNIT_MISMATCH', { role: r.role, unitId: r.unitId, unitKind: kind });
  }
  return unique;
}

/** `TEACHER@u-thcs-chiengle, …`: what the audit row records of a set of roles. */
export function describeRoles(roles: readonly RoleOnUnitInput[]): string {
  return roles.map((r) => `${r.role}@${r.unitId}`).join(', ') || '(none)';
}

/**
 * Refuses to leave the system without an enabled ADMIN once `userId` loses that status. Call it
 * under `lockAdmin(tx, 'accounts')`, so two admins cannot remove each other at the same time.
 */
export async function assertAnotherAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.roleAssignment.count({
    where: { role: 'ADMIN', userId: { not: userId }, user: { disabledAt: null } },
  });
  if (others === 0) throw new AppError('LAST_ADMIN');
}
