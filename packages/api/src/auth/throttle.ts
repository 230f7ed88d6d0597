import type { Prisma } from '@donghanh/db';
import { AppError } from '@donghanh/domain';

/**
 * Sign-in throttling from the `LoginAttempt` table: at most 5 failures per account and 20 per
 * address in any 15 minutes. Only failures count, so one person's successful sign-in changes
 * nothing for anyone else on the same address. Identifiers are never logged.
 */
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** The key attempts are counted under: the typed username or e-mail, trimmed and lower-cased. */
export function attemptIdentifier(usernameOrEmail: string): string {
  return usernameOrEmail.normalize('NFC').trim().toLowerCase();
}

type Tx = Pick<Prisma.TransactionClient, 'loginAttempt'>;

/** Throws TOO_MANY_ATTEMPTS (429) when the account or the address is over its limit. */
export async function assertNotThrottled(
  tx: Tx,
  identifier: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const checks: [Prisma.LoginAttemptWhereInput, number][] = [
    [{ identifier, ok: false, at: { gt: since } }, MAX_FAILURES_PER_ACCOUNT],
  ];
  if (ip) checks.push([{ ip, ok: false, at: { gt: since } }, MAX_FAILURES_PER_ADDRESS]);
  for (const [where, limit] of checks) {
    const failures = await tx.loginAttempt.count({ where });
    if (failures < limit) continue;
    // The window frees a slot when the oldest failure that still counts leaves it.
    const oldest = await tx.loginAttempt.findMany({
      where,
      orderBy: { at: 'desc' },
      skip: limit - 1,
      take: 1,
      select: { at: true },
    });
    const freeAt = (oldest[0]?.at.getTime() ?? now.getTime()) + ATTEMPT_WINDOW_MS;
    throw new AppError('TOO_MANY_ATTEMPTS', {
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
    });
  }
}

export async function recordAttempt(
  tx: Tx,
  identifier: string,
  ip: string | null,
  ok: boolean,
  now: Date = new Date(),
): Promise<void> {
  await tx.loginAttempt.create({ data: { identifier, ip, ok, at: now } });
  // This account's rows older than a day are no longer needed.
  await tx.loginAttempt.deleteMany({
    where: { identifier, at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}
