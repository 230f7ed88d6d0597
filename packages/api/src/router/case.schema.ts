import { freeText, identifyCaseInputSchema, idSchema } from '@donghanh/domain';
import { z } from 'zod';
import { PRINT_DOCUMENTS } from '../operations/case/print-case';

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

/** phone: paper — which sheet of a case to print. */
export const printInput = z.object({ caseId: idSchema, document: z.enum(PRINT_DOCUMENTS) });
