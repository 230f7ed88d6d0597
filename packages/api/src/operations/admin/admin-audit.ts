import type { Prisma } from '@donghanh/db';
import type { Context, SessionUser } from '../../context';

/**
 * The audit row of an administrator's write, created in the same transaction as the write. The
 * `reason` column carries a short account of what changed (roles, fields), never a secret such
 * as a temporary password.
 */
export function adminAuditRow(
  ctx: Context & { user: SessionUser },
  action: `admin.${'user' | 'unit'}.${string}`,
  subject: { type: 'user' | 'unit'; id: string },
  detail: string | null = null,
) {
  return {
    actorId: ctx.user.id,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    reason: detail,
    ip: ctx.clientAddress,
  };
}

/**
 * Serialises the administrator's writes that could leave the system without an active admin
 * (two admins removing each other at once), or the unit tree with a cycle (two crossed moves).
 */
export async function lockAdmin(tx: Prisma.TransactionClient, what: 'accounts' | 'unit-tree') {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`admin:${what}`}))`;
}

/** Today at 00:00 UTC, comparable with `@db.Date` columns. */
export function startOfTodayUtc(now: Date = new Date()): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}
