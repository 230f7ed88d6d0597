import { describe, expect, it } from 'vitest';
import { type CampaignSettings, checkEligibility, DEFAULT_2025_2026 } from '../../src';

const SONLA: CampaignSettings = {
  ...DEFAULT_2025_2026,
  // An economic-help campaign that leaves boarding beneficiaries out (the 2018 Sơn La plan).
  categories: ['economic_hardship'],
  excludedSupports: ['decree_116_boarding', 'decree_66_boarding'],
  pilotCapPerClass: 2,
};

describe('eligibility', () => {
  it('accepts a student in a campaign category, without excluded support, under the class cap', () => {
    expect(
      checkEligibility(
        { categories: ['economic_hardship'], supports: ['poor_household'], classCaseCount: 1 },
        SONLA,
      ),
    ).toEqual({ eligible: true });
  });

  it('accepts when one of several categories counts', () => {
    const r = checkEligibility(
      { categories: ['weak_results', 'economic_hardship'], supports: [], classCaseCount: 0 },
      SONLA,
    );
    expect(r.eligible).toBe(true);
  });

  it('rejects a student in none of the campaign categories', () => {
    const r = checkEligibility({ categories: ['weak_results'], supports: [], classCaseCount: 0 }, SONLA);
    expect(r).toEqual({
      eligible: false,
      reasons: [
        {
          code: 'no_campaign_category',
          vi: 'Học sinh không thuộc diện nào của cuộc vận động',
          en: 'The student is in none of the campaign’s categories',
        },
      ],
    });
    expect(checkEligibility({ categories: [], supports: [], classCaseCount: 0 }, SONLA).eligible).toBe(false);
  });

  it('rejects a student who already receives an excluded support, one reason per support', () => {
    const r = checkEligibility(
      {
        categories: ['economic_hardship'],
        supports: ['decree_116_boarding', 'decree_81_tuition', 'decree_66_boarding', 'decree_116_boarding'],
        classCaseCount: 0,
      },
      SONLA,
    );
    expect(r.eligible).toBe(false);
    if (r.eligible) return;
    expect(r.reasons.map((x) => x.code)).toEqual(['excluded_support', 'excluded_support']);
    expect(r.reasons[0]?.vi).toContain('Nghị định 116/2016/NĐ-CP');
    expect(r.reasons[1]?.vi).toContain('Nghị định 66/2025/NĐ-CP');
    expect(r.reasons[0]?.en).toContain('Decree 116/2016');
  });

  it('rejects when the class has reached its pilot cap', () => {
    const r = checkEligibility({ categories: ['economic_hardship'], supports: [], classCaseCount: 2 }, SONLA);
    expect(r).toEqual({
      eligible: false,
      reasons: [
        {
          code: 'class_cap_reached',
          vi: 'Lớp đã đủ số học sinh thí điểm (2/2)',
          en: 'The class has reached its pilot cap (2/2)',
        },
      ],
    });
  });

  it('has no cap when pilotCapPerClass is null', () => {
    const r = checkEligibility(
      { categories: ['economic_hardship'], supports: [], classCaseCount: 40 },
      { ...SONLA, pilotCapPerClass: null },
    );
    expect(r.eligible).toBe(true);
  });

  it('gives every failed rule at once', () => {
    const r = checkEligibility(
      { categories: ['grade9_exam'], supports: ['decree_66_boarding'], classCaseCount: 3 },
      SONLA,
    );
    expect(r.eligible).toBe(false);
    if (r.eligible) return;
    expect(r.reasons.map((x) => x.code)).toEqual([
      'no_campaign_category',
      'excluded_support',
      'class_cap_reached',
    ]);
  });
});
