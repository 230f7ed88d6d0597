// The one place that reads DONGHANH_TODAY. Every "today" of the school calendar outside a
// workflow (a new case's clock, the demo's open check-in) comes from systemClock(), so the demo
// and the tests can run on a chosen day instead of the wall clock's.
import {
  type CaseClock,
  DAY_MS,
  dateAt,
  daysBetween,
  type IsoDate,
  isIsoDate,
  isoDateAt,
  pinnedClock,
  realClock,
} from '@donghanh/domain';

export const TODAY_ENV = 'DONGHANH_TODAY';

/**
 * The day DONGHANH_TODAY pins ('YYYY-MM-DD'), or null when it is unset or 'today' (the wall
 * clock's day). A malformed value stops the process rather than silently running on today.
 */
export function pinnedToday(env: NodeJS.ProcessEnv = process.env): IsoDate | null {
  const value = env[TODAY_ENV]?.trim();
  if (!value || value === 'today') return null;
  if (!isIsoDate(value))
    throw new Error(
      `${TODAY_ENV}="${value}" không phải một ngày YYYY-MM-DD / is not a YYYY-MM-DD day (e.g. 2026-11-23, or "today")`,
    );
  return value;
}

/** The case clock for a case starting now: the wall clock, or the pinned day if one is set. */
export function systemClock(now: number = Date.now(), env: NodeJS.ProcessEnv = process.env): CaseClock {
  const today = pinnedToday(env);
  return today ? pinnedClock(now, today) : realClock(now);
}

/** Today on the school calendar, as systemClock() counts it. */
export function systemToday(now: number = Date.now(), env: NodeJS.ProcessEnv = process.env): IsoDate {
  return dateAt(now, systemClock(now, env));
}

/**
 * The calendar's current instant: the wall clock's time of day on systemToday(). Equal to the
 * wall clock unless DONGHANH_TODAY pins a day; then a request received "now" on the pinned day
 * is not refused as being in the future (or the past).
 */
export function systemNow(now: number = Date.now(), env: NodeJS.ProcessEnv = process.env): Date {
  const today = pinnedToday(env);
  if (!today) return new Date(now);
  return new Date(now + daysBetween(isoDateAt(new Date(now)), today) * DAY_MS);
}

/**
 * The one "today" of every legal date: a consent's or legal basis's day, a withdrawal's, a
 * correction's (never after today). It is the school calendar's today, systemToday(); a case
 * step also passes its case's clock, which started on systemClock() and counts on from there
 * (fast in tests): the later of the two days counts, so a day the dashboard offered as today
 * (systemToday, through auth.me) is never refused by the case that receives it.
 */
export function legalToday(
  o: { now?: number; clock?: CaseClock | undefined; env?: NodeJS.ProcessEnv } = {},
): IsoDate {
  const now = o.now ?? Date.now();
  const calendar = systemToday(now, o.env);
  if (!o.clock) return calendar;
  const onCase = dateAt(now, o.clock);
  return onCase > calendar ? onCase : calendar;
}
