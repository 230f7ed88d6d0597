// Pure calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC only.
// No I/O, no clock, no local time zone: a date is a day of the calendar, not an instant.
// This file must not import zod (workflow code imports it).

/** A calendar day written 'YYYY-MM-DD' (ISO 8601), e.g. '2025-09-05'. */
export type IsoDate = string;

/** A month of the calendar; `month` is 1–12. */
export interface CalendarMonth {
  year: number;
  month: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days in a month (month 1–12), leap years included: daysInMonth(2026, 2) === 28. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Date.UTC without its 0–99 → 1900–1999 year mapping. */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** True when `value` is a real calendar day written 'YYYY-MM-DD' ('2026-02-29' is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a 'YYYY-MM-DD' date; throws a RangeError when it is not a real day. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Writes a day as 'YYYY-MM-DD' (month 1–12). Out-of-range days roll over (day 0 = last day of the previous month). */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return fromUtcMs(utcMs(year, month, day));
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return utcMs(year, month, day);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day `days` calendar days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Day of the week: 0 = Sunday, 1 = Monday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Orders two dates: negative, 0 or positive (the strings compare the same way once valid). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

/** The month a date falls in. */
export function monthOf(date: IsoDate): CalendarMonth {
  const { year, month } = parseIsoDate(date);
  return { year, month };
}

/** 'YYYY-MM', a stable key for a month (e.g. for workflow or task ids). */
export function monthKey(month: CalendarMonth): string {
  return `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`;
}

/** The first and last day of a month. */
export function monthBounds(month: CalendarMonth): { first: IsoDate; last: IsoDate } {
  if (!Number.isInteger(month.month) || month.month < 1 || month.month > 12) {
    throw new RangeError(`Not a month (1–12): ${month.month}`);
  }
  return {
    first: formatIsoDate(month.year, month.month, 1),
    last: formatIsoDate(month.year, month.month, daysInMonth(month.year, month.month)),
  };
}

/** The month after `month`. */
export function nextMonth(month: CalendarMonth): CalendarMonth {
  return month.month === 12
    ? { year: month.year + 1, month: 1 }
    : { year: month.year, month: month.month + 1 };
}

/**
 * The calendar day of an instant at a fixed UTC offset — Vietnam (UTC+07:00, no daylight saving)
 * by default. Use it to turn a workflow's `Date` into the school's day: 2025-12-24T18:00:00Z is
 * already 25/12 in Hà Nội.
 */
export function isoDateAt(instant: Date, utcOffsetMinutes = 7 * 60): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromUtcMs(Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS) * DAY_MS);
}

/** dd/MM/yyyy, the Vietnamese way of writing a day: '2025-09-05' → '05/09/2025'. */
export function formatViDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/**
 * A calendar-day column (`@db.Date`) as the database driver returns it — midnight UTC of that
 * day — as the day itself. Not for instants: `isoDateAt` turns an instant into its Vietnamese day.
 */
export function dayOfDateColumn(d: Date): IsoDate;
export function dayOfDateColumn(d: Date | null | undefined): IsoDate | null;
export function dayOfDateColumn(d: Date | null | undefined): IsoDate | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
