import type { RegisterFacts } from '@donghanh/domain';
import type { Db } from '../client';

/**
 * The facts of the inspector's register (domain privacy-law/register.ts), one row per case, in
 * one query: the current consent or legal basis, whether the case was helped, its erase-on day,
 * when it was erased and its Temporal histories deleted, and holds not lifted. Days are
 * Vietnamese calendar days (timestamps are stored as UTC without a zone: read as UTC, then shown
 * at UTC+7). Codes only: no name, no free text.
 */
export async function readPrivacyRegister(
  db: Db,
  o: { schoolIds?: string[] | undefined } = {},
): Promise<RegisterFacts[]> {
  const schools = o.schoolIds ?? null;
  const rows = await db.$queryRaw<RegisterFacts[]>`
    SELECT c.id AS "caseId", c.code, s.name AS school, c.stage::text AS stage,
      to_char((c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "identifiedOn",
      to_char((c."closedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "closedOn",
      c."closureReason",
      cc.basis, cc.version AS "basisVersion", to_char(cc."givenOn", 'YYYY-MM-DD') AS "basisOn",
      lb.code AS "legalBasisCode", to_char(cc."withdrawnOn", 'YYYY-MM-DD') AS "withdrawnOn",
      (EXISTS (SELECT 1 FROM "CaseHelper" h WHERE h."caseId" = c.id AND h."respondedAt" IS NOT NULL AND h.status IN ('ACTIVE', 'ENDED'))
        OR EXISTS (SELECT 1 FROM "HelpPlan" p WHERE p."caseId" = c.id)
        OR EXISTS (SELECT 1 FROM "CheckIn" k WHERE k."caseId" = c.id)) AS helped,
      to_char(c."personalDataEraseOn", 'YYYY-MM-DD') AS "eraseOn",
      to_char((c."personalDataErasedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "erasedOn",
      (SELECT to_char((max(e."createdAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') FROM "CaseEvent" e
        WHERE e."caseId" = c.id AND e.type = 'case.history_erased' AND e.payload->>'scope' = 'all_runs') AS "historyErasedOn",
      (SELECT count(*)::int FROM "LegalHold" lh WHERE lh."caseId" = c.id AND lh."liftedAt" IS NULL) AS "activeHolds"
    FROM "Case" c
    JOIN "School" s ON s.id = c."schoolId"
    LEFT JOIN "CaseConsent" cc ON cc."caseId" = c.id AND cc.current
    LEFT JOIN "LegalBasis" lb ON lb.id = cc."legalBasisId"
    WHERE ${schools}::text[] IS NULL OR c."schoolId" = ANY(${schools}::text[])
    ORDER BY s.name, c.code`;
  return rows;
}
