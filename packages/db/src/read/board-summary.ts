import type { CaseCategory, CaseStage } from '@donghanh/domain';
import type { Db } from '../client';
import { type BoardReach, REACH_WHERE } from './board-cards';

/** Counts for one school: no row here names a child, so every audience may read it. */
export interface SchoolSummary {
  schoolId: string;
  schoolName: string;
  total: number;
  byStage: Partial<Record<CaseStage, number>>;
  byCategory: Partial<Record<CaseCategory, number>>;
  /** Cases with an open task past its due time. */
  overdue: number;
  /** Cases whose latest check-in reported high risk. */
  highRisk: number;
  checkIns: number;
  lateCheckIns: number;
  tutoringHours: number;
  materialVnd: number;
}

/** The board's aggregates per school, over the same cases the caller's board holds. */
export async function summariseBoard(
  db: Db,
  reach: BoardReach,
  filter: { schoolIds?: readonly string[] | undefined } = {},
): Promise<SchoolSummary[]> {
  const only = filter.schoolIds ? [...filter.schoolIds] : null;
  const args = [[...reach.schoolIds], reach.userId, only] as const;
  /** The caller's cases, optionally joined to what a query counts (`join`). */
  const scoped = (join = '') => `FROM "Case" c ${join}
      JOIN "Student" st ON st.id = c."studentId"
      LEFT JOIN "Class" cl ON cl.id = st."classId"
     WHERE ${REACH_WHERE} AND ($3::text[] IS NULL OR c."schoolId" = ANY($3::text[]))`;
  const [stages, categories, help] = await Promise.all([
    db.$queryRawUnsafe<{ schoolId: string; stage: string; n: number; overdue: number; high: number }[]>(
      `SELECT c."schoolId", c.stage::text AS stage, count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Task" t WHERE t."caseId" = c.id
                                 AND t.status = 'OPEN' AND t."dueAt" < now()))::int AS overdue,
              count(*) FILTER (WHERE c."riskLevel" = 'high')::int AS high
         ${scoped()}
        GROUP BY 1, 2`,
      ...args,
    ),
    db.$queryRawUnsafe<{ schoolId: string; category: string; n: number }[]>(
      `SELECT c."schoolId", cat AS category, count(*)::int AS n
         ${scoped('CROSS JOIN LATERAL unnest(c.categories) AS cat')}
        GROUP BY 1, 2`,
      ...args,
    ),
    db.$queryRawUnsafe<
      { schoolId: string; checkIns: number; late: number; hours: number | null; vnd: string | null }[]
    >(
      `SELECT c."schoolId", count(ci.id)::int AS "checkIns", count(ci.id) FILTER (WHERE ci.late)::int AS late,
              sum(ci."tutoringHours")::float8 AS hours, sum(ci."materialVnd")::text AS vnd
         ${scoped('JOIN "CheckIn" ci ON ci."caseId" = c.id')}
        GROUP BY 1`,
      ...args,
    ),
  ]);
  const schoolIds = [...new Set([...stages.map((r) => r.schoolId), ...reach.schoolIds])].filter(
    (id) => !only || only.includes(id),
  );
  const names = await db.school.findMany({
    where: { id: { in: schoolIds } },
    select: { id: true, name: true },
  });
  const byId = new Map<string, SchoolSummary>(
    names.map((s) => [
      s.id,
      {
        schoolId: s.id,
        schoolName: s.name,
        total: 0,
        byStage: {},
        byCategory: {},
        overdue: 0,
        highRisk: 0,
        checkIns: 0,
        lateCheckIns: 0,
        tutoringHours: 0,
        materialVnd: 0,
      },
    ]),
  );
  for (const r of stages) {
    const s = byId.get(r.schoolId);
    if (!s) continue;
    s.total += r.n;
    s.byStage[r.stage as CaseStage] = r.n;
    s.overdue += r.overdue;
    s.highRisk += r.high;
  }
  for (const r of categories) {
    const s = byId.get(r.schoolId);
    if (s) s.byCategory[r.category as CaseCategory] = r.n;
  }
  for (const r of help) {
    const s = byId.get(r.schoolId);
    if (!s) continue;
    s.checkIns = r.checkIns;
    s.lateCheckIns = r.late;
    s.tutoringHours = r.hours ?? 0;
    s.materialVnd = Number(r.vnd ?? 0);
  }
  return [...byId.values()].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'vi'));
}
