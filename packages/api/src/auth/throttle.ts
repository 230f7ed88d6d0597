import type { Db } from '@donghanh/db';

/**
 * Sign-in slow-down from the `LoginAttempt` table. Failures in the last 15 minutes make the next
 * attempts on that account, and from that address, wait before the password is checked — but a
 * right password always signs in. Refusing outright would let anyone lock an account out by
 * guessing its (guessable) username, or lock a whole school out from behind its shared address.
 * Only failures count, so a success changes nothing for anyone else. Identifiers are never logged.
 *
 * A wait only slows guessing if guesses cannot overlap: attempts on one account run one at a time
 * in this process (`attemptQueue`), each computing its wait after the previous one was recorded.
 * Without that, N parallel requests would all see the same count and wait the same once, giving N
 * guesses per wait. Attempts from one address are slowed, never queued: a queue per address would
 * let a flood of wrong guesses from a school's shared network hold every teacher's right password
 * behind it.
 */
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

/** Free failures, then the wait doubles from `baseMs` up to `maxMs`. */
export interface Backoff {
  free: number;
  baseMs: number;
  maxMs: number;
}

export interface SignInSchedule {
  account: Backoff;
  /** An address is shared (a school's network): many more free failures, and a lower ceiling. */
  address: Backoff;
}

export const SIGN_IN_SCHEDULE: SignInSchedule = {
  account: { free: 3, baseMs: 250, maxMs: 10_000 },
  address: { free: 20, baseMs: 100, maxMs: 3_000 },
};

function backoff(failures: number, b: Backoff): number {
  if (failures < b.free) return 0;
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.min(failures - b.free, 20));
}

/** How long an attempt waits given the recent failures on its account and from its address. */
export function signInDelayMs(
  accountFailures: number,
  addressFailures: number,
  schedule: SignInSchedule = SIGN_IN_SCHEDULE,
): number {
  return backoff(accountFailures, schedule.account) + backoff(addressFailures, schedule.address);
}

/** The typed username or e-mail, trimmed, NFC and lower-cased. */
export function attemptIdentifier(usernameOrEmail: string): string {
  return usernameOrEmail.normalize('NFC').trim().toLowerCase();
}

/**
 * The key failures are counted under: the account's id when the identifier names one, so its
 * username and its e-mail share one counter; otherwise what was typed (normalised), so guessing
 * unknown names is slowed too.
 */
export function attemptKey(userId: string | null, typed: string): string {
  return userId ?? attemptIdentifier(typed);
}

type AttemptDb = Pick<Db, 'loginAttempt'>;

/** The wait owed by this attempt: two indexed counts, no transaction, no lock. */
export async function attemptDelayMs(
  db: AttemptDb,
  key: string,
  ip: string | null,
  now: Date = new Date(),
  schedule: SignInSchedule = SIGN_IN_SCHEDULE,
): Promise<number> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const [account, address] = await Promise.all([
    db.loginAttempt.count({ where: { identifier: key, ok: false, at: { gt: since } } }),
    ip ? db.loginAttempt.count({ where: { ip, ok: false, at: { gt: since } } }) : 0,
  ]);
  return signInDelayMs(account, address, schedule);
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function recordAttempt(
  db: AttemptDb,
  key: string,
  ip: string | null,
  ok: boolean,
  now: Date = new Date(),
): Promise<void> {
  await db.loginAttempt.create({ data: { identifier: key, ip, ok, at: now } });
  // This account's rows older than a day are no longer needed.
  await db.loginAttempt.deleteMany({
    where: { identifier: key, at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}

/**
 * Runs tasks one at a time per key: a task holding several keys waits for each. Keys are taken in
 * sorted order, so two tasks sharing keys can never hold one each and wait for the other. Nothing
 * is refused: a queued attempt runs when its turn comes. Keys free themselves when idle.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }

  private async acquire(key: string): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = before.then(() => done);
    this.tails.set(key, tail);
    await before;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

/** One attempt at a time per account, in this server process. */
export const attemptQueue = new KeyedQueue();

/** The queue keys of an attempt: its account only (see above for why not its address). */
export const attemptLocks = (key: string): string[] => [`account:${key}`];
