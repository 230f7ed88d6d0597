import { describe, expect, it } from 'vitest';
import {
  assignmentResponseDueDate,
  backToSchoolDate,
  type CampaignSettings,
  checkInDueDate,
  checkInSchedule,
  checkInWindow,
  DEFAULT_2025_2026,
  holidayOn,
  isHoliday,
  isSchoolDay,
  nextCheckIn,
  nextReportDeadline,
  reportRounds,
  type SchoolCalendar,
  schoolDayOnOrAfter,
  schoolDayOnOrBefore,
  schoolDaysIn,
  schoolMonths,
  screeningDueDate,
  semesterOf,
} from '../../src/campaign';

const S = DEFAULT_2025_2026;
const CAL = S.calendar;
const withDay = (checkInDay: number, extra: Partial<CampaignSettings> = {}): CampaignSettings => ({
  ...S,
  ...extra,
  checkInDay,
});
const monSat = (): SchoolCalendar => ({ ...CAL, schoolWeek: 'mon-sat' });
/** Weekday computed independently of the module: 0 = Sunday … 6 = Saturday. */
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('school days (2025–2026, Mon–Fri)', () => {
  it('counts weekdays inside the year that are not holidays', () => {
    expect(isSchoolDay('2025-09-05', CAL)).toBe(true); // Friday, opening day
    expect(isSchoolDay('2025-09-06', CAL)).toBe(false); // Saturday
    expect(isSchoolDay('2025-09-07', CAL)).toBe(false); // Sunday
    expect(isSchoolDay('2025-09-04', CAL)).toBe(false); // before the year
    expect(isSchoolDay('2026-05-29', CAL)).toBe(true); // last Friday
    expect(isSchoolDay('2026-06-01', CAL)).toBe(false); // summer
    expect(isSchoolDay('2026-01-01', CAL)).toBe(false); // Tết Dương lịch (Thursday)
    expect(isSchoolDay('2026-02-17', CAL)).toBe(false); // mùng 1 Tết (Tuesday)
    expect(isSchoolDay('2026-02-23', CAL)).toBe(true); // back after Tết (Monday)
    expect(isSchoolDay('2026-04-27', CAL)).toBe(false); // Giỗ Tổ, compensatory Monday
    expect(isSchoolDay('2026-04-30', CAL)).toBe(false);
    expect(isSchoolDay('2026-05-01', CAL)).toBe(false);
  });

  it('counts Saturdays with a Mon–Sat school week', () => {
    expect(isSchoolDay('2025-09-06', monSat())).toBe(true);
    expect(isSchoolDay('2025-09-07', monSat())).toBe(false);
    expect(isSchoolDay('2026-05-30', monSat())).toBe(true); // the last day of the year
    expect(isSchoolDay('2026-02-14', monSat())).toBe(false); // Saturday, but Tết
  });

  it('has no school day in the break between the semesters', () => {
    const cal: SchoolCalendar = { ...CAL, semester1End: '2026-01-14', semester2Start: '2026-01-19' };
    expect(isSchoolDay('2026-01-14', cal)).toBe(true);
    expect(isSchoolDay('2026-01-15', cal)).toBe(false); // Thursday in the break
    expect(isSchoolDay('2026-01-16', cal)).toBe(false);
    expect(isSchoolDay('2026-01-19', cal)).toBe(true);
  });

  it('finds holidays by block, both ends included', () => {
    expect(holidayOn('2026-02-14', CAL)?.name).toMatch(/Tết Nguyên đán/);
    expect(holidayOn('2026-02-22', CAL)?.name).toMatch(/Tết Nguyên đán/);
    expect(isHoliday('2026-02-13', CAL)).toBe(false);
    expect(isHoliday('2026-02-23', CAL)).toBe(false);
    expect(holidayOn('2026-04-26', CAL)?.name).toMatch(/Hùng Vương/);
  });

  it('finds the next and previous school days', () => {
    expect(schoolDayOnOrAfter('2026-02-14', CAL)).toBe('2026-02-23');
    expect(schoolDayOnOrBefore('2026-02-22', CAL)).toBe('2026-02-13');
    expect(schoolDayOnOrAfter('2025-08-01', CAL)).toBe('2025-09-05');
    expect(schoolDayOnOrAfter('2026-05-30', CAL)).toBeNull();
    expect(schoolDayOnOrBefore('2026-07-01', CAL)).toBe('2026-05-29');
    expect(schoolDayOnOrBefore('2025-09-04', CAL)).toBeNull();
  });

  it('rejects malformed dates', () => {
    expect(() => isSchoolDay('2026-02-29', CAL)).toThrow(RangeError);
    expect(() => semesterOf('05/09/2025', CAL)).toThrow(RangeError);
  });
});

