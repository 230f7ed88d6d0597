// The campaign's eligibility rules, applied when the coordinator screens a proposed student.
// Pure: no zod here (only types are imported).
import type { CaseCategory } from '../categories';
import type { CampaignSettings } from './schema';
import { SUPPORT_KIND_LABELS, type SupportKind } from './supports';

export type IneligibilityCode = 'no_campaign_category' | 'excluded_support' | 'class_cap_reached';

export interface IneligibilityReason {
  code: IneligibilityCode;
  vi: string;
  en: string;
}

export type EligibilityResult = { eligible: true } | { eligible: false; reasons: IneligibilityReason[] };

export interface EligibilityInput {
  /** The student's categories (diện) as proposed. */
  categories: readonly CaseCategory[];
  /** The state support the student currently receives. */
  supports: readonly SupportKind[];
  /** Cases of the student's class already accepted into this campaign (not counting this one). */
  classCaseCount: number;
}

/**
 * A student is eligible when at least one of its categories is among the campaign's categories,
 * none of its current supports is excluded by the campaign, and its class has fewer accepted
 * cases than the pilot cap (when the campaign sets one). Every failed rule gives a reason, one per
 * excluded support found.
 */
export function checkEligibility(
  student: EligibilityInput,
  settings: Pick<CampaignSettings, 'categories' | 'excludedSupports' | 'pilotCapPerClass'>,
): EligibilityResult {
  const reasons: IneligibilityReason[] = [];

  if (!student.categories.some((c) => settings.categories.includes(c))) {
    reasons.push({
      code: 'no_campaign_category',
      vi: 'Học sinh không thuộc diện nào của cuộc vận động',
      en: 'The student is in none of the campaign’s categories',
    });
  }

  for (const kind of new Set(student.supports)) {
    if (!settings.excludedSupports.includes(kind)) continue;
    const label = SUPPORT_KIND_LABELS[kind];
    reasons.push({
      code: 'excluded_support',
      vi: `Học sinh đã được hưởng chế độ hỗ trợ mà cuộc vận động loại trừ: ${label.vi}`,
      en: `The student already receives support the campaign excludes: ${label.en}`,
    });
  }

  const cap = settings.pilotCapPerClass;
  if (cap !== null && cap !== undefined && student.classCaseCount >= cap) {
    reasons.push({
      code: 'class_cap_reached',
      vi: `Lớp đã đủ số học sinh thí điểm (${student.classCaseCount}/${cap})`,
      en: `The class has reached its pilot cap (${student.classCaseCount}/${cap})`,
    });
  }

  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
