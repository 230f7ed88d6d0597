// The figures of a report round, aggregated in SQL per school (docs/reports.md): a school's
// report is pre-filled from it, and an office's roll-up runs it over every school below it
// (bench/rollup-province.ts). Codes, counts and totals only: no name, no free text.
import { emptyFigures, evaluationShowsProgress, type ReportFigures } from '@donghanh/domain';
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
/**
 * Per school, the figures of the period. One statement: the campaign's cases at these schools,
 * their check-ins in the period's months, closures and evaluations decided in it.
 */
/** Adds one HelpMonthly measure's sums to a school's figures. */
export function addMeasure(f: ReportFigures, measure: string, q: number, v: number): void {
  if (measure === 'sessions') f.help.tutoringSessions += Math.round(q);
  else if (measure === 'hours') f.help.tutoringHours = Math.round((f.help.tutoringHours + q) * 100) / 100;
  else if (measure === 'visits') f.help.familyVisits += Math.round(q);
  else if (measure === 'material:money') f.help.moneyVnd += v;
  else if (measure === 'material:rice') {
    f.help.riceKg += q;
    f.help.riceValueVnd += v;
  } else if (measure.startsWith('material:')) {
    const kind = measure.slice('material:'.length);
    const line = f.help.goods.find((g) => g.kind === kind);
    if (line) {
      line.quantity += q;
      line.valueVnd += v;
    } else f.help.goods.push({ kind, quantity: q, valueVnd: v });
    f.help.goodsValueVnd += v;
  }
}

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
     helped AS MATERIALIZED (
       SELECT c.* FROM c
       WHERE c.stage IN ${HELPING}
          OR EXISTS (SELECT 1 FROM "CheckIn" k WHERE k."caseId" = c.id AND k.month >= $3 AND k.month <= $4)
     ),
     hm AS MATERIALIZED (
       SELECT "schoolId", "authorId", measure, quantity, "valueVnd" FROM "HelpMonthly"
       WHERE "campaignId" = $1 AND "schoolId" = ANY($2::text[]) AND month >= $3 AND month <= $4
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
     SELECT "schoolId", 'helpers', NULL, count(*)::int, 0, 0 FROM (
       SELECT "schoolId", "authorId" AS who FROM hm WHERE measure = 'checkins' AND quantity > 0
       UNION
       SELECT "schoolId", "helperId" FROM helped WHERE "helperId" IS NOT NULL AND stage IN ${HELPING}
     ) w GROUP BY "schoolId"
     UNION ALL
     SELECT "schoolId", 'measure', measure, 0, sum(quantity), sum("valueVnd") FROM hm GROUP BY "schoolId", measure
     UNION ALL
     SELECT c."schoolId", 'evaluation',
            json_build_array(e.content->>'resultsBefore', e.content->>'resultsAfter')::text, count(*)::int, 0, 0
       FROM "Evaluation" e JOIN c ON c.id = e."caseId"
       WHERE e.status = 'SIGNED_OFF' AND e."decidedAt" < ($6::date + 1) AND ($7 OR e."decidedAt" >= $5::date)
       GROUP BY c."schoolId", e.content->>'resultsBefore', e.content->>'resultsAfter'
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
      case 'measure':
        addMeasure(f, r.key ?? '', r.q, r.v);
        break;
      case 'evaluation': {
        // One rule for progress (the commendation indicators use it too), so it is judged here
        // rather than by a second definition in SQL.
        const [before, after] = JSON.parse(r.key ?? '[null,null]') as [string | null, string | null];
        f.evaluations.approved += r.n;
        if (evaluationShowsProgress(before, after)) f.evaluations.improved += r.n;
        break;
      }
      case 'dropout':
        f.dropouts.prevented = r.n;
        f.dropouts.returned = r.q;
        break;
    }
  }
  for (const f of out.values()) {
    // An amended check-in leaves a measure at zero: no empty goods line.
    f.help.goods = f.help.goods.filter((g) => g.quantity !== 0 || g.valueVnd !== 0);
    f.help.goods.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  }
  return out;
}
