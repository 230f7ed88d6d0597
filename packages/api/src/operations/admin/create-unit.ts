import { Prisma } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { createUnitInput } from '../../router/admin.schema';
import { adminAuditRow, lockAdmin } from './admin-audit';
import { requireParent } from './unit-parent';

/** `base`, or `base-xxxxxx` when an older unit (or school) already has that id. */
async function freeId(taken: (id: string) => Promise<boolean>, base: string): Promise<string> {
  if (!(await taken(base))) return base;
  for (;;) {
    const id = `${base}-${Math.random().toString(36).slice(2, 8)}`;
    if (!(await taken(id))) return id;
  }
}

/**
 * A unit of the tree; a school unit comes with its School row (same name, the given level).
 * Ids derive from the code (`u-thcs-cl`, `s-thcs-cl`), so they read well in logs and URLs.
 */
export async function createUnit(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof createUnitInput>,
) {
  try {
    return await ctx.db.$transaction(async (tx) => {
      await lockAdmin(tx, 'unit-tree');
      if (await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } }))
        throw new AppError('UNIT_CODE_TAKEN', { code: input.code });
      if (input.parentId) await requireParent(tx, input.parentId);
      const slug = input.code.toLowerCase();
      const id = await freeId(
        async (candidate) => (await tx.unit.count({ where: { id: candidate } })) > 0,
        `u-${slug}`,
      );
      await tx.unit.create({
        data: { id, kind: input.kind, code: input.code, name: input.name, parentId: input.parentId ?? null },
      });
      let school: { id: string; level: string } | null = null;
      if (input.kind === 'SCHOOL' && input.school) {
        const schoolId = await freeId(
          async (candidate) => (await tx.school.count({ where: { id: candidate } })) > 0,
          `s-${slug}`,
        );
        school = await tx.school.create({
          data: { id: schoolId, unitId: id, name: input.name, level: input.school.level },
          select: { id: true, level: true },
        });
      }
      await tx.auditLog.create({
        data: adminAuditRow(ctx, 'admin.unit.create', { type: 'unit', id }, `${input.kind} ${input.code}`),
      });
      return { unitId: id, code: input.code, school };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('UNIT_CODE_TAKEN', { code: input.code });
    throw error;
  }
}
