import { systemToday } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { Context, SessionUser } from '../context';
import { verifyPassword } from './password';
import {
  clearSessionCookie,
  createSession,
  destroySession,
  resolveSessionById,
  sessionCookie,
} from './session';
import { attemptDelayMs, attemptKey, attemptLocks, attemptQueue, recordAttempt, sleep } from './throttle';

export interface SignInResult {
  user: SessionUser;
  /** True after an administrator's reset: the temporary password must be changed now. */
  mustChangePassword: boolean;
}

/**
 * Finds the account the identifier names, then — one attempt at a time on that account and from
 * that address (throttle.ts) — waits out the slow-down owed by recent failures, checks the
 * password (argon2id; a dummy verification when the account does not exist, so timing does not
 * reveal usernames) and that the account is not disabled, and records the attempt; on success
 * starts a session and sets its cookie. No transaction or lock on the database is held meanwhile:
 * argon2 takes tens of milliseconds and parallel attempts must not tie up the pool's connections.
 */
export async function signIn(
  ctx: Context,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const typed = input.username.normalize('NFC').trim();
  const ip = ctx.clientAddress;
  const named = await ctx.db.user.findFirst({
    where: {
      OR: [
        { username: { equals: typed, mode: 'insensitive' } },
        { email: { equals: typed, mode: 'insensitive' } },
      ],
    },
    select: { id: true },
  });
  // Username and e-mail of one account count as one.
  const key = attemptKey(named?.id ?? null, typed);
  const user = await attemptQueue.run(attemptLocks(key), async () => {
    await sleep(await attemptDelayMs(ctx.db, key, ip, new Date(), ctx.signInSchedule));
    // Read after the wait: a password changed meanwhile is the one checked.
    const row = named
      ? await ctx.db.user.findUnique({
          where: { id: named.id },
          select: { id: true, passwordHash: true, mustChangePassword: true, disabledAt: true },
        })
      : null;
    // A disabled account still costs a full verification and counts as a failure, so its
    // answer (and its slow-down) is exactly that of a wrong password.
    const ok = (await verifyPassword(row?.passwordHash, input.password)) && !!row && !row.disabledAt;
    await recordAttempt(ctx.db, key, ip, ok);
    return ok ? row : null;
  });
  if (!user) throw new AppError('INVALID_CREDENTIALS');

  if (ctx.sessionId) await destroySession(ctx.db, ctx.sessionId);
  const session = await createSession(ctx.db, user.id, { ip, userAgent: ctx.userAgent ?? null });
  ctx.setCookie?.(sessionCookie(session.token));
  const resolved = await resolveSessionById(ctx.db, session.sessionId);
  if (!resolved) throw new AppError('INTERNAL');
  return { user: resolved.user, mustChangePassword: user.mustChangePassword };
}

/** Deletes the session row and clears the cookie; harmless when nobody is signed in. */
export async function signOut(ctx: Context): Promise<{ signedOut: boolean }> {
  if (ctx.sessionId) await destroySession(ctx.db, ctx.sessionId);
  ctx.setCookie?.(clearSessionCookie());
  return { signedOut: ctx.sessionId !== null };
}

/**
 * The signed-in user with their roles and the schools they hold a role at (the screens pick
 * "my school" from these), or null.
 */
export async function currentUser(
  ctx: Context,
): Promise<
  (SignInResult & { schools: { id: string; name: string; unitId: string }[]; today: string }) | null
> {
  if (!ctx.user) return null;
  const [row, schools] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { mustChangePassword: true } }),
    ctx.db.school.findMany({
      where: { unitId: { in: ctx.user.roles.map((r) => r.unitId) } },
      select: { id: true, name: true, unitId: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  // The calendar's today (DONGHANH_TODAY when pinned): the dashboard's date fields default to it,
  // so a form and the legal-date checks (legalToday) count from the same day.
  return {
    user: ctx.user,
    mustChangePassword: row?.mustChangePassword ?? false,
    schools,
    today: systemToday(),
  };
}
