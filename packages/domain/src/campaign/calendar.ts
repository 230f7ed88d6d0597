// The school year is the clock: school days, semesters, school months, check-in due dates,
// reminders, escalations and report deadlines, all computed from the campaign calendar.
// Pure: no I/O, no clock, no randomness, no zod (only types come from ./schema). Every date is a
// 'YYYY-MM-DD' string handled in UTC.
import {
  addDays,
  type CalendarMonth,
  daysInMonth,
  formatIsoDate,
  type IsoDate,
  monthBounds,
  monthKey,
  monthOf,
  nextMonth,
  parseIsoDate,
  weekday,
} from './dates';
import type { CampaignSettings, Holiday, ReportDeadline, SchoolCalendar, SchoolWeek } from './schema';

/** Where a day sits in the school year. Days between the two semesters count as semester 2. */
export type SemesterPosition = 1 | 2 | 'summer' | 'before_year';

/** One month's check-in: when it opens, when to remind, when it is due, when to escalate. */
export interface CheckInWindow {
  month: CalendarMonth;
  /** 'YYYY-MM' */
  key: string;
  /** First school day of the month (never before the year starts). */
  opensOn: IsoDate;
  /** A school day, `reminderDaysBefore` or more days before dueOn, never before opensOn. */
  remindOn: IsoDate;
  /** See {@link checkInDueDate}. */
  dueOn: IsoDate;
  /** dueOn + escalationDaysAfter calendar days (may fall on any day, even after the year ends). */
  escalateOn: IsoDate;
}

/** A report deadline with its round (1 or 2, by due date). */
export interface NumberedReportDeadline extends ReportDeadline {
  round: number;
}

function check(date: IsoDate): IsoDate {
  parseIsoDate(date); // throws a RangeError on anything but a real 'YYYY-MM-DD' day
  return date;
}

/** True on Monday–Friday, or Monday–Saturday for a 'mon-sat' school week. */
export function isSchoolWeekday(date: IsoDate, schoolWeek: SchoolWeek = 'mon-fri'): boolean {
  const wd = weekday(date);
  return wd >= 1 && wd <= (schoolWeek === 'mon-sat' ? 6 : 5);
}

/** The holiday block containing `date` (both ends included), if any. */
export function holidayOn(date: IsoDate, cal: Pick<SchoolCalendar, 'holidays'>): Holiday | undefined {
  check(date);
  return cal.holidays.find((h) => h.from <= date && date <= h.to);
}

/** True when `date` falls in one of the calendar's holiday blocks. */
export function isHoliday(date: IsoDate, cal: Pick<SchoolCalendar, 'holidays'>): boolean {
  return holidayOn(date, cal) !== undefined;
}

/** True from yearStart to yearEnd, both included. */
export function isInSchoolYear(date: IsoDate, cal: Pick<SchoolCalendar, 'yearStart' | 'yearEnd'>): boolean {
  check(date);
  return cal.yearStart <= date && date <= cal.yearEnd;
}

/**
 * A school day is inside the school year (yearStart..yearEnd), not in the break between the
 * semesters (after semester1End, before semester2Start), a weekday of the school week (Mon–Fri
 * by default, Mon–Sat when `schoolWeek` is 'mon-sat'), and not in a holiday block.
 */
export function isSchoolDay(date: IsoDate, cal: SchoolCalendar): boolean {
  if (!isInSchoolYear(date, cal)) return false;
  if (cal.semester1End < date && date < cal.semester2Start) return false;
  return isSchoolWeekday(date, cal.schoolWeek ?? 'mon-fri') && !isHoliday(date, cal);
}

/**
 * Which part of the school year a day is in: 1 (yearStart..semester1End), 2 (after semester1End
 * up to yearEnd — the break between the semesters counts as semester 2, since semester I is
 * over), 'summer' after yearEnd, 'before_year' before yearStart.
 */
export function semesterOf(date: IsoDate, cal: SchoolCalendar): SemesterPosition {
  check(date);
  if (date < cal.yearStart) return 'before_year';
  if (date <= cal.semester1End) return 1;
  if (date <= cal.yearEnd) return 2;
  return 'summer';
}

/** The school days of a month, in order (empty for a summer month). */
export function schoolDaysIn(month: CalendarMonth, cal: SchoolCalendar): IsoDate[] {
  const { first } = monthBounds(month);
  const n = daysInMonth(month.year, month.month);
  const out: IsoDate[] = [];
  for (let i = 0; i < n; i++) {
    const d = addDays(first, i);
    if (isSchoolDay(d, cal)) out.push(d);
  }
  return out;
}

/**
 * The months that hold at least one school day, from the month of yearStart to the month of
 * yearEnd: September 2025 … May 2026 for the 2025–2026 frame. Summer months have none, so there
 * are no check-ins in summer.
 */
export function schoolMonths(cal: SchoolCalendar): CalendarMonth[] {
  const last = monthKey(monthOf(cal.yearEnd));
  const out: CalendarMonth[] = [];
  for (let m = monthOf(cal.yearStart); monthKey(m) <= last; m = nextMonth(m)) {
    if (schoolDaysIn(m, cal).length > 0) out.push(m);
  }
  return out;
}

/** The first school day on or after `date`, or null when none is left in the school year. */
export function schoolDayOnOrAfter(date: IsoDate, cal: SchoolCalendar): IsoDate | null {
  check(date);
  for (let d = date < cal.yearStart ? cal.yearStart : date; d <= cal.yearEnd; d = addDays(d, 1)) {
    if (isSchoolDay(d, cal)) return d;
  }
  return null;
}

