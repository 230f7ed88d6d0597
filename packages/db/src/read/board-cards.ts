import type { CaseStage } from '@donghanh/domain';
import type { Db } from '../client';
import { CARD_COLUMNS, CARD_JOINS, type CardRow, cardRowOf } from './card-row';

/** Which cases a caller's board may hold: whole schools, plus the cases they help or homeroom. */
export interface BoardReach {
  schoolIds: readonly string[];
  userId: string;
}

export interface BoardFilter {
  schoolIds?: readonly string[] | undefined;
  stages?: readonly CaseStage[] | undefined;
}

export const BOARD_CARD_LIMIT = 5000;

/** Cases within reach ($1 = school ids, $2 = user id); expects `c` = "Case", `cl` = "Class". */
export const REACH_WHERE = `(c."schoolId" = ANY($1::text[])
  OR cl."homeroomId" = $2
  OR EXISTS (SELECT 1 FROM "CaseHelper" h
              WHERE h."caseId" = c.id AND h."userId" = $2 AND h.status IN ('ACTIVE', 'OFFERED')))`;

/**
 * The board's cases within `reach`, newest change first, with their audience facts: the caller
 * decides per card whether it is named or masked (`cardViewFor`), never this query.
 */
export async function listBoardCardRows(
  db: Db,
  reach: BoardReach,
  filter: BoardFilter = {},
): Promise<CardRow[]> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${CARD_COLUMNS}
       FROM "Case" c ${CARD_JOINS}
      WHERE ${REACH_WHERE}
        AND ($3::text[] IS NULL OR c."schoolId" = ANY($3::text[]))
        AND ($4::text[] IS NULL OR c.stage::text = ANY($4::text[]))
      ORDER BY c."updatedAt" DESC
      LIMIT ${BOARD_CARD_LIMIT}`,
    [...reach.schoolIds],
    reach.userId,
    filter.schoolIds ? [...filter.schoolIds] : null,
    filter.stages ? [...filter.stages] : null,
  );
  return rows.map(cardRowOf);
}

// wall (issue 14): tasks name the child as the case's board card would.
/** The cards (with their audience facts) of some cases, by id: the caller asks the rule per card. */
export async function listCardRowsByIds(db: Db, caseIds: readonly string[]): Promise<CardRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${CARD_COLUMNS} FROM "Case" c ${CARD_JOINS} WHERE c.id = ANY($1::text[])`,
    [...caseIds],
  );
  return rows.map(cardRowOf);
}
