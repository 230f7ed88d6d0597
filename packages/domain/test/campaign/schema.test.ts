import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  type CampaignSettingsInput,
  campaignSettingsSchema,
  DEFAULT_2025_2026,
  SUPPORT_KIND_LABELS,
  SUPPORT_KINDS,
} from '../../src';

const base = (): CampaignSettingsInput => structuredClone(DEFAULT_2025_2026);

function messages(input: unknown): string[] {
  const r = campaignSettingsSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

function issue(input: unknown): { path: PropertyKey[]; message: string }[] {
  const r = campaignSettingsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('campaign settings schema', () => {
  it('accepts the 2025–2026 defaults unchanged', () => {
    expect(campaignSettingsSchema.parse(DEFAULT_2025_2026)).toEqual(DEFAULT_2025_2026);
  });

  it('fills in the school week, holidays, excluded supports and cap', () => {
    const input = base();
    delete input.calendar.schoolWeek;
    delete input.calendar.holidays;
    delete input.excludedSupports;
    delete input.pilotCapPerClass;
    const parsed = campaignSettingsSchema.parse(input);
    expect(parsed.calendar.schoolWeek).toBe('mon-fri');
    expect(parsed.calendar.holidays).toEqual([]);
    expect(parsed.excludedSupports).toEqual([]);
    expect(parsed.pilotCapPerClass).toBeNull();
  });

  it('has labels for every support kind', () => {
    for (const k of SUPPORT_KINDS) expect(SUPPORT_KIND_LABELS[k].vi.length).toBeGreaterThan(0);
    expect(DEFAULT_2025_2026.categories).toEqual([...CASE_CATEGORIES]);
  });

  it('rejects a check-in day of 0 or 32, or not a whole number', () => {
    for (const checkInDay of [0, 32, 1.5]) {
      expect(messages({ ...base(), checkInDay })).toEqual(['Ngày nộp cập nhật hằng tháng phải từ 1 đến 31']);
    }
    expect(campaignSettingsSchema.safeParse({ ...base(), checkInDay: 31 }).success).toBe(true);
    expect(campaignSettingsSchema.safeParse({ ...base(), checkInDay: 1 }).success).toBe(true);
  });

  it('rejects dates out of order', () => {
    const s = base();
    s.calendar.semester1End = '2025-09-01';
    expect(issue(s)).toEqual([
      { path: ['calendar', 'semester1End'], message: 'Ngày kết thúc học kỳ I phải sau ngày bắt đầu năm học' },
    ]);
    const t = base();
    t.calendar.semester2Start = '2026-01-17';
    expect(messages(t)).toEqual(['Học kỳ II phải bắt đầu sau ngày kết thúc học kỳ I']);
    const u = base();
    u.calendar.yearEnd = '2026-01-19';
    u.calendar.holidays = [{ from: '2026-01-01', to: '2026-01-01', name: 'Tết Dương lịch' }];
    expect(messages(u)).toEqual(['Ngày kết thúc năm học phải sau ngày bắt đầu học kỳ II']);
  });

  it('rejects a year that does not match the school year', () => {
    const s = base();
    s.schoolYear = 2024;
    expect(messages(s)).toEqual([
      'Năm học 2024–2025 phải bắt đầu trong năm 2024',
      'Năm học 2024–2025 phải kết thúc trong năm 2025',
      'Hạn báo cáo "Báo cáo cuối năm học" phải thuộc năm học 2024–2025', // due 25/05/2026
    ]);
    const t = base();
    t.calendar.yearEnd = '2027-05-30';
    expect(messages(t)).toEqual(['Năm học 2025–2026 phải kết thúc trong năm 2026']);
  });

  it('rejects a holiday outside the year or ending before it starts', () => {
    const s = base();
    s.calendar.holidays = [{ from: '2026-09-02', to: '2026-09-02', name: 'Quốc khánh' }];
    expect(issue(s)).toEqual([
      {
        path: ['calendar', 'holidays', 0],
        message: 'Kỳ nghỉ "Quốc khánh" phải nằm trong năm học (05/09/2025 – 30/05/2026)',
      },
    ]);
    const t = base();
    t.calendar.holidays = [{ from: '2025-09-01', to: '2025-09-06', name: 'Lệch' }];
    expect(messages(t)).toEqual(['Kỳ nghỉ "Lệch" phải nằm trong năm học (05/09/2025 – 30/05/2026)']);
    const u = base();
    u.calendar.holidays = [{ from: '2026-02-22', to: '2026-02-14', name: 'Tết' }];
    expect(messages(u)).toContain('Kỳ nghỉ "Tết": ngày kết thúc phải từ ngày bắt đầu trở đi');
  });

  it('rejects malformed or impossible dates', () => {
    const s = base();
    s.calendar.yearStart = '05/09/2025';
    expect(messages(s)).toContain('Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2025-09-05)');
    const t = base();
    t.reportDeadlines = [
      { name: 'Lần 1', due: '2025-12-25' },
      { name: 'Lần 2', due: '2026-02-30' },
    ];
    expect(issue(t)).toEqual([
      {
        path: ['reportDeadlines', 1, 'due'],
        message: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2025-09-05)',
      },
    ]);
  });

  it('wants exactly two report deadlines within the school year’s two calendar years', () => {
    const s = base();
    s.reportDeadlines = [{ name: 'Lần 1', due: '2025-12-25' }];
    expect(messages(s)).toEqual(['Cần đúng hai đợt báo cáo trong năm học']);
    const t = base();
    t.reportDeadlines = [...DEFAULT_2025_2026.reportDeadlines, { name: 'Lần 3', due: '2026-05-26' }];
    expect(messages(t)).toEqual(['Cần đúng hai đợt báo cáo trong năm học']);
    const u = base();
    u.reportDeadlines = [
      { name: 'Lần 1', due: '2025-12-25' },
      { name: 'Lần 2', due: '2027-01-10' },
    ];
    expect(messages(u)).toEqual(['Hạn báo cáo "Lần 2" phải thuộc năm học 2025–2026']);
  });

  it('rejects bad rules with Vietnamese messages', () => {
    expect(messages({ ...base(), categories: [] })).toEqual(['Chọn ít nhất một diện học sinh']);
    expect(messages({ ...base(), categories: ['weak_results', 'weak_results'] })).toEqual([
      'Diện học sinh bị lặp',
    ]);
    expect(messages({ ...base(), pilotCapPerClass: 0 })).toEqual([
      'Số học sinh thí điểm mỗi lớp phải từ 1 trở lên',
    ]);
    expect(messages({ ...base(), excludedSupports: ['poor_household', 'poor_household'] })).toEqual([
      'Chế độ hỗ trợ bị lặp',
    ]);
    expect(messages({ ...base(), escalationDaysAfter: 0 })).toEqual([
      'Số ngày báo trễ hạn lên điều phối phải từ 1 đến 60 ngày',
    ]);
    expect(messages({ ...base(), reminderDaysBefore: -1 })).toEqual([
      'Số ngày nhắc trước hạn phải từ 0 đến 31 ngày',
    ]);
    expect(campaignSettingsSchema.safeParse({ ...base(), excludedSupports: ['lottery'] }).success).toBe(
      false,
    );
    expect(
      campaignSettingsSchema.safeParse({ ...base(), calendar: { ...base().calendar, schoolWeek: 'sun-thu' } })
        .success,
    ).toBe(false);
  });
});

describe('purity of the calendar code', () => {
  it('keeps zod and the schema out of the pure modules (workflow code imports them)', () => {
    for (const file of [
      'calendar.ts',
      'dates.ts',
      'defaults.ts',
      'eligibility.ts',
      'supports.ts',
      'pure.ts',
    ]) {
      const src = readFileSync(new URL(`../../src/campaign/${file}`, import.meta.url), 'utf8');
      expect(src, file).not.toMatch(/from ['"]zod['"]/);
      expect(src, file).not.toMatch(/Date\.now|new Date\(\)|Math\.random/);
      // Anything taken from ./schema or ../categories (which import zod) must be type-only.
      for (const m of src.matchAll(
        /^(import|export)\s+(type\s+)?[^;]*?from\s+['"](\.\/schema|\.\.\/categories)['"]/gms,
      )) {
        expect(m[2], `${file}: ${m[0]}`).toBe('type ');
      }
    }
  });
});
