import type { Db } from '@donghanh/db';

/**
 * Sign-in slow-down from the `LoginAttempt` table. Failures in the last 15 minutes make the next
 * attempts on that account, and from that address, wait before the password is checked — but a
 * right password always signs in. Refusing outright would let anyone lock an account out by
 * guessing its (guessable) username, or lock a whole school out from behind its shared address.
 * Only failures count, so a success changes nothing for anyone else. Identifiers are never logged.
 */
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

/** Free failures per account, then the wait doubles from ACCOUNT_BASE_MS up to ACCOUNT_MAX_MS. */
const ACCOUNT_FREE = 3;
const ACCOUNT_BASE_MS = 250;
const ACCOUNT_MAX_MS = 10_000;
/** An address is shared (a school's network): many more free failures, and a lower ceiling. */
const ADDRESS_FREE = 20;
const ADDRESS_BASE_MS = 100;
const ADDRESS_MAX_MS = 3_000;

function backoff(failures: number, free: number, baseMs: number, maxMs: number): number {
  if (failures < free) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 20));
}

/** How long an attempt waits given the recent failures on its account and from its address. */
export function signInDelayMs(accountFailures: number, addressFailures: number): number {
  return (
    backoff(accountFailures, ACCOUNT_FREE, ACCOUNT_BASE_MS, ACCOUNT_MAX_MS) +
    backoff(addressFailures, ADDRESS_FREE, ADDRESS_BASE_MS, ADDRESS_MAX_MS)
  );
}

/** The key attempts are counted under: the typed username or e-mail, trimmed and lower-cased. */
export function attemptIdentifier(usernameOrEmail: string): string {
  return usernameOrEmail.normalize('NFC').trim().toLowerCase();
}

type AttemptDb = Pick<Db, 'loginAttempt'>;

/** The wait owed by this attempt: two indexed counts, no transaction, no lock. */
export async function attemptDelayMs(
  db: AttemptDb,
  identifier: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const [account, address] = await Promise.all([
    db.loginAttempt.count({ where: { identifier, ok: false, at: { gt: since } } }),
    ip ? db.loginAttempt.count({ where: { ip, ok: false, at: { gt: since } } }) : 0,
  ]);
  return signInDelayMs(account, address);
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function recordAttempt(
  db: AttemptDb,
  identifier: string,
  ip: string | null,
  ok: boolean,
  now: Date = new Date(),
): Promise<void> {
  await db.loginAttempt.create({ data: { identifier, ip, ok, at: now } });
  // This account's rows older than a day are no longer needed.
  await db.loginAttempt.deleteMany({
    where: { identifier, at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}
