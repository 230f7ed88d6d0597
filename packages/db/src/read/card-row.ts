import type { BoardCard, CaseAudienceFacts, CaseCategory, CaseStage } from '@donghanh/domain';

/**
 * One SELECT for a board card and its audience facts, shared by the board query and the live
 * feed so a card looks the same whichever way it reaches the screen. Expects `c` = "Case".
 */
export const CARD_COLUMNS = `
  c.id AS "caseId", c.code, c.stage::text AS stage, c.categories, c."schoolId", s.name AS "schoolName",
  st."classId", COALESCE(cl.name, '') AS "className", c."riskLevel", c."helperId",
  hu."displayName" AS "helperName", st."fullName" AS "studentName", cl."homeroomId",
  c.version, c."updatedAt",
  EXISTS (SELECT 1 FROM "Task" t
           WHERE t."caseId" = c.id AND t.status = 'OPEN' AND t."dueAt" < now()) AS overdue,
  ARRAY(SELECT h."userId" FROM "CaseHelper" h
         WHERE h."caseId" = c.id AND h.status = 'ACTIVE') AS "helperUserIds",
  ARRAY(SELECT h."userId" FROM "CaseHelper" h
         WHERE h."caseId" = c.id AND h.status = 'OFFERED') AS "offeredUserIds"`;

export const CARD_JOINS = `
  JOIN "School" s ON s.id = c."schoolId"
  JOIN "Student" st ON st.id = c."studentId"
  LEFT JOIN "Class" cl ON cl.id = st."classId"
  LEFT JOIN "User" hu ON hu.id = c."helperId"`;

/** A card with the child's name still in it: pass it through `cardFor` before it leaves. */
export interface CardRow {
  card: BoardCard & { studentName: string };
  audience: CaseAudienceFacts;
}

const RISK = new Set(['low', 'medium', 'high']);

export function cardRowOf(row: Record<string, unknown>): CardRow {
  const schoolId = row.schoolId as string;
  return {
    card: {
      caseId: row.caseId as string,
      code: row.code as string,
      stage: row.stage as CaseStage,
      categories: row.categories as CaseCategory[],
      schoolId,
      schoolName: row.schoolName as string,
      classId: (row.classId as string | null) ?? null,
      className: row.className as string,
      riskLevel: RISK.has(row.riskLevel as string) ? (row.riskLevel as BoardCard['riskLevel']) : null,
      helperId: (row.helperId as string | null) ?? null,
      helperName: (row.helperName as string | null) ?? null,
      overdue: row.overdue === true,
      studentName: row.studentName as string,
      version: Number(row.version),
      updatedAt: new Date(row.updatedAt as string | Date).toISOString(),
    },
    audience: {
      schoolId,
      helperUserIds: (row.helperUserIds as string[] | null) ?? [],
      offeredUserIds: (row.offeredUserIds as string[] | null) ?? [],
      homeroomId: (row.homeroomId as string | null) ?? null,
    },
  };
}
