// The facts behind the commendation indicators (docs/reports.md, Commendation): every check-in
// due in the year, every semester evaluation signed off, every pupil in a drop-out category
// helped — for several schools in one statement. The counting rules are in the domain
// (commendationIndicatorsOf); this reads codes, ids, days and levels only, never free text.
import type { CommendationFact } from '@donghanh/domain';
import type { Db } from '../client';

export interface CommendationFactsQuery {
  campaignId: string;
  schoolIds: readonly string[];
  /** The school year's first and last day ('YYYY-MM-DD'). */
  from: string;
  to: string;
  /** The calendar's today: a check-in not filed counts as due once its due day has passed. */
  today: string;
}

/**
 * Calendar days are Vietnam's: a check-in filed at 23:30 on its due day is on time. Prisma stores
 * instants as UTC in a column without a zone: read as UTC first, then as Vietnam's wall clock.
 */
const LOCAL_DAY = (expr: string) =>
  `((${expr} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text`;

export async function commendationFacts(db: Db, q: CommendationFactsQuery): Promise<CommendationFact[]> {
  if (q.schoolIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<
    {
      kind: 'checkin' | 'evaluation' | 'dropout';
      schoolId: string;
      caseId: string;
      teacherIds: string[];
      a: string | null;
      b: string | null;
      notReturned: boolean;
    }[]
  >(
    `WITH c AS MATERIALIZED (
       SELECT id, "schoolId", stage::text AS stage, categories, "helperId", "closureReason", "closedAt"
       FROM "Case" WHERE "campaignId" = $1 AND "schoolId" = ANY($2::text[])
     )
     -- Filed check-ins of the year's months: due on their task's day (the CheckIn row and its task
     -- share the id), else on the local day of their due time.
     SELECT 'checkin' AS kind, c."schoolId", c.id AS "caseId", ARRAY[k."authorId"] AS "teacherIds",
            COALESCE(t."dueOn"::text, ${LOCAL_DAY('k."dueAt"')}) AS a, ${LOCAL_DAY('k."filedAt"')} AS b,
            false AS "notReturned"
       FROM "CheckIn" k JOIN c ON c.id = k."caseId" LEFT JOIN "Task" t ON t.id = k.id
      WHERE k.month >= substr($3, 1, 7) AND k.month <= substr($4, 1, 7)
     UNION ALL
     -- Check-ins still owed: the task open past its due day.
     SELECT 'checkin', c."schoolId", c.id, ARRAY[t."assigneeUserId"], t."dueOn"::text, NULL, false
       FROM "Task" t JOIN c ON c.id = t."caseId"
      WHERE t.type = 'file_checkin' AND t.status = 'OPEN' AND t."assigneeUserId" IS NOT NULL
        AND t."dueOn" >= $3::date AND t."dueOn" <= $4::date AND t."dueOn" < $5::date
        AND NOT EXISTS (SELECT 1 FROM "CheckIn" k WHERE k.id = t.id)
     UNION ALL
     SELECT 'evaluation', c."schoolId", c.id, ARRAY[e."authorId"],
            e.content->>'resultsBefore', e.content->>'resultsAfter', false
       FROM "Evaluation" e JOIN c ON c.id = e."caseId"
      WHERE e.status = 'SIGNED_OFF' AND e."decidedAt" >= $3::date AND e."decidedAt" < ($4::date + 1)
     UNION ALL
     -- Pupils in a drop-out category helped in the year (a check-in in it, or help under way):
     -- the teachers who helped, a closure for dropping out within the year, a back-to-school
     -- check within the year that found the pupil absent.
     SELECT 'dropout', c."schoolId", c.id,
            ARRAY(SELECT DISTINCT w FROM (
                    SELECT k."authorId" AS w FROM "CheckIn" k
                     WHERE k."caseId" = c.id AND k.month >= substr($3, 1, 7) AND k.month <= substr($4, 1, 7)
                    UNION SELECT c."helperId") x WHERE w IS NOT NULL),
            CASE WHEN c.stage = 'closed' AND c."closedAt" < ($4::date + 1) THEN c."closureReason" END,
            NULL,
            COALESCE((SELECT ev.type = 'case.not_returned' FROM "CaseEvent" ev
                       WHERE ev."caseId" = c.id AND ev.type IN ('case.returned_to_school', 'case.not_returned')
                         AND ev."createdAt" >= $3::date AND ev."createdAt" < ($4::date + 1)
                       ORDER BY ev.id DESC LIMIT 1), false)
       FROM c
      WHERE c.categories && ARRAY['dropout_risk', 'dropped_out']
        AND (c.stage IN ('active', 'evaluation', 'closure')
             OR EXISTS (SELECT 1 FROM "CheckIn" k WHERE k."caseId" = c.id
                         AND k.month >= substr($3, 1, 7) AND k.month <= substr($4, 1, 7)))`,
    q.campaignId,
    [...q.schoolIds],
    q.from,
    q.to,
    q.today,
  );
  return rows.map((r): CommendationFact => {
    if (r.kind === 'checkin')
      return {
        kind: 'checkin',
        schoolId: r.schoolId,
        caseId: r.caseId,
        teacherId: r.teacherIds[0] ?? '',
        dueOn: r.a ?? '',
        filedOn: r.b,
      };
    if (r.kind === 'evaluation')
      return {
        kind: 'evaluation',
        schoolId: r.schoolId,
        caseId: r.caseId,
        teacherId: r.teacherIds[0] ?? '',
        before: r.a,
        after: r.b,
      };
    return {
      kind: 'dropout',
      schoolId: r.schoolId,
      caseId: r.caseId,
      teacherIds: r.teacherIds,
      closureReason: r.a,
      notReturned: r.notReturned,
    };
  });
}
