import { idSchema } from '@donghanh/domain';
import { z } from 'zod';

// wall: the wall display (issue 14)
export const createDisplayInput = z.object({
  unitId: idSchema,
  label: z.string().trim().min(1, 'Đặt tên cho màn hình').max(80, 'Tối đa 80 ký tự'),
});
export const displayIdInput = z.object({ displayId: z.string().uuid() });
export const listDisplaysInput = z.object({}).default({});
export const pairInput = z.object({ code: z.string().min(1).max(64) });
export const wallBoardInput = z.object({}).default({});
