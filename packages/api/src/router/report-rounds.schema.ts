import { figureCorrectionsSchema, freeText, idSchema } from '@donghanh/domain';
import { z } from 'zod';

const round = z.number({ error: 'Đợt báo cáo không hợp lệ' }).int().min(1).max(4);
export const reportRefInput = z.object({ campaignId: idSchema, round, schoolId: idSchema });
export const startRoundsInput = z.object({ campaignId: idSchema });
export const listRoundsInput = z.object({ campaignId: idSchema });
export const editReportInput = reportRefInput.extend({
  version: z.number().int().min(1),
  remarks: freeText(4000).optional(),
  corrections: figureCorrectionsSchema,
});
export const versionedInput = reportRefInput.extend({ version: z.number().int().min(1) });
export const reviewReportInput = reportRefInput
  .extend({ decision: z.enum(['accept', 'return']), comment: freeText(2000).optional() })
  .refine((r) => r.decision !== 'return' || (r.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'Cần ghi lý do trả lại báo cáo',
  });
export const rollupInput = z.object({
  campaignId: idSchema,
  unitId: idSchema,
  /** A round's roll-up (what the schools sent), or the year's (live from the cases). */
  round: round.nullable().default(null),
});
export const exportReportInput = reportRefInput;
export const exportRollupInput = rollupInput;
export const monthlyInput = z.object({ campaignId: idSchema, schoolId: idSchema });
export const exportMonthlyInput = monthlyInput.extend({
  /** 'YYYY-MM', or a span: s1, s2, year. */
  period: z.union([
    z.enum(['s1', 's2', 'year']),
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng không hợp lệ'),
  ]),
});
export const caseHelpInput = z.object({ caseId: idSchema });
