import { z } from 'zod';
import { CASE_STAGES } from './case-stage';
import { freeText } from './case-step-schemas';
import { caseCategorySchema } from './categories';

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ký tự không hợp lệ');

/** What a staff member submits to identify a student as a case. */
export const identifyCaseInputSchema = z.object({
  campaignId: idSchema,
  studentId: idSchema,
  categories: z.array(caseCategorySchema).min(1, 'Chọn ít nhất một diện').max(5),
  /** Short, non-identifying note for the screening; family details belong in the encrypted record. */
  reason: freeText(2000).optional(),
  source: z.enum(['staff_proposal', 'excel_import', 'community_report']).default('staff_proposal'),
});
export type IdentifyCaseInput = z.infer<typeof identifyCaseInputSchema>;

export const caseStageSchema = z.enum(CASE_STAGES);

/**
 * A board card: a pseudonym (case code, class, school) plus what the board filters on. The
 * child's name is there only for an audience that may see it (see board-audience.ts); office
 * roles and the presentation mode get the card without it.
 */
export const boardCardSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  stage: caseStageSchema,
  categories: z.array(caseCategorySchema),
  schoolId: z.string(),
  schoolName: z.string(),
  classId: z.string().nullable(),
  className: z.string(),
  /** Latest risk level from a check-in (low, medium, high), null before the first one. */
  riskLevel: z.enum(['low', 'medium', 'high']).nullable(),
  /** The teacher helping now (staff, not the child: shown to every audience). */
  helperId: z.string().nullable(),
  helperName: z.string().nullable(),
  /** An open task of the case is past its due time. */
  overdue: z.boolean(),
  /** Only for school staff on the case; absent for office roles. */
  studentName: z.string().optional(),
  /** Bumped on every change: a client keeps the higher version when updates cross. */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

/**
 * The id a form makes for one submission when it opens and keeps across its retries (a uuid):
 * the step is written once under it, so a repeated request gets the first result.
 */
export const requestIdSchema = z.uuid('Mã lần gửi không hợp lệ');
