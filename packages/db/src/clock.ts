// The one place that reads DONGHANH_TODAY. Every "today" of the school calendar outside a
// workflow (a new case's clock, the demo's open check-in) comes from systemClock(), so the demo
// and the tests can run on a chosen day instead of the wall clock's.
import { type CaseClock, dateAt, type IsoDate, isIsoDate, pinnedClock, realClock } from '@donghanh/domain';

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
