import type { Db } from '../client';
import type { Tx } from '../write/record-case-event';

/**
 * A unit and every unit above it in the organisation tree: a role held on any of them reaches
 * the unit. Bounded depth, so a cycle in bad data cannot loop.
 */
export async function unitAndAncestors(db: Db | Tx, unitId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth FROM "Unit" WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u."parentId", up.depth + 1 FROM "Unit" u JOIN up ON u.id = up."parentId" WHERE up.depth < 16
    )
    SELECT id FROM up`;
  return new Set(rows.map((r) => r.id));
}
