import { randomBytes, randomUUID } from 'node:crypto';
import { type Db, schoolsUnder } from '@donghanh/db';
import { readCookie, sessionIdOf } from './session';

/**
 * Wall displays (issue 14): a screen in a staff room or an office that shows the masked board
 * of one unit all day. It holds no person's session: a coordinator creates a display, which
 * gives a one-time pairing code (a link, valid 24 hours); the screen exchanges it for its own
 * long-lived HttpOnly cookie `dh_display`. That cookie reads the masked board of the unit and
 * nothing else (`displayProcedure`, the gateway's wall sockets), until the display is revoked
 * or goes unseen for 30 days. Tokens are stored as their SHA-256 only, like sessions.
 */
export const DISPLAY_COOKIE = 'dh_display';
export const DISPLAY_PAIR_MS = 24 * 60 * 60 * 1000;
export const DISPLAY_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What a request or a socket holding a display cookie may know about itself. */
export interface DisplaySession {
  id: string;
  unitId: string;
  label: string;
  /** The schools whose masked cards the display holds (the unit itself, or those under an office). */
  schoolIds: string[];
}

const newToken = () => randomBytes(32).toString('base64url');

export async function createDisplaySession(
  db: Db,
  o: { unitId: string; label: string; createdById: string },
  now: Date,
): Promise<{ id: string; pairCode: string; pairExpires: Date }> {
  const pairCode = newToken();
  const id = randomUUID();
  const pairExpires = new Date(now.getTime() + DISPLAY_PAIR_MS);
  await db.$transaction([
    db.displaySession.create({
      data: { id, ...o, createdAt: now, pairHash: sessionIdOf(pairCode), pairExpires },
    }),
    db.auditLog.create({
      data: { actorId: o.createdById, action: 'display.create', subjectType: 'unit', subjectId: o.unitId },
    }),
  ]);
  return { id, pairCode, pairExpires };
}

/**
 * Exchanges a pairing code for the display's cookie token, once: the code is cleared in the same
 * update, so a link seen later (a browser history, a forwarded message) pairs nothing.
 */
export async function pairDisplaySession(db: Db, code: string, now: Date): Promise<string | null> {
  if (!TOKEN_PATTERN.test(code)) return null;
  const token = newToken();
  const paired = await db.displaySession.updateMany({
    where: { pairHash: sessionIdOf(code), pairExpires: { gt: now }, revokedAt: null },
    data: {
      pairHash: null,
      pairExpires: null,
      tokenHash: sessionIdOf(token),
      pairedAt: now,
      lastSeenAt: now,
    },
  });
  return paired.count === 1 ? token : null;
}

/** The display a `Cookie` header holds, or null (none, unknown, revoked, unseen for 30 days). */
export async function resolveDisplaySession(
  db: Db,
  cookieHeader: string | null | undefined,
  now: Date,
): Promise<(DisplaySession & { tokenHash: string }) | null> {
  const token = readCookie(cookieHeader, DISPLAY_COOKIE);
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return resolveDisplayByHash(db, sessionIdOf(token), now);
}

/** As `resolveDisplaySession`, from the stored hash (the live gateway's re-check). */
export async function resolveDisplayByHash(
  db: Db,
  tokenHash: string,
  now: Date,
  o: { touch?: boolean } = {},
): Promise<(DisplaySession & { tokenHash: string }) | null> {
  const row = await db.displaySession.findUnique({ where: { tokenHash } });
  if (!row || row.revokedAt || !row.lastSeenAt) return null;
  if (row.lastSeenAt.getTime() + DISPLAY_IDLE_MS <= now.getTime()) return null;
  if (o.touch !== false && now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
    await db.displaySession.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  return {
    id: row.id,
    unitId: row.unitId,
    label: row.label,
    schoolIds: await schoolsUnder(db, [row.unitId]),
    tokenHash,
  };
}

/** The Set-Cookie value of a paired display: a year, renewed by nothing but pairing again. */
export function displayCookie(token: string): string {
  return `${DISPLAY_COOKIE}=${token}; Max-Age=${365 * 24 * 60 * 60}; Path=/; HttpOnly; SameSite=Strict`;
}
