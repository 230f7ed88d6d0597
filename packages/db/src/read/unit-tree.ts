import type { Db } from '../client';
import type { Tx } from '../write/record-case-event';

/**
 * The organisation tree, walked in one query each way. Depth is bounded, so a cycle in bad data
 * cannot loop. Every climb or descent of the tree goes through these two.
 */
export async function unitsAbove(db: Db | Tx, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth FROM "Unit" WHERE id = ANY(${[...unitIds]}::text[])
      UNION ALL
      SELECT u.id, u."parentId", up.depth + 1 FROM "Unit" u JOIN up ON u.id = up."parentId" WHERE up.depth < 16
    )
    SELECT DISTINCT id FROM up`;
  return new Set(rows.map((r) => r.id));
}

/** The given units and every unit below them (an office's schools, a province's communes …). */
export async function unitsBelow(db: Db | Tx, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE down AS (
      SELECT id, 0 AS depth FROM "Unit" WHERE id = ANY(${[...unitIds]}::text[])
      UNION ALL
      SELECT u.id, down.depth + 1 FROM "Unit" u JOIN down ON u."parentId" = down.id WHERE down.depth < 16
    )
    SELECT DISTINCT id FROM down`;
  return new Set(rows.map((r) => r.id));
}

/** A unit and every unit above it: a role held on any of them reaches the unit. */
export function unitAndAncestors(db: Db | Tx, unitId: string): Promise<Set<string>> {
  return unitsAbove(db, [unitId]);
}

/** A unit and every unit below it. */
export function unitAndDescendants(db: Db | Tx, unitId: string): Promise<Set<string>> {
  return unitsBelow(db, [unitId]);
}

/** Schools whose unit is one of `unitIds` or below them (an office's reach). */
export async function schoolsUnder(db: Db, unitIds: readonly string[]): Promise<string[]> {
  const units = await unitsBelow(db, unitIds);
  if (units.size === 0) return [];
  const rows = await db.school.findMany({ where: { unitId: { in: [...units] } }, select: { id: true } });
  return rows.map((r) => r.id);
}