/** The last school day on or before `date`, or null when the school year has not started by then. */
export function schoolDayOnOrBefore(date: IsoDate, cal: SchoolCalendar): IsoDate | null {
  check(date);
  for (let d = date > cal.yearEnd ? cal.yearEnd : date; d >= cal.yearStart; d = addDays(d, -1)) {
    if (isSchoolDay(d, cal)) return d;
  }
  return null;
}

/**
 * The day a month's check-in is due:
 * 1. the campaign's `checkInDay` of that month, clamped to the month's last day (31 → 30/11,
 *    → 28/02 or 29/02 in a leap year);
 * 2. if that day is not a school day (weekend, holiday such as Tết, the break between the
 *    semesters, before the year opens), the NEXT school day of the same month;
 * 3. moving forward never leaves the month (nor passes yearEnd): when no school day remains in
 *    the month after that day, the LAST school day of the month before it.
 * So a check-in always falls on a school day of its own month. Throws a RangeError for a month
 * without school days (summer): there is no check-in then.
 */
export function checkInDueDate(
  month: CalendarMonth,
  settings: Pick<CampaignSettings, 'checkInDay' | 'calendar'>,
): IsoDate {
  const days = schoolDaysIn(month, settings.calendar);
  const last = days[days.length - 1];
  if (last === undefined) throw new RangeError(`${monthKey(month)} has no school days: no check-in`);
  const day = Math.min(Math.max(1, Math.trunc(settings.checkInDay)), daysInMonth(month.year, month.month));
  const target = formatIsoDate(month.year, month.month, day);
  return days.find((d) => d >= target) ?? last;
}

/**
 * One month's check-in window. The reminder goes out `reminderDaysBefore` calendar days before
 * the due day; when that is not a school day it moves EARLIER to the previous school day (the
 * helper gets at least that much notice), but never before the month's first school day
 * (opensOn). Escalation to the coordinator comes `escalationDaysAfter` calendar days after the
 * due day, whatever day that is.
 */
export function checkInWindow(
  month: CalendarMonth,
  settings: Pick<CampaignSettings, 'checkInDay' | 'reminderDaysBefore' | 'escalationDaysAfter' | 'calendar'>,
): CheckInWindow {
  const days = schoolDaysIn(month, settings.calendar);
  const opensOn = days[0];
  if (opensOn === undefined) throw new RangeError(`${monthKey(month)} has no school days: no check-in`);
  const dueOn = checkInDueDate(month, settings);
  const ideal = addDays(dueOn, -settings.reminderDaysBefore);
  const remindOn = days.filter((d) => d <= ideal).pop() ?? opensOn;
  return {
    month: { year: month.year, month: month.month },
    key: monthKey(month),
    opensOn,
    remindOn,
    dueOn,
    escalateOn: addDays(dueOn, settings.escalationDaysAfter),
  };
}

/** The check-in windows of every school month of the year, in order. */
export function checkInSchedule(
  settings: Pick<CampaignSettings, 'checkInDay' | 'reminderDaysBefore' | 'escalationDaysAfter' | 'calendar'>,
): CheckInWindow[] {
  return schoolMonths(settings.calendar).map((m) => checkInWindow(m, settings));
}

/** The first check-in window due on or after `date`, or null when the year's check-ins are over. */
export function nextCheckIn(
  date: IsoDate,
  settings: Pick<CampaignSettings, 'checkInDay' | 'reminderDaysBefore' | 'escalationDaysAfter' | 'calendar'>,
): CheckInWindow | null {
  check(date);
  return checkInSchedule(settings).find((w) => w.dueOn >= date) ?? null;
}

/** The report deadlines ordered by due date, numbered 1 and 2. */
export function reportRounds(settings: Pick<CampaignSettings, 'reportDeadlines'>): NumberedReportDeadline[] {
  return [...settings.reportDeadlines]
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map((d, i) => ({ name: d.name, due: d.due, round: i + 1 }));
}

/**
 * The next report deadline on or after `date` (the due day itself still counts), or null when
 * both have passed.
 */
export function nextReportDeadline(
  date: IsoDate,
  settings: Pick<CampaignSettings, 'reportDeadlines'>,
): NumberedReportDeadline | null {
  check(date);
  return reportRounds(settings).find((d) => d.due >= date) ?? null;
}

/**
 * When a case comes back after summer: the next year's yearStart (the opening day, khai giảng,
 * which is held on 5 September even when it falls on a weekend). The "back to school"
 * confirmation is due then.
 */
export function backToSchoolDate(nextYearSettings: { calendar: Pick<SchoolCalendar, 'yearStart'> }): IsoDate {
  return check(nextYearSettings.calendar.yearStart);
}

/** The coordinator should screen a proposal within `screeningDays` calendar days. */
export function screeningDueDate(
  proposedOn: IsoDate,
  settings: Pick<CampaignSettings, 'screeningDays'>,
): IsoDate {
  return addDays(proposedOn, settings.screeningDays);
}

/** A teacher should accept or decline an assignment within `assignmentResponseDays` calendar days. */
export function assignmentResponseDueDate(
  assignedOn: IsoDate,
  settings: Pick<CampaignSettings, 'assignmentResponseDays'>,
): IsoDate {
  return addDays(assignedOn, settings.assignmentResponseDays);
}
