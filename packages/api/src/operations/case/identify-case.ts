import { systemClock } from '@donghanh/db';
import {
  AppError,
  birthDateFitsSchoolYear,
  campaignSettingsSchema,
  caseCodeFor,
  DAY_MS,
  type IdentifyCaseInput,
  pupilBirthYears,
} from '@donghanh/domain';
import {
  type CaseWorkflowInput,
  caseWorkflowId,
  identifyUpdate,
  TASK_QUEUE,
} from '@donghanh/workflows/messages';
import type { caseWorkflow } from '@donghanh/workflows/workflows';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Context } from '../../context';
import { caseIdFor } from './case-identity';
import { isUnitWithin } from './unit-scope';
import { asWorkflowError, withWorkflowDeadline } from './workflow-errors';

export interface IdentifyCaseResult {
  caseId: string;
  code: string;
  created: boolean;
}

/** The campaign's own delays for screening and for a teacher's answer; defaults otherwise. */
function timingOf(settings: unknown): CaseWorkflowInput['timing'] {
  const parsed = campaignSettingsSchema.safeParse(settings);
  if (!parsed.success) return undefined;
  return {
    screeningMs: parsed.data.screeningDays * DAY_MS,
    offerResponseMs: parsed.data.assignmentResponseDays * DAY_MS,
    // h13: the warning before an offer lapses; absent from the settings: a day before.
    ...(parsed.data.offerWarningHours !== undefined
      ? { offerWarningMs: parsed.data.offerWarningHours * 60 * 60 * 1000 }
      : {}),
  };
}

/**
 * Identifies a student as a case: starts the case workflow and waits (update-with-start) until
 * it has written the case, so the caller gets the case back or a clear error.
 */
export async function identifyCase(ctx: Context, input: IdentifyCaseInput): Promise<IdentifyCaseResult> {
  const [student, campaign] = await Promise.all([
    ctx.db.student.findUnique({
      where: { id: input.studentId },
      select: { id: true, schoolId: true, birthDate: true, school: { select: { unitId: true } } },
    }),
    ctx.db.campaign.findUnique({
      where: { id: input.campaignId },
      select: { id: true, unitId: true, schoolYear: true, active: true, settings: true },
    }),
  ]);
  if (!student) throw new AppError('STUDENT_NOT_FOUND', { studentId: input.studentId });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
  if (!campaign.active) throw new AppError('CAMPAIGN_CLOSED');
  if (!(await isUnitWithin(ctx.db, student.school.unitId, campaign.unitId)))
    throw new AppError('STUDENT_OUTSIDE_CAMPAIGN');
  // Entered before a campaign existed, or imported: measured again against this campaign's year.
  if (student.birthDate && !birthDateFitsSchoolYear(student.birthDate, campaign.schoolYear))
    throw new AppError('BIRTH_DATE_OUT_OF_RANGE', {
      field: 'birthDate',
      ...pupilBirthYears(campaign.schoolYear),
    });

  const caseId = caseIdFor(campaign.id, student.id);
  const existing = await ctx.db.case.findUnique({ where: { id: caseId }, select: { code: true } });
  if (existing) return { caseId, code: existing.code, created: false };

  const args: CaseWorkflowInput = {
    caseId,
    code: caseCodeFor(caseId, campaign.schoolYear),
    campaignId: campaign.id,
    studentId: student.id,
    schoolId: student.schoolId,
    schoolUnitId: student.school.unitId,
    categories: input.categories,
    source: input.source,
    reason: input.reason,
    identifiedById: ctx.user?.id ?? null,
    clock: ctx.caseClock?.() ?? systemClock(),
    timing: timingOf(campaign.settings),
  };
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(caseId),
    taskQueue: ctx.taskQueue ?? TASK_QUEUE,
    args: [args],
    // Two first identifications racing meet in the same workflow; a finished case is never
    // restarted under the same id.
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  try {
    const r = await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow.executeUpdateWithStart(identifyUpdate, { startWorkflowOperation }),
    );
    // The code the row holds (the writer takes the next candidate when another case has it).
    return { caseId: r.caseId, code: r.code, created: true };
  } catch (error) {
    throw asWorkflowError(error);
  }
}
