// The checks a campaign's settings need beyond their zod schema, for the admin's form: rules
// that span several fields or the whole calendar, and that the schema (shared with the case
// workflow's parsing of stored settings) deliberately leaves out so old rows keep parsing.
import { schoolDaysIn } from './calendar';
import { formatViDate, type IsoDate, isIsoDate, monthKey, monthOf, nextMonth, parseIsoDate } from './dates';
import { type CampaignSettings, campaignSettingsSchema } from './schema';

/** One thing wrong with submitted settings: where (the field's path) and what, in Vietnamese. */
export interface SettingsIssue {
  path: string[];
  message: string;
}

export type SettingsValidation =
  | { ok: true; settings: CampaignSettings }
  | { ok: false; issues: SettingsIssue[] };

export interface SettingsExpectations {
  /** The campaign's school year (2026 for 2026–2027): the calendar must be for that year. */
  schoolYear?: number | undefined;
}

const label = (year: number) => `${year}–${year + 1}`;

/** PostgreSQL cannot store NUL in JSON, and other control characters only hide text. */
function hasControlCharacter(s: string): boolean {
  return /\p{Cc}/u.test(s);
}

/** The day one year after `date` (29/02 → 28/02), so "at most twelve months" is exact. */
function oneYearAfter(date: IsoDate): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const d = month === 2 && day === 29 ? 28 : day;
  return `${String(year + 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** How many school days of the calendar fall in [from, to]. */
function schoolDaysBetween(from: IsoDate, to: IsoDate, cal: CampaignSettings['calendar']): number {
  const last = monthKey(monthOf(to));
  let n = 0;
  for (let m = monthOf(from); monthKey(m) <= last; m = nextMonth(m)) {
    n += schoolDaysIn(m, cal).filter((d) => d >= from && d <= to).length;
  }
  return n;
}

/**
 * Cross-field checks on settings the schema has already accepted. Each returns its issues; an
 * empty list means the calendar can drive a case for a whole school year.
 */
export function crossFieldIssues(
  settings: CampaignSettings,
  expected: SettingsExpectations = {},
): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const cal = settings.calendar;

  if (expected.schoolYear !== undefined && settings.schoolYear !== expected.schoolYear) {
    issues.push({
      path: ['schoolYear'],
      message: `Thiết lập là của năm học ${label(settings.schoolYear)}, nhưng đợt vận động thuộc năm học ${label(expected.schoolYear)}`,
    });
  }

  // Both ends sit in consecutive calendar years (the schema), but 01/01 to 31/12 of the next
  // year would still pass: a school year is never longer than twelve months.
  const limit = oneYearAfter(cal.yearStart);
  if (cal.yearEnd >= limit) {
    issues.push({
      path: ['calendar', 'yearEnd'],
      message: `Năm học không được dài quá 12 tháng: ngày kết thúc phải trước ${formatViDate(limit)}`,
    });
  }

  // A semester made only of weekends and holidays has no check-in and no day to evaluate on.
  if (schoolDaysBetween(cal.yearStart, cal.semester1End, cal) === 0) {
    issues.push({ path: ['calendar', 'semester1End'], message: 'Học kỳ I không có ngày học nào' });
  }
  if (schoolDaysBetween(cal.semester2Start, cal.yearEnd, cal) === 0) {
    issues.push({ path: ['calendar', 'semester2Start'], message: 'Học kỳ II không có ngày học nào' });
  }

  cal.holidays.forEach((h, i) => {
    if (hasControlCharacter(h.name)) {
      issues.push({
        path: ['calendar', 'holidays', String(i), 'name'],
        message: 'Tên kỳ nghỉ chứa ký tự không hợp lệ',
      });
    }
    const earlier = cal.holidays.findIndex((o, j) => j < i && o.from <= h.to && h.from <= o.to);
    if (earlier >= 0) {
      issues.push({
        path: ['calendar', 'holidays', String(i)],
        message: `Kỳ nghỉ "${h.name}" trùng ngày với kỳ nghỉ "${cal.holidays[earlier]?.name}"`,
      });
    }
  });

  settings.reportDeadlines.forEach((d, i) => {
    if (hasControlCharacter(d.name)) {
      issues.push({
        path: ['reportDeadlines', String(i), 'name'],
        message: 'Tên đợt báo cáo chứa ký tự không hợp lệ',
      });
    }
    // A round may fall after the year ends (the 2018 plan reports on 12/9), never before it opens.
    if (d.due < cal.yearStart) {
      issues.push({
        path: ['reportDeadlines', String(i), 'due'],
        message: `Hạn báo cáo "${d.name}" phải từ ngày bắt đầu năm học (${formatViDate(cal.yearStart)}) trở đi`,
      });
    }
  });
  const [first, second] = settings.reportDeadlines;
  if (first && second && first.due === second.due) {
    issues.push({
      path: ['reportDeadlines', '1', 'due'],
      message: 'Hai đợt báo cáo không được cùng một hạn',
    });
  }

  return issues;
}

/**
 * The order of the year's two ends, readable even when the schema rejects the settings: its own
 * messages speak of the semesters in between, an admin who typed the wrong year needs this one.
 */
function yearOrderIssue(input: unknown): SettingsIssue | null {
  const cal = (input as { calendar?: { yearStart?: unknown; yearEnd?: unknown } } | null)?.calendar;
  if (!cal || !isIsoDate(cal.yearStart) || !isIsoDate(cal.yearEnd)) return null;
  if (cal.yearEnd > cal.yearStart) return null;
  return {
    path: ['calendar', 'yearEnd'],
    message: `Ngày kết thúc năm học phải sau ngày bắt đầu năm học (${formatViDate(cal.yearStart)})`,
  };
}

/**
 * Settings as an admin submits them: the domain schema first (defaults filled in, unknown keys
 * dropped), then the cross-field checks. Every issue is listed, not only the first.
 */
export function validateCampaignSettings(
  input: unknown,
  expected: SettingsExpectations = {},
): SettingsValidation {
  const parsed = campaignSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    const order = yearOrderIssue(input);
    if (order) issues.unshift(order);
    return { ok: false, issues };
  }
  const issues = crossFieldIssues(parsed.data, expected);
  return issues.length ? { ok: false, issues } : { ok: true, settings: parsed.data };
}

/** The top-level settings keys whose values differ (for an audit summary without the values). */
export function changedSettingsKeys(before: unknown, after: CampaignSettings): string[] {
  const old = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(old), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => stableJson(old[k]) !== stableJson((after as Record<string, unknown>)[k]))
    .sort();
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** One semester of the calendar, both ends included, with its number of school days. */
export interface SemesterBounds {
  semester: 1 | 2;
  start: IsoDate;
  end: IsoDate;
  schoolDays: number;
}

/** The calendar's two semesters, for a UI that shows the year at a glance. */
export function semesterBounds(settings: Pick<CampaignSettings, 'calendar'>): SemesterBounds[] {
  const cal = settings.calendar;
  return [
    {
      semester: 1,
      start: cal.yearStart,
      end: cal.semester1End,
      schoolDays: schoolDaysBetween(cal.yearStart, cal.semester1End, cal),
    },
    {
      semester: 2,
      start: cal.semester2Start,
      end: cal.yearEnd,
      schoolDays: schoolDaysBetween(cal.semester2Start, cal.yearEnd, cal),
    },
  ];
}