describe('semesters and school months', () => {
  it('places days in semester I, semester II, summer or before the year', () => {
    expect(semesterOf('2025-08-20', CAL)).toBe('before_year');
    expect(semesterOf('2025-09-04', CAL)).toBe('before_year');
    expect(semesterOf('2025-09-05', CAL)).toBe(1);
    expect(semesterOf('2026-01-17', CAL)).toBe(1);
    expect(semesterOf('2026-01-18', CAL)).toBe(2); // the break after semester I counts as semester II
    expect(semesterOf('2026-01-19', CAL)).toBe(2);
    expect(semesterOf('2026-05-30', CAL)).toBe(2);
    expect(semesterOf('2026-05-31', CAL)).toBe('summer');
    expect(semesterOf('2026-06-15', CAL)).toBe('summer');
  });

  it('lists the nine school months September 2025 … May 2026', () => {
    expect(schoolMonths(CAL)).toEqual([
      { year: 2025, month: 9 },
      { year: 2025, month: 10 },
      { year: 2025, month: 11 },
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
      { year: 2026, month: 2 },
      { year: 2026, month: 3 },
      { year: 2026, month: 4 },
      { year: 2026, month: 5 },
    ]);
    expect(schoolDaysIn({ year: 2026, month: 6 }, CAL)).toEqual([]);
    expect(schoolDaysIn({ year: 2026, month: 7 }, CAL)).toEqual([]);
  });

  it('counts the school days of a month, Tết excluded', () => {
    // February 2026 has 20 weekdays; Tết takes Mon 16 – Fri 20.
    const feb = schoolDaysIn({ year: 2026, month: 2 }, CAL);
    expect(feb).toHaveLength(15);
    expect(feb).not.toContain('2026-02-17');
    expect(feb.every((d) => dow(d) >= 1 && dow(d) <= 5)).toBe(true);
    // September 2025 from Friday 5: 5, 8–12, 15–19, 22–26, 29–30.
    expect(schoolDaysIn({ year: 2025, month: 9 }, CAL)).toHaveLength(18);
  });

  it('leaves out a month whose only days in the year are a weekend', () => {
    // The year "opens" on Saturday 30/08: no Mon–Fri school day in August.
    const cal: SchoolCalendar = { ...CAL, yearStart: '2025-08-30' };
    expect(schoolMonths(cal)[0]).toEqual({ year: 2025, month: 9 });
    expect(schoolMonths({ ...cal, schoolWeek: 'mon-sat' })[0]).toEqual({ year: 2025, month: 8 });
  });
});

