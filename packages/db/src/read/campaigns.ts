import type { Db } from '../client';

export interface CampaignRow {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  schoolYear: number;
  active: boolean;
  settings: unknown;
  createdAt: Date;
}

/** Campaigns run by the given units (null: every unit), newest school year first. */
export async function listCampaignRows(
  db: Db,
  filter: { unitIds: readonly string[] | null; activeOnly?: boolean; campaignId?: string },
): Promise<CampaignRow[]> {
  const rows = await db.campaign.findMany({
    where: {
      ...(filter.unitIds ? { unitId: { in: [...filter.unitIds] } } : {}),
      ...(filter.activeOnly ? { active: true } : {}),
      ...(filter.campaignId ? { id: filter.campaignId } : {}),
    },
    select: {
      id: true,
      name: true,
      unitId: true,
      schoolYear: true,
      active: true,
      settings: true,
      createdAt: true,
      unit: { select: { name: true } },
    },
    orderBy: [{ schoolYear: 'desc' }, { createdAt: 'desc' }],
    take: 1000,
  });
  return rows.map(({ unit, ...c }) => ({ ...c, unitName: unit.name }));
}

/**
 * How many cases of each campaign are in each stage, counting only cases of schools whose unit
 * is in `schoolUnitIds` (null: every school). Counts only: no case, no child.
 */
export async function campaignStageCounts(
  db: Db,
  campaignIds: readonly string[],
  schoolUnitIds: readonly string[] | null,
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (campaignIds.length === 0 || schoolUnitIds?.length === 0) return out;
  const groups = await db.case.groupBy({
    by: ['campaignId', 'stage'],
    where: {
      campaignId: { in: [...campaignIds] },
      ...(schoolUnitIds ? { school: { unitId: { in: [...schoolUnitIds] } } } : {}),
    },
    _count: { _all: true },
  });
  for (const g of groups) {
    const counts = out.get(g.campaignId) ?? {};
    counts[g.stage] = g._count._all;
    out.set(g.campaignId, counts);
  }
  return out;
}
