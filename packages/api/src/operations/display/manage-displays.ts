import { AppError } from '@donghanh/domain';
import { displayUnitsOf } from '../../access/display-rules';
import { createDisplaySession } from '../../auth/display-session';
import type { Context, SessionUser } from '../../context';

type Ctx = Context & { user: SessionUser };

/** A new wall display for a unit: its one-time pairing code is shown once, never stored. */
export async function createDisplay(ctx: Ctx, input: { unitId: string; label: string }) {
  const created = await createDisplaySession(
    ctx.db,
    { unitId: input.unitId, label: input.label, createdById: ctx.user.id },
    new Date(),
  );
  return { id: created.id, pairCode: created.pairCode, pairExpires: created.pairExpires.toISOString() };
}

/** The displays of the units the caller manages, newest first, with when each was last seen. */
export async function listDisplays(ctx: Ctx) {
  const unitIds = displayUnitsOf(ctx.user);
  const [units, rows] = await Promise.all([
    ctx.db.unit.findMany({
      where: { id: { in: unitIds } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: 'asc' },
    }),
    ctx.db.displaySession.findMany({ where: { unitId: { in: unitIds } }, orderBy: { createdAt: 'desc' } }),
  ]);
  // Only units the role fits (a school role on a school, an office role on an office).
  const fits = new Set(
    units
      .filter((u) =>
        ctx.user.roles.some(
          (r) =>
            r.unitId === u.id &&
            (u.kind === 'SCHOOL'
              ? r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL'
              : r.role === 'OFFICE_COORDINATOR'),
        ),
      )
      .map((u) => u.id),
  );
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    units: units.filter((u) => fits.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
    displays: rows
      .filter((d) => fits.has(d.unitId))
      .map((d) => ({
        id: d.id,
        unitId: d.unitId,
        unitName: names.get(d.unitId) ?? d.unitId,
        label: d.label,
        createdAt: d.createdAt.toISOString(),
        pairedAt: d.pairedAt?.toISOString() ?? null,
        pairExpires: d.pairExpires?.toISOString() ?? null,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        revokedAt: d.revokedAt?.toISOString() ?? null,
      })),
  };
}

/** Ends a display at once: its next request is refused, and its socket is closed (NOTIFY). */
export async function revokeDisplay(ctx: Ctx, input: { displayId: string }) {
  const now = new Date();
  const revoked = await ctx.db.$transaction(async (tx) => {
    const d = await tx.displaySession.findUnique({
      where: { id: input.displayId },
      select: { unitId: true },
    });
    if (!d) throw new AppError('DISPLAY_NOT_FOUND');
    const { count } = await tx.displaySession.updateMany({
      where: { id: input.displayId, revokedAt: null },
      data: { revokedAt: now, revokedById: ctx.user.id, pairHash: null, pairExpires: null },
    });
    if (count === 1)
      await tx.auditLog.create({
        data: {
          actorId: ctx.user.id,
          action: 'display.revoke',
          subjectType: 'display',
          subjectId: input.displayId,
        },
      });
    return count === 1;
  });
  return { revoked };
}
