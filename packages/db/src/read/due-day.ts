/**
 * A DATE column (a task's `dueOn`) as the calendar day it holds, '2026-12-25'. Prisma reads a DATE
 * as midnight UTC, so the UTC date is the day whatever the server's time zone.
 */
export function dayOf(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
