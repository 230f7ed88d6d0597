import type { Db } from '../client';

/**
 * Accounts for the administration screen, with each role's unit name. With `unitIds`, only
 * accounts holding a role on one of them. Password hashes never leave this function.
 */
export async function adminUserRows(db: Db, filter: { unitIds?: string[] } = {}) {
  return db.user.findMany({
    where: filter.unitIds ? { roles: { some: { unitId: { in: filter.unitIds } } } } : {},
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      subjects: true,
      capacity: true,
      mustChangePassword: true,
      disabledAt: true,
      roles: {
        select: { role: true, unitId: true, unit: { select: { name: true } } },
        orderBy: [{ unitId: 'asc' }, { role: 'asc' }],
      },
    },
    orderBy: { id: 'asc' },
    // An administration screen of one province stays far below this.
    take: 5000,
  });
}

/** Every unit with its school (if any) and how many accounts hold a role directly on it. */
export async function adminUnitRows(db: Db) {
  const [units, counts] = await Promise.all([
    db.unit.findMany({
      select: {
        id: true,
        kind: true,
        code: true,
        name: true,
        parentId: true,
        validFrom: true,
        validUntil: true,
        school: { select: { id: true, level: true } },
      },
    }),
    db.$queryRaw<{ unitId: string; users: bigint }[]>`
      SELECT "unitId", COUNT(DISTINCT "userId") AS users FROM "RoleAssignment" GROUP BY "unitId"`,
  ]);
  const usersByUnit = new Map(counts.map((c) => [c.unitId, Number(c.users)]));
  return units.map((u) => ({ ...u, userCount: usersByUnit.get(u.id) ?? 0 }));
}