describe('check-in due dates', () => {
  it('uses the check-in day when it is a school day', () => {
    expect(checkInDueDate({ year: 2025, month: 9 }, S)).toBe('2025-09-25'); // Thursday
    expect(checkInDueDate({ year: 2025, month: 12 }, S)).toBe('2025-12-25'); // Thursday
  });

  it('moves a weekend due day to the next school day of the month', () => {
    expect(checkInDueDate({ year: 2025, month: 10 }, S)).toBe('2025-10-27'); // Sat 25 → Mon 27
    expect(checkInDueDate({ year: 2026, month: 1 }, S)).toBe('2026-01-26'); // Sun 25 → Mon 26
  });

  it('moves past a holiday: Sat 25/04/2026, Giỗ Tổ Sun 26 and compensatory Mon 27 → Tue 28', () => {
    expect(checkInDueDate({ year: 2026, month: 4 }, S)).toBe('2026-04-28');
  });

  it('moves a due day inside Tết to the first school day after Tết (17 → 23/02/2026)', () => {
    expect(checkInDueDate({ year: 2026, month: 2 }, withDay(17))).toBe('2026-02-23');
    expect(checkInDueDate({ year: 2026, month: 2 }, withDay(14))).toBe('2026-02-23');
  });

  it('moves a due day before the opening to the opening day', () => {
    expect(checkInDueDate({ year: 2025, month: 9 }, withDay(1))).toBe('2025-09-05');
    expect(checkInDueDate({ year: 2026, month: 1 }, withDay(1))).toBe('2026-01-02'); // 01/01 is a holiday
  });

  it('clamps the 31st to the last day of short months, never leaving the month', () => {
    const s = withDay(31);
    const due = schoolMonths(CAL).map((m) => checkInDueDate(m, s));
    expect(due).toEqual([
      '2025-09-30', // Tue 30/09
      '2025-10-31', // Fri 31/10
      '2025-11-28', // 30/11 is a Sunday and nothing is left in November → back to Fri 28/11
      '2025-12-31', // Wed 31/12
      '2026-01-30', // Sat 31/01 → back to Fri 30/01
      '2026-02-27', // 28/02 (no 29th in 2026) is a Saturday → back to Fri 27/02
      '2026-03-31', // Tue 31/03
      '2026-04-29', // Thu 30/04 is a holiday, 01/05 is May → back to Wed 29/04
      '2026-05-29', // 31/05 is past the year's end (Sat 30/05) → back to Fri 29/05
    ]);
  });

  it('keeps the 28th of February 2026 on a Saturday with a Mon–Sat week', () => {
    expect(checkInDueDate({ year: 2026, month: 2 }, withDay(28))).toBe('2026-02-27');
    const s = { ...withDay(28), calendar: monSat() };
    expect(checkInDueDate({ year: 2026, month: 2 }, s)).toBe('2026-02-28');
    expect(checkInDueDate({ year: 2025, month: 11 }, { ...withDay(31), calendar: monSat() })).toBe(
      '2025-11-29',
    );
  });

  it('clamps the 29th of February in a leap year', () => {
    const cal: SchoolCalendar = {
      schoolWeek: 'mon-fri',
      yearStart: '2027-09-06',
      semester1End: '2028-01-15',
      semester2Start: '2028-01-17',
      yearEnd: '2028-05-31',
      holidays: [],
    };
    const s = { ...withDay(30), schoolYear: 2027, calendar: cal };
    expect(checkInDueDate({ year: 2028, month: 2 }, s)).toBe('2028-02-29'); // Tuesday
  });

  it('puts every due date on a school day of its own month', () => {
    for (const day of [1, 5, 14, 15, 17, 25, 28, 29, 30, 31]) {
      for (const w of checkInSchedule(withDay(day))) {
        expect(isSchoolDay(w.dueOn, CAL)).toBe(true);
        expect(w.dueOn.slice(0, 7)).toBe(w.key);
        expect(dow(w.dueOn)).toBeGreaterThanOrEqual(1);
        expect(dow(w.dueOn)).toBeLessThanOrEqual(5);
      }
    }
  });

  it('has no check-in in summer', () => {
    expect(() => checkInDueDate({ year: 2026, month: 7 }, S)).toThrow(RangeError);
    expect(() => checkInWindow({ year: 2026, month: 6 }, S)).toThrow(/no school days/);
  });
});

