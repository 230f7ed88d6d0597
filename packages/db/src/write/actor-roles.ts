import type { RoleName } from '../generated/prisma/client';
import { unitAndAncestors } from '../read/unit-tree';
import { RuleViolation } from './domain-failures';
import type { Tx } from './record-case-event';

/**
 * The actor must hold one of `roles` on `unitId` (the case's school) or on a unit above it.
 * The API checks access first; this is the workflow's own guard, so a step recorded in a case's
 * history was always taken by someone entitled to take it.
 */
export async function requireRole(tx: Tx, actorId: string, roles: RoleName[], unitId: string): Promise<void> {
  const units = await unitAndAncestors(tx, unitId);
  const held = await tx.roleAssignment.count({
    where: { userId: actorId, role: { in: roles }, unitId: { in: [...units] } },
  });
  if (held === 0)
    throw new RuleViolation('ACTOR_NOT_ALLOWED', 'Bạn không có vai trò cần thiết cho bước này của hồ sơ', {
      roles,
    });
}
