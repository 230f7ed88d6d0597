import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { setRolesInput } from '../../router/admin.schema';
import { adminAuditRow, lockAdmin } from './admin-audit';
import { assertAnotherAdmin, checkRoleUnits, describeRoles } from './role-units';

/**
 * Replaces every role of an account at once. Sessions stay: roles are read on every request, so
 * the change applies at the account's next request.
 */
export async function setRoles(ctx: Context & { user: SessionUser }, input: z.output<typeof setRolesInput>) {
  return ctx.db.$transaction(async (tx) => {
    await lockAdmin(tx, 'accounts');
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, roles: { select: { role: true } } },
    });
    if (!target) throw new AppError('USER_NOT_FOUND');
    const roles = await checkRoleUnits(tx, input.roles);
    const wasAdmin = target.roles.some((r) => r.role === 'ADMIN');
    if (wasAdmin && !roles.some((r) => r.role === 'ADMIN')) await assertAnotherAdmin(tx, target.id);
    await tx.roleAssignment.deleteMany({ where: { userId: target.id } });
    await tx.roleAssignment.createMany({
      data: roles.map((r) => ({ id: `${target.id}:${r.role}:${r.unitId}`, userId: target.id, ...r })),
    });
    await tx.auditLog.create({
      data: adminAuditRow(ctx, 'admin.user.roles', { type: 'user', id: target.id }, describeRoles(roles)),
    });
    return { userId: target.id, roles };
  });
}
