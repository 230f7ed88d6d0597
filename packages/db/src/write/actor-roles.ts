import type { RoleName } from '../generated/prisma/client';
import { RuleViolation } from './domain-failures';
import type { Tx } from './record-case-event';

/**
 * The actor must hold one of `roles` on `unitId` (the case's school) or on a unit above it.
 * The API checks access first; this is the workflow's own guard, so a step recorded in a case's
 * history was always taken by someone entitled to take it.
 */
export async function requireRole(tx: Tx, actorId: string, roles: RoleName[], unitId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ ok: boolean }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Unit" WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u."parentId" FROM "Unit" u JOIN up ON u.id = up."parentId"
    )
    SELECT EXISTS (
      SELECT 1 FROM "RoleAssignment" r
      WHERE r."userId" = ${actorId} AND r."unitId" IN (SELECT id FROM up)
        AND r.role::text = ANY(${roles as string[]})
    ) AS ok`;
  if (!rows[0]?.ok)
    throw new RuleViolation('ACTOR_NOT_ALLOWED', 'Bạn không có vai trò cần thiết cho bước này của hồ sơ', {
      roles,
    });
}
