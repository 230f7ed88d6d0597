import { adminUserRows, unitAndDescendants } from '@donghanh/db';
import { AppError, compareVietnameseNames, searchKey } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context } from '../../context';
import type { listUsersInput } from '../../router/admin.schema';

/**
 * Accounts with their roles, sorted the Vietnamese way. The search matches the username, the
 * e-mail or the display name with or without diacritics ("dang thi lan" finds "Đặng Thị Lan");
 * a unit filter takes the unit and everything below it.
 */
export async function listUsers(ctx: Context, input: z.output<typeof listUsersInput>) {
  const unitIds = input.unitId ? [...(await unitAndDescendants(ctx.db, input.unitId))] : undefined;
  if (unitIds?.length === 0) throw new AppError('UNIT_NOT_FOUND', { unitId: input.unitId });
  const rows = await adminUserRows(ctx.db, unitIds ? { unitIds } : {});
  const key = input.q ? searchKey(input.q) : '';
  return rows
    .filter(
      (u) =>
        !key ||
        searchKey(u.displayName).includes(key) ||
        u.username.toLowerCase().includes(key) ||
        (u.email?.toLowerCase().includes(key) ?? false),
    )
    .sort((a, b) => compareVietnameseNames(a.displayName, b.displayName))
    .slice(0, input.limit)
    .map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      roles: u.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unit.name })),
      subjects: u.subjects,
      capacity: u.capacity,
      mustChangePassword: u.mustChangePassword,
      disabled: u.disabledAt !== null,
      disabledAt: u.disabledAt?.toISOString() ?? null,
    }));
}
