import { describe, expect, it } from 'vitest';
import {
  birthDateFitsSchoolYear,
  checkInReportSchema,
  checkInTotals,
  ERROR_MESSAGES,
  evaluationDraftSchema,
  freeText,
  identifyCaseInputSchema,
} from '../src';

describe('a pupil’s birth date', () => {
  it('fits a pupil 3 to 25 years old in the campaign’s school year', () => {
    expect(birthDateFitsSchoolYear('2099-01-01', 2026)).toBe(false);
    expect(birthDateFitsSchoolYear('1890-05-01', 2026)).toBe(false);
    expect(birthDateFitsSchoolYear('2024-01-01', 2026)).toBe(false);
    expect(birthDateFitsSchoolYear('2023-12-31', 2026)).toBe(true);
    expect(birthDateFitsSchoolYear('2001-01-01', 2026)).toBe(true);
    expect(birthDateFitsSchoolYear('2000-12-31', 2026)).toBe(false);
    expect(birthDateFitsSchoolYear(new Date('2013-06-01T00:00:00Z'), 2026)).toBe(true);
  });
});

describe('identify case input', () => {
  it('accepts a proposal and defaults its source', () => {
    const r = identifyCaseInputSchema.parse({
      campaignId: 'camp-1',
      studentId: 'st-1',
      categories: ['dropout_risk'],
    });
    expect(r.source).toBe('staff_proposal');
  });

  it.each([
    [{ campaignId: 'camp-1', studentId: 'st-1', categories: [] }, 'categories'],
    [{ campaignId: 'camp-1', studentId: 'st-1', categories: ['rich'] }, 'categories'],
    [{ campaignId: 'camp 1', studentId: 'st-1', categories: ['weak_results'] }, 'campaignId'],
    [{ campaignId: 'camp-1', categories: ['weak_results'] }, 'studentId'],
  ])('rejects %j at %s', (input, path) => {
    const r = identifyCaseInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(path);
  });

  it('refuses bidi overrides and isolates in free text (they reorder what is displayed)', () => {
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      const r = identifyCaseInputSchema.safeParse({
        campaignId: 'camp-1',
        studentId: 'st-1',
        categories: ['dropout_risk'],
        reason: `Em nghỉ học ${c}3 tuần${c}`,
      });
      expect(r.success, c.codePointAt(0)?.toString(16)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Văn bản chứa ký tự điều khiển hướng chữ không được phép');
    }
    // Right-to-left text itself and ordinary marks stay allowed.
    expect(freeText(100).parse('Gia đình nói tiếng Thái; ‏שלום‎')).toContain('שלום');
  });

  it('has a Vietnamese and an English message for every error code', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(m.vi, code).toMatch(/\S/);
      expect(m.en, code).toMatch(/\S/);
      expect(m.vi, code).not.toBe(m.en);
    }
  });
});

describe('check-in and evaluation schemas', () => {
  const good = {
    tutoring: { sessions: 4, hours: 6, subjects: ['Toán'] },
    material: [{ kind: 'rice', quantity: 15, valueVnd: 270_000 }],
    familyContact: { visits: 1, calls: 2 },
    absentDays: 0,
    riskLevel: 'medium',
  };

  it('accepts a check-in and totals its help', () => {
    const r = checkInReportSchema.parse(good);
    expect(checkInTotals(r)).toEqual({ tutoringHours: 6, materialVnd: 270_000 });
  });

  it('rejects a negative, fractional or unknown value with a Vietnamese message', () => {
    const bad = checkInReportSchema.safeParse({ ...good, absentDays: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Số ngày nghỉ học không được âm');
    expect(checkInReportSchema.safeParse({ ...good, riskLevel: 'extreme' }).success).toBe(false);
    expect(
      checkInReportSchema.safeParse({ ...good, material: [{ kind: 'money', quantity: 1, valueVnd: 10.5 }] })
        .success,
    ).toBe(false);
  });

  it('requires a reason when the evaluation proposes closure', () => {
    const draft = {
      resultsBefore: 'chua_dat',
      resultsAfter: 'dat',
      conductBefore: 'kha',
      conductAfter: 'tot',
      progress: 'Tiến bộ',
      stillAtRisk: false,
      recommendation: 'propose_closure',
    };
    const r = evaluationDraftSchema.safeParse(draft);
    expect(r.error?.issues[0]?.message).toBe('Cần nêu lý do đề xuất kết thúc');
    expect(evaluationDraftSchema.safeParse({ ...draft, closureReason: 'goal_reached' }).success).toBe(true);
  });
});
