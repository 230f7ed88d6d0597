import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { setDisabledInput } from '../../router/admin.schema';
import { adminAuditRow, lockAdmin } from './admin-audit';
import { assertAnotherAdmin } from './role-units';

/**
 * Disables or re-enables an account. Disabling deletes its sessions in the same transaction, so
 * the person is signed out at their next request; sign-in then answers as for a wrong password.
 */
export async function setDisabled(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof setDisabledInput>,
) {
  if (input.disabled && input.userId === ctx.user.id) throw new AppError('CANNOT_DISABLE_SELF');
  return ctx.db.$transaction(async (tx) => {
    await lockAdmin(tx, 'accounts');
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, disabledAt: true, roles: { where: { role: 'ADMIN' }, select: { id: true } } },
    });
    if (!target) throw new AppError('USER_NOT_FOUND');
    if (input.disabled && target.roles.length > 0) await assertAnotherAdmin(tx, target.id);
    // Disabling twice keeps the first date: it says since when the account has been closed.
    const disabledAt = input.disabled ? (target.disabledAt ?? new Date()) : null;
    await tx.user.update({ where: { id: target.id }, data: { disabledAt } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: target.id } });
    await tx.auditLog.create({
      data: adminAuditRow(ctx, input.disabled ? 'admin.user.disable' : 'admin.user.enable', {
        type: 'user',
        id: target.id,
      }),
    });
    return { userId: target.id, disabled: input.disabled, disabledAt: disabledAt?.toISOString() ?? null };
  });
}
