// What people send in a report round, validated at the API edge (zod).
import { z } from 'zod';
import { freeText } from '../case-step-schemas';
import { CORRECTABLE } from './figures';

const figure = z
  .number({ error: 'Số liệu phải là một số' })
  .min(0, 'Số liệu không được âm')
  .max(1_000_000_000_000, 'Số liệu quá lớn');

export const figureCorrectionsSchema = z.partialRecord(z.enum(CORRECTABLE), figure).default({});

/** The coordinator's remarks and corrections: a new version of the school's report. */
export const reportEditSchema = z.object({
  remarks: freeText(4000).optional(),
  corrections: figureCorrectionsSchema,
});
export type ReportEdit = z.infer<typeof reportEditSchema>;

/** The office's answer to a submitted report. A return needs a comment. */
export const reportReviewSchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    comment: freeText(2000).optional(),
  })
  .refine((r) => r.decision !== 'return' || (r.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'Cần ghi lý do trả lại báo cáo',
  });
export type ReportReview = z.infer<typeof reportReviewSchema>;
