import { type CampaignRow, campaignStageCounts } from '@donghanh/db';
import { CASE_STAGES, type CaseStage } from '@donghanh/domain';
import { countableUnitsOf } from '../../access/campaign-rules';
import type { Context, SessionUser } from '../../context';

export interface CampaignSummary {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  schoolYear: number;
  /** '2026–2027' */
  schoolYearLabel: string;
  active: boolean;
  createdAt: string;
  /** Cases the caller may count (their school, their office's schools, or all for an admin). */
  cases: { total: number; byStage: Record<CaseStage, number> };
}

export const schoolYearLabel = (year: number) => `${year}–${year + 1}`;

/** The rows as the UI lists them, with their case counts scoped to the caller. */
export async function summarise(
  ctx: Context & { user: SessionUser },
  rows: readonly CampaignRow[],
): Promise<CampaignSummary[]> {
  const counts = await campaignStageCounts(
    ctx.db,
    rows.map((r) => r.id),
    await countableUnitsOf(ctx),
  );
  return rows.map((r) => {
    const found = counts.get(r.id) ?? {};
    const byStage = Object.fromEntries(CASE_STAGES.map((s) => [s, found[s] ?? 0])) as Record<
      CaseStage,
      number
    >;
    return {
      id: r.id,
      name: r.name,
      unitId: r.unitId,
      unitName: r.unitName,
      schoolYear: r.schoolYear,
      schoolYearLabel: schoolYearLabel(r.schoolYear),
      active: r.active,
      createdAt: r.createdAt.toISOString(),
      cases: { total: Object.values(byStage).reduce((a, b) => a + b, 0), byStage },
    };
  });
}
