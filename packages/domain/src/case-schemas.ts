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

/** A board card: a pseudonym (case code, class, school), never a name. */
export const boardCardSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  stage: caseStageSchema,
  categories: z.array(caseCategorySchema),
  schoolId: z.string(),
  schoolName: z.string(),
  className: z.string(),
  /** Bumped on every change: a client keeps the higher version when updates cross. */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;