describe('check-in schedule (reminders and escalations)', () => {
  it('computes the 2025–2026 schedule: day 25, remind 3 days before, escalate 3 days after', () => {
    const rows = checkInSchedule(S).map((w) => [w.key, w.opensOn, w.remindOn, w.dueOn, w.escalateOn]);
    expect(rows).toEqual([
      ['2025-09', '2025-09-05', '2025-09-22', '2025-09-25', '2025-09-28'],
      ['2025-10', '2025-10-01', '2025-10-24', '2025-10-27', '2025-10-30'],
      ['2025-11', '2025-11-03', '2025-11-21', '2025-11-25', '2025-11-28'], // Sat 22 → Fri 21
      ['2025-12', '2025-12-01', '2025-12-22', '2025-12-25', '2025-12-28'],
      ['2026-01', '2026-01-02', '2026-01-23', '2026-01-26', '2026-01-29'],
      ['2026-02', '2026-02-02', '2026-02-13', '2026-02-25', '2026-02-28'], // 22/02 is Tết → Fri 13/02
      ['2026-03', '2026-03-02', '2026-03-20', '2026-03-25', '2026-03-28'], // Sun 22 → Fri 20
      ['2026-04', '2026-04-01', '2026-04-24', '2026-04-28', '2026-05-01'], // Sat 25 → Fri 24
      ['2026-05', '2026-05-04', '2026-05-22', '2026-05-25', '2026-05-28'], // 01/05 holiday, weekend
    ]);
  });

  it('never reminds before the month opens', () => {
    const w = checkInWindow({ year: 2025, month: 9 }, withDay(5));
    expect(w).toMatchObject({ opensOn: '2025-09-05', remindOn: '2025-09-05', dueOn: '2025-09-05' });
    const oct = checkInWindow({ year: 2025, month: 10 }, withDay(2, { reminderDaysBefore: 7 }));
    expect(oct).toMatchObject({ opensOn: '2025-10-01', remindOn: '2025-10-01', dueOn: '2025-10-02' });
  });

  it('reminds on the due day when reminderDaysBefore is 0', () => {
    const w = checkInWindow({ year: 2025, month: 11 }, withDay(31, { reminderDaysBefore: 0 }));
    expect(w.remindOn).toBe('2025-11-28');
    expect(w.dueOn).toBe('2025-11-28');
  });

  it('escalates a number of calendar days after the due day, across months and past the year', () => {
    const s = withDay(31, { escalationDaysAfter: 5 });
    const nov = checkInWindow({ year: 2025, month: 11 }, s);
    expect(nov.escalateOn).toBe('2025-12-03');
    const may = checkInWindow({ year: 2026, month: 5 }, s);
    expect(may.escalateOn).toBe('2026-06-03');
  });

  it('gives the next check-in for a day', () => {
    expect(nextCheckIn('2025-08-01', S)?.key).toBe('2025-09');
    expect(nextCheckIn('2025-10-26', S)?.dueOn).toBe('2025-10-27');
    expect(nextCheckIn('2025-10-27', S)?.dueOn).toBe('2025-10-27');
    expect(nextCheckIn('2025-10-28', S)?.dueOn).toBe('2025-11-25');
    expect(nextCheckIn('2026-05-26', S)).toBeNull();
  });
});

describe('report deadlines and other due dates', () => {
  it('gives the next of the two report deadlines (the due day itself still counts)', () => {
    expect(nextReportDeadline('2025-09-05', S)).toEqual({
      name: 'Báo cáo học kỳ I',
      due: '2025-12-25',
      round: 1,
    });
    expect(nextReportDeadline('2025-12-25', S)?.round).toBe(1);
    expect(nextReportDeadline('2025-12-26', S)).toEqual({
      name: 'Báo cáo cuối năm học',
      due: '2026-05-25',
      round: 2,
    });
    expect(nextReportDeadline('2026-05-25', S)?.due).toBe('2026-05-25');
    expect(nextReportDeadline('2026-05-26', S)).toBeNull();
  });

  it('numbers report rounds by due date, whatever their order in the settings', () => {
    // The 2018 Sơn La plan: 29/3 and 12/9.
    const s = {
      reportDeadlines: [
        { name: 'Đợt 2', due: '2018-09-12' },
        { name: 'Đợt 1', due: '2018-03-29' },
      ],
    };
    expect(reportRounds(s).map((d) => [d.round, d.name])).toEqual([
      [1, 'Đợt 1'],
      [2, 'Đợt 2'],
    ]);
    expect(nextReportDeadline('2018-04-01', s)?.name).toBe('Đợt 2');
  });

  it('gives the back-to-school date from next year’s calendar', () => {
    const next: CampaignSettings = {
      ...S,
      schoolYear: 2026,
      calendar: {
        ...CAL,
        yearStart: '2026-09-05',
        semester1End: '2027-01-16',
        semester2Start: '2027-01-18',
        yearEnd: '2027-05-29',
        holidays: [],
      },
    };
    expect(backToSchoolDate(next)).toBe('2026-09-05');
  });

  it('adds calendar days for screening and assignment answers', () => {
    expect(screeningDueDate('2025-12-20', S)).toBe('2026-01-03');
    expect(assignmentResponseDueDate('2026-02-26', S)).toBe('2026-03-05');
  });
});
