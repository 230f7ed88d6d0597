// State support a student may already receive; a campaign may exclude students who receive some
// of it (the 2018 Sơn La plan leaves Decree 116 beneficiaries out of its economic-help list).
// Pure: no zod here.

/**
 * Kinds of existing state support. A decree and the decree that replaced it are separate kinds
 * (116/2016 → 66/2025 for boarding, 81/2021 → 238/2025 for tuition): a campaign that excludes
 * boarding beneficiaries lists both.
 */
export const SUPPORT_KINDS = [
  'decree_116_boarding',
  'decree_66_boarding',
  'decree_81_tuition',
  'decree_238_tuition',
  'poor_household',
  'near_poor_household',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_KIND_LABELS: Record<SupportKind, { vi: string; en: string }> = {
  decree_116_boarding: {
    vi: 'Hỗ trợ học sinh bán trú theo Nghị định 116/2016/NĐ-CP',
    en: 'Boarding support (Decree 116/2016)',
  },
  decree_66_boarding: {
    vi: 'Hỗ trợ học sinh bán trú theo Nghị định 66/2025/NĐ-CP',
    en: 'Boarding support (Decree 66/2025)',
  },
  decree_81_tuition: {
    vi: 'Miễn, giảm học phí, hỗ trợ chi phí học tập theo Nghị định 81/2021/NĐ-CP',
    en: 'Tuition and learning-cost support (Decree 81/2021)',
  },
  decree_238_tuition: {
    vi: 'Miễn, giảm học phí, hỗ trợ chi phí học tập theo Nghị định 238/2025/NĐ-CP',
    en: 'Tuition and learning-cost support (Decree 238/2025)',
  },
  poor_household: { vi: 'Thuộc hộ nghèo', en: 'Poor household' },
  near_poor_household: { vi: 'Thuộc hộ cận nghèo', en: 'Near-poor household' },
};

export function isSupportKind(value: unknown): value is SupportKind {
  return typeof value === 'string' && (SUPPORT_KINDS as readonly string[]).includes(value);
}
