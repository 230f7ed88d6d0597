import { unitAndAncestors, unitsAbove, unitsBelow } from '@donghanh/db';
import type { Context, SessionUser } from '../context';
import type { AccessRule } from './rules';

type Caller = Context & { user: SessionUser };

function isAdmin(ctx: Caller): boolean {
  return ctx.user.roles.some((r) => r.role === 'ADMIN');
}

function officeUnits(ctx: Caller): string[] {
  return ctx.user.roles.filter((r) => r.role === 'OFFICE_COORDINATOR').map((r) => r.unitId);
}

/**
 * The units whose campaigns the caller sees, or null for all (admin). Everyone sees the
 * campaigns run by the unit they work in or by one above it (a teacher sees the province's);
 * an office coordinator also those of the units below, since they may create them there.
 */
export async function campaignUnitsVisibleTo(ctx: Caller): Promise<Set<string> | null> {
  if (isAdmin(ctx)) return null;
  const [up, down] = await Promise.all([
    unitsAbove(
      ctx.db,
      ctx.user.roles.map((r) => r.unitId),
    ),
    unitsBelow(ctx.db, officeUnits(ctx)),
  ]);
  return new Set([...up, ...down]);
}

/**
 * The school units whose cases the caller may count, or null for all (admin): the units of
 * their roles and everything below (a school role counts its own school, an office its schools).
 */
export async function countableUnitsOf(ctx: Caller): Promise<string[] | null> {
  if (isAdmin(ctx)) return null;
  return [
    ...(await unitsBelow(
      ctx.db,
      ctx.user.roles.map((r) => r.unitId),
    )),
  ];
}

/** True when the caller sees campaigns run by `unitId`. */
export async function seesCampaignsOf(ctx: Caller, unitId: string): Promise<boolean> {
  const visible = await campaignUnitsVisibleTo(ctx);
  return visible === null || visible.has(unitId);
}

/** True when the caller may create or change campaigns run by `unitId`: admin, or an office on it or above. */
export async function managesCampaignsOf(ctx: Caller, unitId: string): Promise<boolean> {
  if (isAdmin(ctx)) return true;
  const offices = officeUnits(ctx);
  if (offices.length === 0) return false;
  const units = await unitAndAncestors(ctx.db, unitId);
  return offices.some((u) => units.has(u));
}

function campaignUnit(ctx: Caller, campaignId: string) {
  return ctx.db.campaign.findUnique({ where: { id: campaignId }, select: { unitId: true } });
}

/** Sees the campaign (see campaignUnitsVisibleTo). An unknown campaign is refused, except to admins (not found). */
export const campaignReader: AccessRule<{ campaignId: string }> = {
  name: 'campaign:reader',
  async allows(ctx, input) {
    const c = await campaignUnit(ctx, input.campaignId);
    return c ? seesCampaignsOf(ctx, c.unitId) : isAdmin(ctx);
  },
};

/** Changes the campaign: an admin, or an office coordinator on the campaign's unit or above. */
export const campaignManager: AccessRule<{ campaignId: string }> = {
  name: 'campaign:manager',
  async allows(ctx, input) {
    const c = await campaignUnit(ctx, input.campaignId);
    return c ? managesCampaignsOf(ctx, c.unitId) : isAdmin(ctx);
  },
};

/**
 * Creates a campaign on the unit: an admin, or an office coordinator on that unit or above. A
 * campaign copied from must be one the caller sees, so its settings do not leak to another unit.
 */
export const campaignCreator: AccessRule<{ unitId: string; copyFromCampaignId?: string | undefined }> = {
  name: 'campaign:manager-on-unit',
  async allows(ctx, input) {
    if (!(await managesCampaignsOf(ctx, input.unitId))) return false;
    if (!input.copyFromCampaignId) return true;
    const source = await campaignUnit(ctx, input.copyFromCampaignId);
    // An unknown source is answered by the operation (not found), as for an admin.
    return !source || (await seesCampaignsOf(ctx, source.unitId));
  },
};
