import { caseStageSchema, idSchema } from '@donghanh/domain';
import { z } from 'zod';

export const cardsInput = z
  .object({
    schoolIds: z.array(idSchema).max(500).optional(),
    stages: z.array(caseStageSchema).optional(),
  })
  .default({});
