// An office's roll-up of a report round (docs/reports.md): every school below the office with
// its report's status, and totals per unit of the tree (commune → province). What it returns is
// codes, names of units, statuses and numbers only — no child, no free text — so any office
// above the schools may read it.
import { type ReportFigures, type ReportStatus, sumFigures } from '@donghanh/domain';
import type { Db } from '../client';
import { figuresBySchool } from './report-figures';

export interface RollupSchoolRow {
  schoolId: string;
  unitId: string;
  code: string;
  name: string;
  status: ReportStatus;
  late: boolean;
  version: number;
  dueOn: string | null;
  figures: ReportFigures;
}

export interface RollupNode {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  /** Schools below this unit, and how many are in each status (late counted apart). */
  schoolCount: number;
  statusCounts: Record<ReportStatus | 'late', number>;
  totals: ReportFigures;
  children: RollupNode[];
  schools: RollupSchoolRow[];
}

export interface RollupQuery {
  campaignId: string;
  unitId: string;
  /** A round's roll-up sums the figures the schools submitted; 'year' sums the cases live, over the year. */
  scope: { round: number } | { year: { from: string; to: string } };
}

interface UnitRow {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  schoolId: string | null;
}

const emptyCounts = (): Record<ReportStatus | 'late', number> => ({
  not_sent: 0,
  draft: 0,
  signed: 0,
  submitted: 0,
  returned: 0,
  accepted: 0,
  late: 0,
});

/** The unit's subtree (depth-bounded), with each school's id. */
async function subtree(db: Db, unitId: string): Promise<UnitRow[]> {
  return db.$queryRaw<UnitRow[]>`
    WITH RECURSIVE down AS (
      SELECT id, "parentId", 0 AS depth FROM "Unit" WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u."parentId", down.depth + 1 FROM "Unit" u JOIN down ON u."parentId" = down.id WHERE down.depth < 16
    )
    SELECT u.id, CASE WHEN u.id = ${unitId} THEN NULL ELSE u."parentId" END AS "parentId", u.code, u.name,
           u.kind::text AS kind, s.id AS "schoolId"
    FROM down JOIN "Unit" u ON u.id = down.id LEFT JOIN "School" s ON s."unitId" = u.id`;
}

export async function reportRollup(db: Db, q: RollupQuery): Promise<RollupNode | null> {
  const units = await subtree(db, q.unitId);
  if (units.length === 0) return null;
  const schoolIds = units.flatMap((u) => (u.schoolId ? [u.schoolId] : []));
  const round = 'round' in q.scope ? q.scope.round : null;
  const reports = await db.schoolReport.findMany({
    where: { campaignId: q.campaignId, schoolId: { in: schoolIds }, ...(round !== null ? { round } : {}) },
    select: {
      schoolId: true,
      round: true,
      status: true,
      late: true,
      version: true,
      dueOn: true,
      figures: true,
    },
    orderBy: { round: 'asc' },
  });
  // For the year, a school's status is that of its latest round already opened (or its first).
  const bySchool = new Map<string, (typeof reports)[number]>();
  for (const r of reports)
    if (!bySchool.has(r.schoolId) || r.status !== 'not_sent') bySchool.set(r.schoolId, r);
  const live =
    'year' in q.scope
      ? await figuresBySchool(db, {
          campaignId: q.campaignId,
          schoolIds,
          from: q.scope.year.from,
          to: q.scope.year.to,
          sinceAnyTime: true,
        })
      : null;
  const official = (s: string): ReportFigures => {
    if (live) return live.get(s) ?? sumFigures([]);
    const r = bySchool.get(s);
    // Only what a school sent counts in a round's roll-up: a draft is still the school's.
    return r && (r.status === 'submitted' || r.status === 'accepted')
      ? (r.figures as unknown as ReportFigures)
      : sumFigures([]);
  };

  const nodes = new Map<string, RollupNode>();
  for (const u of units) {
    nodes.set(u.id, {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      schoolCount: 0,
      statusCounts: emptyCounts(),
      totals: sumFigures([]),
      children: [],
      schools: [],
    });
  }
  const root = nodes.get(q.unitId) as RollupNode;
  for (const u of units) {
    const node = nodes.get(u.id) as RollupNode;
    if (u.parentId && nodes.has(u.parentId) && !u.schoolId) nodes.get(u.parentId)?.children.push(node);
    if (u.schoolId) {
      const r = bySchool.get(u.schoolId);
      const row: RollupSchoolRow = {
        schoolId: u.schoolId,
        unitId: u.id,
        code: u.code,
        name: u.name,
        status: (r?.status as ReportStatus | undefined) ?? 'not_sent',
        late: r?.late ?? false,
        version: r?.version ?? 0,
        dueOn: r ? r.dueOn.toISOString().slice(0, 10) : null,
        figures: official(u.schoolId),
      };
      // A school sits in its own unit's parent; a school the office itself is (a lone school) is its own row.
      const parent = u.parentId && nodes.has(u.parentId) ? (nodes.get(u.parentId) as RollupNode) : root;
      parent.schools.push(row);
    }
  }
  const collator = new Intl.Collator('vi');
  const total = (n: RollupNode): void => {
    for (const c of n.children) total(c);
    n.children = n.children.filter((c) => c.schoolCount > 0 || c.children.length > 0);
    n.children.sort((a, b) => collator.compare(a.name, b.name));
    n.schools.sort((a, b) => collator.compare(a.name, b.name));
    n.schoolCount = n.schools.length + n.children.reduce((s, c) => s + c.schoolCount, 0);
    n.totals = sumFigures([...n.schools.map((s) => s.figures), ...n.children.map((c) => c.totals)]);
    for (const s of n.schools) {
      n.statusCounts[s.status] += 1;
      if (s.late) n.statusCounts.late += 1;
    }
    for (const c of n.children)
      for (const [k, v] of Object.entries(c.statusCounts)) n.statusCounts[k as ReportStatus] += v;
  };
  total(root);
  return root;
}
