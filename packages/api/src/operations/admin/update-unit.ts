import { unitAndAncestors } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { updateUnitInput } from '../../router/admin.schema';
import { adminAuditRow, lockAdmin } from './admin-audit';
import { requireParent } from './unit-parent';

/**
 * Renames, moves or closes a unit. A move may not put a unit under itself or one of its
 * descendants (the tree would become a cycle); a school always keeps a parent. Closing sets the
 * last day the unit exists and keeps it readable for history.
 */
export async function updateUnit(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof updateUnitInput>,
) {
  return ctx.db.$transaction(async (tx) => {
    await lockAdmin(tx, 'unit-tree');
    const unit = await tx.unit.findUnique({
      where: { id: input.unitId },
      select: { id: true, kind: true, name: true, parentId: true, validFrom: true, validUntil: true },
    });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitId: input.unitId });
    const changes: string[] = [];
    const data: { name?: string; parentId?: string | null; validUntil?: Date | null } = {};

    if (input.name !== undefined && input.name !== unit.name) {
      data.name = input.name;
      changes.push('name');
    }
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      if (input.parentId === null) {
        if (unit.kind === 'SCHOOL')
          throw new AppError('UNIT_PARENT_INVALID', { parentId: null, reason: 'school_needs_parent' });
      } else {
        await requireParent(tx, input.parentId);
        // The new parent's ancestors include the unit itself exactly when the move closes a loop.
        if ((await unitAndAncestors(tx, input.parentId)).has(unit.id))
          throw new AppError('UNIT_PARENT_INVALID', { parentId: input.parentId, reason: 'cycle' });
      }
      data.parentId = input.parentId;
      changes.push(`parent ${unit.parentId ?? '-'} → ${input.parentId ?? '-'}`);
    }
    if (input.validUntil !== undefined) {
      const validUntil = input.validUntil ? new Date(`${input.validUntil}T00:00:00Z`) : null;
      if (validUntil && validUntil < unit.validFrom)
        throw new AppError('VALIDATION_FAILED', { field: 'validUntil', reason: 'before validFrom' });
      if ((validUntil?.getTime() ?? null) !== (unit.validUntil?.getTime() ?? null)) {
        data.validUntil = validUntil;
        changes.push(`validUntil ${input.validUntil ?? '-'}`);
      }
    }

    if (changes.length > 0) {
      await tx.unit.update({ where: { id: unit.id }, data });
      // The school's own name follows its unit's, so lists of schools show the new name too.
      if (data.name) await tx.school.updateMany({ where: { unitId: unit.id }, data: { name: data.name } });
      await tx.auditLog.create({
        data: adminAuditRow(ctx, 'admin.unit.update', { type: 'unit', id: unit.id }, changes.join('; ')),
      });
    }
    return {
      unitId: unit.id,
      changed: changes.length > 0,
      name: data.name ?? unit.name,
      parentId: data.parentId !== undefined ? data.parentId : unit.parentId,
      validUntil:
        input.validUntil !== undefined
          ? input.validUntil
          : (unit.validUntil?.toISOString().slice(0, 10) ?? null),
    };
  });
}
