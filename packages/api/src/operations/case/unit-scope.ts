import type { Db } from '@donghanh/db';

/** True when `unitId` is `ancestorId` or sits below it in the unit tree. */
export async function isUnitWithin(db: Db, unitId: string, ancestorId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth FROM "Unit" WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u."parentId", up.depth + 1 FROM "Unit" u JOIN up ON u.id = up."parentId"
       WHERE up.depth < 16
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId}) AS found`;
  return rows[0]?.found === true;
}
