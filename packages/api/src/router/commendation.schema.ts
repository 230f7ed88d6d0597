import { freeText, idSchema } from '@donghanh/domain';
import { z } from 'zod';

export const schoolYearInput = z.object({ campaignId: idSchema, schoolId: idSchema });
export const proposeInput = schoolYearInput.extend({
  /** The teacher proposed; null proposes the school itself. */
  teacherId: idSchema.nullable(),
  note: freeText(2000).min(1, 'Cần ghi thành tích đề nghị khen thưởng'),
});
export const proposalInput = z.object({
  proposalId: z
    .string()
    .min(1, 'Mã đề nghị khen thưởng không hợp lệ')
    .max(200, 'Mã đề nghị khen thưởng không hợp lệ')
    .regex(/^[A-Za-z0-9_-]+$/, 'Mã đề nghị khen thưởng không hợp lệ'),
});
export const decideInput = proposalInput.extend({ approve: z.boolean(), note: freeText(2000).optional() });
export const officeListInput = z.object({ campaignId: idSchema, unitId: idSchema });
