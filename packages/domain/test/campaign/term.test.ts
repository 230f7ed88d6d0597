import { describe, expect, it } from 'vitest';
import {
  campaignSettingsSchema,
  DEFAULT_2025_2026,
  DEFAULT_2026_2027,
  dateAt,
  instantOf,
  realClock,
  shiftSettingsYears,
  termPlan,
} from '../../src/campaign';

describe('termPlan on the 2025–2026 frame', () => {
  it('in November: the remaining check-ins of semester I and its evaluation', () => {
    const t = termPlan('2025-11-10', DEFAULT_2025_2026);
    expect(t).not.toBeNull();
    expect(t?.key).toBe('2025-2026-HK1');
    // January's check-in is due on Monday 26/01, in semester II.
    expect(t?.checkIns.map((w) => w.key)).toEqual(['2025-11', '2025-12']);
    // Semester I's last day is Saturday 17/01: the last school day is Friday 16/01; 14 days
    // before is Friday 02/01, a school day (01/01 is the holiday).
    expect(t?.evaluationOpensOn).toBe('2026-01-02');
    expect(t?.evaluationDueOn).toBe('2026-01-24');
    expect(t?.backToSchoolOn).toBeNull();
  });

  it('a check-in already past its due day is not in the plan', () => {
    const t = termPlan('2025-11-26', DEFAULT_2025_2026);
    expect(t?.checkIns[0]?.key).toBe('2025-12');
  });

  it('semester II starts after the break and skips Tết for due days', () => {
    const t = termPlan('2026-01-19', DEFAULT_2025_2026);
    expect(t?.semester).toBe(2);
    expect(t?.checkIns.map((w) => w.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(t?.checkIns.every((w) => w.dueOn < '2026-02-14' || w.dueOn > '2026-02-22')).toBe(true);
    expect(t?.evaluationDueOn).toBe('2026-06-06');
  });

  it('before the year opens: semester I with a back-to-school confirmation on the opening day', () => {
    const t = termPlan('2025-08-20', DEFAULT_2025_2026);
    expect(t?.semester).toBe(1);
    expect(t?.backToSchoolOn).toBe('2025-09-05');
  });

  it('in summer there is no semester left in this year', () => {
    expect(termPlan('2026-07-01', DEFAULT_2025_2026)).toBeNull();
  });

  it('a case joining in the last fortnight is evaluated from the day it joins, not before', () => {
    const t = termPlan('2026-01-10', DEFAULT_2025_2026);
    expect(t?.evaluationOpensOn).toBe('2026-01-10');
  });
});

describe('shiftSettingsYears', () => {
  it('moves every date by whole years and stays valid', () => {
    const next = shiftSettingsYears(DEFAULT_2025_2026, 1);
    expect(next.schoolYear).toBe(2026);
    expect(next.calendar.yearStart).toBe('2026-09-05');
    expect(next.reportDeadlines[1]?.due).toBe('2027-05-25');
    expect(campaignSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('29/02 becomes 28/02 in a common year', () => {
    const leap = {
      ...DEFAULT_2025_2026,
      schoolYear: 2027,
      calendar: {
        ...DEFAULT_2025_2026.calendar,
        holidays: [{ from: '2028-02-29', to: '2028-02-29', name: 'x' }],
      },
    };
    expect(shiftSettingsYears(leap, 1).calendar.holidays[0]?.from).toBe('2029-02-28');
  });
});

describe('the 2026–2027 defaults', () => {
  it('pass the campaign schema', () => {
    expect(campaignSettingsSchema.safeParse(DEFAULT_2026_2027).success).toBe(true);
  });
});

describe('case clock', () => {
  it('real clock: days begin at midnight in Vietnam', () => {
    // 23/11/2026 20:00 UTC is 24/11 03:00 in Hà Nội.
    const c = realClock(Date.UTC(2026, 10, 23, 20));
    expect(c.anchorDate).toBe('2026-11-24');
    expect(new Date(c.anchorMs).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(dateAt(Date.UTC(2026, 10, 24, 16, 59), c)).toBe('2026-11-24');
    expect(dateAt(Date.UTC(2026, 10, 24, 17, 0), c)).toBe('2026-11-25');
  });

  it('a compressed clock maps a semester into seconds and back', () => {
    const c = { anchorMs: 1_000_000, anchorDate: '2025-11-01', msPerDay: 50 };
    expect(instantOf('2025-11-25', c)).toBe(1_000_000 + 24 * 50);
    expect(dateAt(instantOf('2026-01-17', c), c)).toBe('2026-01-17');
    expect(dateAt(instantOf('2026-01-17', c) - 1, c)).toBe('2026-01-16');
  });
});
