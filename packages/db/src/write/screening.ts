import { campaignSettingsSchema, checkEligibility, isSupportKind } from '@donghanh/domain';
import { RuleViolation } from './domain-failures';
import type { Tx } from './record-case-event';

/**
 * The campaign's eligibility rules, checked when a coordinator accepts a case: one of the
 * campaign's categories, no excluded state support, and room under the class's pilot cap. Cases
 * of one class are accepted one at a time (an advisory lock) so two screenings at once cannot
 * both take the last place.
 */
export async function requireEligible(tx: Tx, caseId: string): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      campaignId: true,
      categories: true,
      campaign: { select: { settings: true } },
      student: { select: { classId: true, supports: true } },
    },
  });
  const settings = campaignSettingsSchema.safeParse(c.campaign.settings);
  // A campaign created before settings existed has no rules to apply.
  if (!settings.success) return;
  const classId = c.student.classId;
  let classCaseCount = 0;
  if (classId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${c.campaignId}:${classId}`}))`;
    classCaseCount = await tx.case.count({
      where: {
        campaignId: c.campaignId,
        id: { not: caseId },
        student: { classId },
        stage: { notIn: ['identified', 'declined'] },
      },
    });
  }
  const result = checkEligibility(
    {
      categories: c.categories as Parameters<typeof checkEligibility>[0]['categories'],
      supports: c.student.supports.filter(isSupportKind),
      classCaseCount,
    },
    settings.data,
  );
  if (!result.eligible)
    throw new RuleViolation('NOT_ELIGIBLE', result.reasons.map((r) => r.vi).join('; '), {
      reasons: result.reasons,
    });
}
