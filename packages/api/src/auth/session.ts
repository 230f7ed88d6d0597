import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@donghanh/db';
import type { SessionUser } from '../context';

/**
 * Server-side sessions. The cookie holds a random 32-byte token (base64url); the `Session` row's
 * id is the token's SHA-256 (hex), so the table alone signs nobody in. A session ends after
 * 12 hours without a request, 7 days after sign-in, or at sign-out (the row is deleted).
 */
export const SESSION_COOKIE = 'dh_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ResolvedSession {
  user: SessionUser;
  /** The row id (the token's hash), for `destroySession`. */
  sessionId: string;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The signed-in user for a request's `Cookie` header, with every RoleAssignment as `roles`, or
 * null (no cookie, unknown token, expired session — an expired row is deleted — or a disabled
 * account).
 */
export async function resolveSession(
  db: Db,
  cookieHeader: string | null | undefined,
  now: Date = new Date(),
): Promise<ResolvedSession | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return resolveSessionById(db, sessionIdOf(token), now);
}

/**
 * As `resolveSession`, from the row id (the token's hash). `touch: false` checks without counting
 * as activity: an open live board must not keep an unattended session from going idle.
 */
export async function resolveSessionById(
  db: Db,
  id: string,
  now: Date = new Date(),
  o: { touch?: boolean } = {},
): Promise<ResolvedSession | null> {
  const row = await db.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          disabledAt: true,
          mustChangePassword: true,
          roles: { select: { role: true, unitId: true }, orderBy: [{ unitId: 'asc' }, { role: 'asc' }] },
        },
      },
    },
  });
  if (!row) return null;
  // Disabling deletes the sessions too; this covers a session created in a race with it.
  if (row.user.disabledAt) {
    await db.session.deleteMany({ where: { userId: row.userId } });
    return null;
  }
  if (row.expiresAt <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (o.touch !== false && now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  const { user } = row;
  return {
    sessionId: id,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export interface NewSession {
  /** Goes into the cookie only; never stored. */
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
  now: Date = new Date(),
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.session.create({
    data: {
      id: sessionId,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    },
  });
  // Housekeeping: this user's ended sessions go when a new one starts.
  await db.session.deleteMany({
    where: {
      userId,
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
    },
  });
  return { token, sessionId, expiresAt };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user except, optionally, the one in use (after a password change). */
export async function destroyUserSessions(
  db: Db,
  userId: string,
  keepSessionId?: string | null,
): Promise<void> {
  await db.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
}

/**
 * The Set-Cookie value carrying a new session. `Secure` is added by the HTTP host when the
 * request came over https (or always/never, by configuration): see `withSecureFlag`.
 */
export function sessionCookie(token: string, maxAgeSeconds = Math.floor(SESSION_ABSOLUTE_MS / 1000)): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`;
}

export function withSecureFlag(cookie: string, secure: boolean): string {
  return secure && !/;\s*Secure\b/i.test(cookie) ? `${cookie}; Secure` : cookie;
}
