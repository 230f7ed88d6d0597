// Monthly figures of one school (docs/reports.md): per month and per teacher, and cumulative over
// each semester and the year. From HelpMonthly (kept by a trigger on CheckIn) and the check-ins'
// case ids for the distinct pupils. Sums only: no quota, no average, no rank.
import type { Db } from '../client';

export interface MonthFigures {
  /** Pupils with a check-in filed (one check-in per pupil and month). */
  pupils: number;
  tutoringSessions: number;
  tutoringHours: number;
  moneyVnd: number;
  riceKg: number;
  riceValueVnd: number;
  goodsValueVnd: number;
  familyVisits: number;
}

export const emptyMonth = (): MonthFigures => ({
  pupils: 0,
  tutoringSessions: 0,
  tutoringHours: 0,
  moneyVnd: 0,
  riceKg: 0,
  riceValueVnd: 0,
  goodsValueVnd: 0,
  familyVisits: 0,
});

function add(f: MonthFigures, measure: string, q: number, v: number): void {
  if (measure === 'checkins') f.pupils += q;
  else if (measure === 'sessions') f.tutoringSessions += q;
  else if (measure === 'hours') f.tutoringHours = Math.round((f.tutoringHours + q) * 100) / 100;
  else if (measure === 'visits') f.familyVisits += q;
  else if (measure === 'material:money') f.moneyVnd += v;
  else if (measure === 'material:rice') {
    f.riceKg += q;
    f.riceValueVnd += v;
  } else if (measure.startsWith('material:')) f.goodsValueVnd += v;
}

export interface MonthlyQuery {
  campaignId: string;
  schoolId: string;
  /** 'YYYY-MM' months in order: the school year's. */
  months: string[];
  /** Named spans for the cumulative columns, e.g. semester I: first and last month. */
  spans: { key: string; from: string; to: string }[];
}

export interface MonthlyResult {
  school: { months: Record<string, MonthFigures>; spans: Record<string, MonthFigures> };
  teachers: {
    teacherId: string;
    name: string;
    months: Record<string, MonthFigures>;
    spans: Record<string, MonthFigures>;
  }[];
}

export async function monthlyFigures(db: Db, q: MonthlyQuery): Promise<MonthlyResult> {
  const from = q.months[0] ?? '0000-00';
  const to = q.months.at(-1) ?? '9999-99';
  const rows = await db.$queryRaw<
    { authorId: string; month: string; measure: string; q: number; v: number }[]
  >`
    SELECT "authorId", month, measure, sum(quantity)::float8 AS q, sum("valueVnd")::float8 AS v
    FROM "HelpMonthly"
    WHERE "campaignId" = ${q.campaignId} AND "schoolId" = ${q.schoolId} AND month >= ${from} AND month <= ${to}
    GROUP BY "authorId", month, measure`;
  // Distinct pupils over a span (a pupil helped in three months counts once).
  const distinct = await db.$queryRaw<{ span: string; authorId: string | null; n: number }[]>`
    SELECT s.key AS span, k."authorId", count(DISTINCT k."caseId")::int AS n
    FROM "CheckIn" k
    JOIN "HelpMonthlySource" src ON src."checkInId" = k.id
    JOIN jsonb_to_recordset(${JSON.stringify(q.spans)}::jsonb) AS s(key text, "from" text, "to" text)
      ON k.month >= s."from" AND k.month <= s."to"
    WHERE src."campaignId" = ${q.campaignId} AND src."schoolId" = ${q.schoolId}
    GROUP BY GROUPING SETS ((s.key, k."authorId"), (s.key))`;
  const names = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, displayName: true },
  });
  const nameOf = new Map(names.map((n) => [n.id, n.displayName]));
  const blank = () =>
    Object.fromEntries(q.months.map((m) => [m, emptyMonth()])) as Record<string, MonthFigures>;
  const school = { months: blank(), spans: {} as Record<string, MonthFigures> };
  const teachers = new Map<string, MonthlyResult['teachers'][number]>();
  for (const r of rows) {
    let t = teachers.get(r.authorId);
    if (!t) {
      t = { teacherId: r.authorId, name: nameOf.get(r.authorId) ?? r.authorId, months: blank(), spans: {} };
      teachers.set(r.authorId, t);
    }
    const m = t.months[r.month];
    const sm = school.months[r.month];
    if (m) add(m, r.measure, r.q, r.v);
    if (sm) add(sm, r.measure, r.q, r.v);
  }
  const spanOf = (
    months: Record<string, MonthFigures>,
    span: MonthlyQuery['spans'][number],
    pupils: number,
  ) => {
    const f = emptyMonth();
    for (const [m, x] of Object.entries(months)) {
      if (m < span.from || m > span.to) continue;
      f.tutoringSessions += x.tutoringSessions;
      f.tutoringHours = Math.round((f.tutoringHours + x.tutoringHours) * 100) / 100;
      f.moneyVnd += x.moneyVnd;
      f.riceKg += x.riceKg;
      f.riceValueVnd += x.riceValueVnd;
      f.goodsValueVnd += x.goodsValueVnd;
      f.familyVisits += x.familyVisits;
    }
    f.pupils = pupils;
    return f;
  };
  const pupilsOf = (span: string, author: string | null) =>
    distinct.find((d) => d.span === span && d.authorId === author)?.n ?? 0;
  for (const span of q.spans) {
    school.spans[span.key] = spanOf(school.months, span, pupilsOf(span.key, null));
    for (const t of teachers.values())
      t.spans[span.key] = spanOf(t.months, span, pupilsOf(span.key, t.teacherId));
  }
  const collator = new Intl.Collator('vi');
  // Alphabetical by name, never by amount: the product ranks no one.
  const list = [...teachers.values()].sort((a, b) => collator.compare(a.name, b.name));
  return { school, teachers: list };
}

/** One case's help over time (school staff only): per month, numbers only. */
export async function caseHelpOverTime(db: Db, caseId: string) {
  const rows = await db.checkIn.findMany({
    where: { caseId },
    orderBy: { month: 'asc' },
    select: { month: true, report: true, tutoringHours: true },
  });
  return rows.map((r) => {
    const report = r.report as {
      tutoring?: { sessions?: number };
      familyContact?: { visits?: number };
      material?: { kind: string; quantity: number; valueVnd?: number }[];
    };
    const f = emptyMonth();
    f.pupils = 1;
    f.tutoringSessions = report.tutoring?.sessions ?? 0;
    f.tutoringHours = r.tutoringHours;
    f.familyVisits = report.familyContact?.visits ?? 0;
    for (const m of report.material ?? []) add(f, `material:${m.kind}`, m.quantity, m.valueVnd ?? 0);
    return { month: r.month, ...f };
  });
}
