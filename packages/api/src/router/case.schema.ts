import { freeText, identifyCaseInputSchema, idSchema } from '@donghanh/domain';
import { z } from 'zod';

export const identifyInput = identifyCaseInputSchema;

export const screenInput = z
  .object({
    caseId: idSchema,
    decision: z.enum(['accept', 'decline']),
    reason: freeText(2000).optional(),
  })
  .refine((v) => v.decision === 'accept' || (v.reason?.length ?? 0) > 0, {
    message: 'Cần nêu lý do không tiếp nhận',
    path: ['reason'],
  });
