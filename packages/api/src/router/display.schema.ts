import { freeText, idSchema } from '@donghanh/domain';
import { z } from 'zod';

// wall: the wall display (issue 14)
export const createDisplayInput = z.object({
  unitId: idSchema,
  /** One line, shown on the wall itself: no control or bidi characters, no line break. */
  label: freeText(80)
    .pipe(z.string().min(1, 'Đặt tên cho màn hình'))
    .refine((s) => !/[\t\n\r\u2028\u2029]/.test(s), 'Chỉ được viết trên một dòng'),
});
export const displayIdInput = z.object({ displayId: z.string().uuid() });
export const listDisplaysInput = z.object({}).default({});
export const pairInput = z.object({ code: z.string().min(1).max(64) });
export const wallBoardInput = z.object({}).default({});
