// A case's clock maps calendar days to real instants. In production one calendar day is one
// day; tests and benchmarks compress a school year into seconds by shrinking `msPerDay`.
import { addDays, daysBetween, type IsoDate } from './dates';

export interface CaseClock {
  /** The real instant (epoch ms) at which `anchorDate` begins. */
  anchorMs: number;
  anchorDate: IsoDate;
  msPerDay: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Vietnam's offset from UTC: calendar days begin at 00:00 ICT. */
const ICT_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The real-time clock: calendar days are Vietnamese days. */
export function realClock(now: number): CaseClock {
  const anchorMs = Math.floor((now + ICT_OFFSET_MS) / DAY_MS) * DAY_MS - ICT_OFFSET_MS;
  const anchorDate = new Date(anchorMs + ICT_OFFSET_MS).toISOString().slice(0, 10);
  return { anchorMs, anchorDate, msPerDay: DAY_MS };
}

/**
 * The real-time clock on which the current Vietnamese day is `today`: days still pass in real
 * time, but the calendar reads as if it were that day (the demo's story day, or a test's).
 */
export function pinnedClock(now: number, today: IsoDate): CaseClock {
  return { ...realClock(now), anchorDate: today };
}

/** The instant a calendar day begins on this clock. */
export function instantOf(date: IsoDate, clock: CaseClock): number {
  return clock.anchorMs + daysBetween(clock.anchorDate, date) * clock.msPerDay;
}

/** The calendar day an instant falls on. */
export function dateAt(ms: number, clock: CaseClock): IsoDate {
  return addDays(clock.anchorDate, Math.floor((ms - clock.anchorMs) / clock.msPerDay));
}
