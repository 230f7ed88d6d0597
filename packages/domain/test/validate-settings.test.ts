import { describe, expect, it } from 'vitest';
import {
  type CampaignSettings,
  changedSettingsKeys,
  crossFieldIssues,
  DEFAULT_2025_2026,
  DEFAULT_2026_2027,
  semesterBounds,
  shiftSettingsYears,
  validateCampaignSettings,
} from '../src';

const base = (): CampaignSettings => structuredClone(DEFAULT_2026_2027);
const paths = (issues: { path: string[] }[]) => issues.map((i) => i.path.join('.'));

function issuesOf(input: unknown, schoolYear?: number) {
  const r = validateCampaignSettings(input, { schoolYear });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe('validateCampaignSettings', () => {
  it('accepts both ministry frames as they are, and their copies moved by a year', () => {
    for (const s of [DEFAULT_2025_2026, DEFAULT_2026_2027]) {
      expect(validateCampaignSettings(s, { schoolYear: s.schoolYear })).toEqual({ ok: true, settings: s });
      expect(crossFieldIssues(s)).toEqual([]);
    }
    const next = shiftSettingsYears(DEFAULT_2026_2027, 1);
    expect(validateCampaignSettings(next, { schoolYear: 2027 }).ok).toBe(true);
  });

  it('fills in defaults and drops unknown keys', () => {
    const { excludedSupports: _, ...rest } = base();
    const r = validateCampaignSettings({ ...rest, extra: 'x' }, { schoolYear: 2026 });
    expect(r.ok && r.settings.excludedSupports).toEqual([]);
    expect(r.ok && 'extra' in r.settings).toBe(false);
  });

  it('says plainly when the year ends before it starts, with the schema’s own issues', () => {
    const s = base();
    s.calendar.yearEnd = '2026-05-29';
    const issues = issuesOf(s, 2026);
    expect(issues[0]).toEqual({
      path: ['calendar', 'yearEnd'],
      message: 'Ngày kết thúc năm học phải sau ngày bắt đầu năm học (05/09/2026)',
    });
    expect(paths(issues)).toContain('calendar.yearEnd');
    expect(issues.length).toBeGreaterThan(1);
  });

  it('lists every schema issue with its path: semester out of order, check-in day out of range', () => {
    const s = base() as unknown as Record<string, unknown> & CampaignSettings;
    s.calendar.semester1End = '2026-09-01';
    s.checkInDay = 32;
    expect(paths(issuesOf(s, 2026)).sort()).toEqual(['calendar.semester1End', 'checkInDay']);
  });

  it('refuses settings of another school year than the campaign’s', () => {
    expect(issuesOf(DEFAULT_2025_2026, 2026)).toEqual([
      {
        path: ['schoolYear'],
        message: 'Thiết lập là của năm học 2025–2026, nhưng đợt vận động thuộc năm học 2026–2027',
      },
    ]);
  });

  it('refuses a school year longer than twelve months', () => {
    const s = base();
    s.calendar.yearStart = '2026-01-05';
    s.calendar.yearEnd = '2027-05-29';
    s.reportDeadlines = [
      { name: 'Báo cáo học kỳ I', due: '2026-12-25' },
      { name: 'Báo cáo cuối năm học', due: '2027-05-25' },
    ];
    s.calendar.holidays = [];
    expect(issuesOf(s, 2026)).toEqual([
      {
        path: ['calendar', 'yearEnd'],
        message: 'Năm học không được dài quá 12 tháng: ngày kết thúc phải trước 05/01/2027',
      },
    ]);
  });

  it('refuses a semester without a single school day', () => {
    const s = base();
    // Semester II covered by one long holiday.
    s.calendar.holidays = [{ from: '2027-01-18', to: '2027-05-29', name: 'Nghỉ dài' }];
    expect(issuesOf(s, 2026)).toEqual([
      { path: ['calendar', 'semester2Start'], message: 'Học kỳ II không có ngày học nào' },
    ]);
  });

  it('refuses overlapping holidays, same-day report rounds, a round before the year and control characters', () => {
    const s = base();
    s.calendar.holidays = [
      { from: '2027-02-03', to: '2027-02-11', name: 'Tết Nguyên đán' },
      { from: '2027-02-10', to: '2027-02-12', name: 'Nghỉ thêm\u0000' },
    ];
    s.reportDeadlines = [
      { name: 'Đợt 1', due: '2026-03-01' },
      { name: 'Đợt 2', due: '2026-03-01' },
    ];
    expect(paths(issuesOf(s, 2026))).toEqual([
      'calendar.holidays.1.name',
      'calendar.holidays.1',
      'reportDeadlines.0.due',
      'reportDeadlines.1.due',
      'reportDeadlines.1.due',
    ]);
  });

  it('answers anything that is not settings with issues, never a throw', () => {
    for (const input of [null, 42, 'x', [], {}, { calendar: null }, { calendar: { yearStart: 5 } }]) {
      expect(validateCampaignSettings(input).ok).toBe(false);
    }
  });
});

describe('changedSettingsKeys', () => {
  it('names the top-level keys that differ, whatever the key order of the stored JSON', () => {
    // jsonb hands keys back in its own order: reverse them at every level.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const before = reversed(base());
    expect(Object.keys(before as object)[0]).toBe('reportDeadlines');
    expect(changedSettingsKeys(before, base())).toEqual([]);
    expect(changedSettingsKeys(base(), base())).toEqual([]);
    const after = base();
    after.checkInDay = 20;
    after.calendar.holidays = [];
    expect(changedSettingsKeys(before, after)).toEqual(['calendar', 'checkInDay']);
    expect(changedSettingsKeys({}, after)).toEqual(Object.keys(after).sort());
  });
});

describe('semesterBounds', () => {
  it('gives both semesters with their school days', () => {
    const [one, two] = semesterBounds(DEFAULT_2026_2027);
    expect(one).toMatchObject({ semester: 1, start: '2026-09-05', end: '2027-01-16' });
    expect(two).toMatchObject({ semester: 2, start: '2027-01-18', end: '2027-05-29' });
    expect(one?.schoolDays).toBeGreaterThan(80);
    expect(two?.schoolDays).toBeGreaterThan(80);
  });
});
