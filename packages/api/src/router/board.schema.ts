import { caseStageSchema, idSchema } from '@donghanh/domain';
import { z } from 'zod';

export const cardsInput = z
  .object({
    schoolIds: z.array(idSchema).max(500).optional(),
    stages: z.array(caseStageSchema).max(20).optional(),
  })
  .default({});

export const summaryInput = z
  .object({
    schoolIds: z.array(idSchema).max(500).optional(),
  })
  .default({});

/** fix2: the staff meeting's list of one school. */
export const printMeetingInput = z.object({ schoolId: idSchema });
