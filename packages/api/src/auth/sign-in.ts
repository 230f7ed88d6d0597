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
import { attemptDelayMs, attemptIdentifier, recordAttempt, sleep } from './throttle';

export interface SignInResult {
  user: SessionUser;
  /** True after an administrator's reset: the temporary password must be changed now. */
  mustChangePassword: boolean;
}

/**
 * Waits out the slow-down owed by recent failures, then checks the password (argon2id; a dummy
 * verification when the account does not exist, so timing does not reveal usernames) and that
 * the account is not disabled, records the attempt, and on success starts a session and sets
 * its cookie. No transaction or lock is held meanwhile: argon2 takes tens of milliseconds and
 * parallel attempts must not tie up the pool's connections.
 */
export async function signIn(
  ctx: Context,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const identifier = attemptIdentifier(input.username);
  const ip = ctx.clientAddress;
  await sleep(await attemptDelayMs(ctx.db, identifier, ip));
  const user = await ctx.db.user.findFirst({
    where: {
      OR: [
        { username: { equals: identifier, mode: 'insensitive' } },
        { email: { equals: identifier, mode: 'insensitive' } },
      ],
    },
    select: { id: true, passwordHash: true, mustChangePassword: true, disabledAt: true },
  });
  // A disabled account still costs a full verification and counts as a failure, so its
  // answer (and its slow-down) is exactly that of a wrong password.
  const ok = (await verifyPassword(user?.passwordHash, input.password)) && !user?.disabledAt;
  await recordAttempt(ctx.db, identifier, ip, ok);
  if (!ok || !user) throw new AppError('INVALID_CREDENTIALS');

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
): Promise<(SignInResult & { schools: { id: string; name: string; unitId: string }[] }) | null> {
  if (!ctx.user) return null;
  const [row, schools] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { mustChangePassword: true } }),
    ctx.db.school.findMany({
      where: { unitId: { in: ctx.user.roles.map((r) => r.unitId) } },
      select: { id: true, name: true, unitId: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { user: ctx.user, mustChangePassword: row?.mustChangePassword ?? false, schools };
}
