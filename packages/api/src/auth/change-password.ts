import { AppError } from '@donghanh/domain';
import type { Context, SessionUser } from '../context';
import { adminAuditRow } from '../operations/admin/admin-audit';
import { hashPassword, temporaryPassword, verifyPassword } from './password';
import { destroyUserSessions } from './session';
import { attemptDelayMs, attemptKey, attemptLocks, attemptQueue, recordAttempt, sleep } from './throttle';

/**
 * The signed-in user (the `signedIn` rule) replaces their password after proving the current one (a wrong one counts
 * as a failed sign-in for the throttle). Every other session of the user ends; this one stays.
 */
export async function changePassword(
  ctx: Context & { user: SessionUser },
  input: { current: string; next: string },
) {
  const me = ctx.user;
  const key = attemptKey(me.id, me.username);
  const ip = ctx.clientAddress;
  // Same slow-down as sign-in, counted on the same account key and taken in the same queue; like
  // it no transaction is held while argon2 runs.
  const ok = await attemptQueue.run(attemptLocks(key), async () => {
    await sleep(await attemptDelayMs(ctx.db, key, ip, new Date(), ctx.signInSchedule));
    const row = await ctx.db.user.findUnique({ where: { id: me.id }, select: { passwordHash: true } });
    const right = await verifyPassword(row?.passwordHash, input.current);
    if (!right) await recordAttempt(ctx.db, key, ip, false);
    return right;
  });
  if (!ok) throw new AppError('INVALID_CREDENTIALS');
  const passwordHash = await hashPassword(input.next);
  await ctx.db.user.update({ where: { id: me.id }, data: { passwordHash, mustChangePassword: false } });
  await destroyUserSessions(ctx.db, me.id, ctx.sessionId);
  return { changed: true as const };
}

/**
 * An administrator (the `admin` rule) gives an account a one-time temporary password: shown once, stored only as
 * a hash, to be changed at the next sign-in. Every session of that account ends.
 */
export async function adminResetPassword(ctx: Context & { user: SessionUser }, input: { userId: string }) {
  const target = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!target) throw new AppError('USER_NOT_FOUND');
  const password = temporaryPassword();
  // argon2id takes tens of milliseconds: hashed before the transaction opens.
  const passwordHash = await hashPassword(password);
  // Whoever reset it could sign in as that person until they change it: on the audit trail.
  await ctx.db.$transaction([
    ctx.db.user.update({ where: { id: target.id }, data: { passwordHash, mustChangePassword: true } }),
    ctx.db.auditLog.create({
      data: adminAuditRow(ctx, 'admin.user.resetPassword', { type: 'user', id: target.id }),
    }),
  ]);
  await destroyUserSessions(ctx.db, target.id);
  return { userId: target.id, temporaryPassword: password };
}
