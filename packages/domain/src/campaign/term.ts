// A case's rhythm within one semester: which check-ins remain, when the evaluation opens and is
// due, and where the next semester (or the summer's back-to-school confirmation) begins. Pure.
import { type CheckInWindow, checkInSchedule, schoolDayOnOrBefore, semesterOf } from './calendar';
import { addDays, type IsoDate, parseIsoDate } from './dates';
import type { CampaignSettings } from './schema';

/** The evaluation opens this many calendar days before the semester's last day (on a school day). */
export const EVALUATION_LEAD_DAYS = 14;
/** …and is due this many calendar days after it. */
export const EVALUATION_DUE_DAYS_AFTER = 7;

export interface TermPlan {
  schoolYear: number;
  /** 1 or 2; a date in summer or before the year belongs to the next semester that starts. */
  semester: 1 | 2;
  /** e.g. '2026-2027-HK1' (học kỳ I): the key of evaluations and of the workflow run. */
  key: string;
  semesterStart: IsoDate;
  semesterEnd: IsoDate;
  /** The semester's check-ins still due on or after `from`, in order. */
  checkIns: CheckInWindow[];
  evaluationOpensOn: IsoDate;
  evaluationDueOn: IsoDate;
  /** Set when the case must first confirm the student is back at school (after summer). */
  backToSchoolOn: IsoDate | null;
}

type Settings = Pick<
  CampaignSettings,
  'schoolYear' | 'checkInDay' | 'reminderDaysBefore' | 'escalationDaysAfter' | 'calendar'
>;

/**
 * The semester a case lives in on `from`. Before the year opens, the plan is semester 1 with a
 * back-to-school confirmation on the opening day; after semester 2 ends (summer) there is no
 * semester left in these settings: returns null and the caller needs the next year's settings.
 */
export function termPlan(from: IsoDate, settings: Settings): TermPlan | null {
  const cal = settings.calendar;
  const position = semesterOf(from, cal);
  if (position === 'summer') return null;
  const semester: 1 | 2 = position === 2 ? 2 : 1;
  const semesterStart = semester === 1 ? cal.yearStart : cal.semester2Start;
  const semesterEnd = semester === 1 ? cal.semester1End : cal.yearEnd;
  const checkIns = checkInSchedule(settings).filter(
    (w) => w.dueOn >= from && w.dueOn >= semesterStart && w.dueOn <= semesterEnd,
  );
  const lastSchoolDay = schoolDayOnOrBefore(semesterEnd, cal) ?? semesterEnd;
  const idealOpen = addDays(lastSchoolDay, -EVALUATION_LEAD_DAYS);
  const openOn = schoolDayOnOrBefore(idealOpen, cal) ?? idealOpen;
  // A case that joins late in the semester is evaluated with the others, not before it starts.
  const evaluationOpensOn = openOn < from ? from : openOn;
  return {
    schoolYear: settings.schoolYear,
    semester,
    key: `${settings.schoolYear}-${settings.schoolYear + 1}-HK${semester}`,
    semesterStart,
    semesterEnd,
    checkIns,
    evaluationOpensOn,
    evaluationDueOn: addDays(semesterEnd, EVALUATION_DUE_DAYS_AFTER),
    backToSchoolOn: position === 'before_year' ? cal.yearStart : null,
  };
}

/**
 * Settings for a later school year when the admin has not entered them yet: the same rules with
 * every date moved by whole years. Weekdays shift, so this is a stopgap the admin should replace.
 */
export function shiftSettingsYears<T extends Settings & Partial<Pick<CampaignSettings, 'reportDeadlines'>>>(
  settings: T,
  years: number,
): T {
  const shift = (d: IsoDate): IsoDate => {
    const { year, month, day } = parseIsoDate(d);
    const y = year + years;
    const leapSafeDay = month === 2 && day === 29 && !isLeap(y) ? 28 : day;
    return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(leapSafeDay).padStart(2, '0')}`;
  };
  const cal = settings.calendar;
  return {
    ...settings,
    schoolYear: settings.schoolYear + years,
    calendar: {
      ...cal,
      yearStart: shift(cal.yearStart),
      semester1End: shift(cal.semester1End),
      semester2Start: shift(cal.semester2Start),
      yearEnd: shift(cal.yearEnd),
      holidays: cal.holidays.map((h) => ({ ...h, from: shift(h.from), to: shift(h.to) })),
    },
    ...(settings.reportDeadlines
      ? { reportDeadlines: settings.reportDeadlines.map((r) => ({ ...r, due: shift(r.due) })) }
      : {}),
  };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
