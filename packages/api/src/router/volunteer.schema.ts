import { freeText, idSchema } from '@donghanh/domain';
import { z } from 'zod';

/** How many students a teacher takes at once; 0 withdraws from volunteering. */
const capacity = z
  .number({ error: 'Số học sinh nhận giúp đỡ phải là một số' })
  .int('Số học sinh nhận giúp đỡ phải là số nguyên')
  .min(0, 'Số học sinh nhận giúp đỡ không được âm')
  .max(10, 'Tối đa 10 học sinh');

const subject = freeText(40).min(1, 'Tên môn học trống');

export const registerVolunteerInput = z.object({
  capacity,
  /** Omitted: the subjects stay as they are (withdrawing keeps them for a later return). */
  subjects: z.array(subject).max(10, 'Tối đa 10 môn').optional(),
});

export const myVolunteeringInput = z.object({}).default({});

export const listVolunteersInput = z.object({ schoolId: idSchema });

export const setCapacityInput = z.object({
  userId: idSchema,
  capacity,
  /** setup: why someone else's commitment changes (audited with the old and new value). */
  reason: freeText(500).refine((s) => s.length >= 3, 'Cần nêu lý do thay đổi (ít nhất 3 ký tự)'),
});

/** setup: stop taking new cases; the cases held go on. */
export const stopVolunteeringInput = z.object({}).default({});

export const suggestHelpersInput = z.object({
  caseId: idSchema,
  limit: z.number().int().min(1).max(50).default(10),
});
