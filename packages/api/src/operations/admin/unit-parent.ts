import type { Prisma } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import { startOfTodayUtc } from './admin-audit';

/** A parent must exist, be open, and not be a school (classes, not units, sit under a school). */
export async function requireParent(tx: Prisma.TransactionClient, parentId: string) {
  const parent = await tx.unit.findUnique({
    where: { id: parentId },
    select: { id: true, kind: true, validUntil: true },
  });
  if (!parent) throw new AppError('UNIT_PARENT_INVALID', { parentId, reason: 'not_found' });
  if (parent.kind === 'SCHOOL') throw new AppError('UNIT_PARENT_INVALID', { parentId, reason: 'school' });
  if (parent.validUntil && parent.validUntil < startOfTodayUtc())
    throw new AppError('UNIT_PARENT_INVALID', { parentId, reason: 'closed' });
  return parent;
}
