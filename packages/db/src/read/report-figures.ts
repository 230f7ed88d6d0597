// The figures of a report round, aggregated in SQL per school (docs/reports.md): a school's
// report is pre-filled from it, and an office's roll-up runs it over every school below it
// (bench/rollup-province.ts). Codes, counts and totals only: no name, no free text.
import { emptyFigures, type ReportFigures } from '@donghanh/domain';
import type { Db } from '../client';
import type { Tx } from '../write/record-case-event';

export interface FiguresPeriod {
  campaignId: string;
  schoolIds: readonly string[];
  /** First and last calendar day covered ('YYYY-MM-DD'); check-ins count by their month. */
  from: string;
  to: string;
  /** Count closures and evaluations decided before `from` too (a year's cumulative figures). */
  sinceAnyTime?: boolean;
}

const HELPING = `('active','evaluation','closure')`;
/** The official scales' order (Thông tư 22/2021, 27/2020): a smaller rank is better. */
const RANK = (expr: string) =>
  `CASE ${expr} WHEN 'tot' THEN 1 WHEN 'hoan_thanh_tot' THEN 1 WHEN 'kha' THEN 2 WHEN 'hoan_thanh' THEN 2 WHEN 'dat' THEN 3 WHEN 'chua_hoan_thanh' THEN 4 WHEN 'chua_dat' THEN 4 END`;

/**
 * Per school, the figures of the period. One statement: the campaign's cases at these schools,
 * their check-ins in the period's months, closures and evaluations decided in it.
 */
export async function figuresBySchool(db: Db | Tx, p: FiguresPeriod): Promise<Map<string, ReportFigures>> {
  const out = new Map<string, ReportFigures>();
  for (const id of p.schoolIds) out.set(id, emptyFigures());
  if (p.schoolIds.length === 0) return out;
  const fromMonth = p.from.slice(0, 7);
  const toMonth = p.to.slice(0, 7);
  const schoolIds = [...p.schoolIds];
  const rows = await db.$queryRawUnsafe<
    { schoolId: string; kind: string; key: string | null; n: number; q: number; v: number }[]
  >(
    `WITH c AS MATERIALIZED (
       SELECT id, "schoolId", stage::text AS stage, categories, "helperId", "closureReason", "closedAt"
       FROM "Case" WHERE "campaignId" = $1 AND "schoolId" = ANY($2::text[])
     ),
     ci AS MATERIALIZED (
       SELECT k."caseId", c."schoolId", k."authorId", k.report, k."tutoringHours"
       FROM "CheckIn" k JOIN c ON c.id = k."caseId"
       WHERE k.month >= $3 AND k.month <= $4
     ),
     helped AS MATERIALIZED (
       SELECT c.* FROM c
       WHERE c.stage IN ${HELPING} OR EXISTS (SELECT 1 FROM ci WHERE ci."caseId" = c.id)
     )
     SELECT "schoolId", 'helped' AS kind, NULL AS key, count(*)::int AS n, 0::float8 AS q, 0::float8 AS v
       FROM helped GROUP BY "schoolId"
     UNION ALL
     SELECT "schoolId", 'category', cat, count(*)::int, 0, 0
       FROM helped, unnest(categories) AS cat GROUP BY "schoolId", cat
     UNION ALL
     SELECT h."schoolId", 'new', NULL, count(*)::int, 0, 0 FROM helped h
       WHERE NOT EXISTS (SELECT 1 FROM "CheckIn" k WHERE k."caseId" = h.id AND k.month < $3)
       GROUP BY h."schoolId"
     UNION ALL
     SELECT "schoolId", 'closed', COALESCE("closureReason", 'other'), count(*)::int, 0, 0 FROM c
       WHERE stage = 'closed' AND "closedAt" < ($6::date + 1) AND ($7 OR "closedAt" >= $5::date)
       GROUP BY "schoolId", "closureReason"
     UNION ALL
     SELECT "schoolId", 'helpers', NULL, count(DISTINCT who)::int, 0, 0 FROM (
       SELECT "schoolId", "authorId" AS who FROM ci
       UNION SELECT "schoolId", "helperId" FROM helped WHERE "helperId" IS NOT NULL AND stage IN ${HELPING}
     ) w GROUP BY "schoolId"
     UNION ALL
     SELECT "schoolId", 'tutoring', NULL,
            COALESCE(sum((report->'tutoring'->>'sessions')::int), 0)::int,
            COALESCE(sum("tutoringHours"), 0)::float8,
            COALESCE(sum((report->'familyContact'->>'visits')::int), 0)::float8
       FROM ci GROUP BY "schoolId"
     UNION ALL
     SELECT ci."schoolId", 'material', m->>'kind', count(*)::int,
            sum((m->>'quantity')::float8), sum((m->>'valueVnd')::float8)
       FROM ci, jsonb_array_elements(ci.report->'material') AS m GROUP BY ci."schoolId", m->>'kind'
     UNION ALL
     SELECT c."schoolId", 'evaluation', NULL, count(*)::int,
            count(*) FILTER (WHERE ${RANK(`e.content->>'resultsAfter'`)} < ${RANK(`e.content->>'resultsBefore'`)})::float8, 0
       FROM "Evaluation" e JOIN c ON c.id = e."caseId"
       WHERE e.status = 'SIGNED_OFF' AND e."decidedAt" < ($6::date + 1) AND ($7 OR e."decidedAt" >= $5::date)
       GROUP BY c."schoolId"
     UNION ALL
     SELECT "schoolId", 'dropout', NULL,
            count(*) FILTER (WHERE 'dropout_risk' = ANY(categories))::int,
            count(*) FILTER (WHERE 'dropped_out' = ANY(categories))::float8, 0
       FROM helped WHERE "closureReason" IS DISTINCT FROM 'dropped_out' GROUP BY "schoolId"`,
    p.campaignId,
    schoolIds,
    fromMonth,
    toMonth,
    p.from,
    p.to,
    p.sinceAnyTime ?? false,
  );
  for (const r of rows) {
    const f = out.get(r.schoolId);
    if (!f) continue;
    switch (r.kind) {
      case 'helped':
        f.pupils.helped = r.n;
        break;
      case 'category':
        (f.pupils.byCategory as Record<string, number>)[r.key ?? 'other'] = r.n;
        break;
      case 'new':
        f.pupils.newlyHelped = r.n;
        break;
      case 'closed':
        f.pupils.closed += r.n;
        f.pupils.closedByReason[r.key ?? 'other'] = r.n;
        break;
      case 'helpers':
        f.helpers = r.n;
        break;
      case 'tutoring':
        f.help.tutoringSessions = r.n;
        f.help.tutoringHours = Math.round(r.q * 100) / 100;
        f.help.familyVisits = r.v;
        break;
      case 'material':
        if (r.key === 'money') f.help.moneyVnd += r.v;
        else if (r.key === 'rice') {
          f.help.riceKg += r.q;
          f.help.riceValueVnd += r.v;
        } else {
          f.help.goods.push({ kind: r.key ?? 'other', quantity: r.q, valueVnd: r.v });
          f.help.goodsValueVnd += r.v;
        }
        break;
      case 'evaluation':
        f.evaluations.approved = r.n;
        f.evaluations.improved = r.q;
        break;
      case 'dropout':
        f.dropouts.prevented = r.n;
        f.dropouts.returned = r.q;
        break;
    }
  }
  for (const f of out.values()) f.help.goods.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return out;
}
