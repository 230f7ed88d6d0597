import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES } from '@donghanh/domain';
import { z } from 'zod';

/** fix2: the characters of a notification's or task's id; a NUL never reaches PostgreSQL (a 500). */
const KEY_CHARS = /^[A-Za-z0-9_:.-]+$/;

export const markReadInput = z.object({
  /** The notifications to mark read, or every one of the caller's. */
  ids: z.union(
    [
      z
        .array(
          z
            .string()
            .min(1, 'Mã thông báo không hợp lệ')
            .max(80, 'Mã thông báo không hợp lệ')
            .regex(KEY_CHARS, 'Mã thông báo không hợp lệ'),
        )
        .max(200, 'Tối đa 200 thông báo mỗi lần'),
      z.literal('all'),
    ],
    { error: 'Danh sách thông báo không hợp lệ' },
  ),
});

const minuteOfDay = z
  .number()
  .int()
  .min(0, 'Giờ không hợp lệ')
  .max(24 * 60 - 1, 'Giờ không hợp lệ');

export const preferencesInput = z.object({
  mailOff: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  quietStart: minuteOfDay,
  quietEnd: minuteOfDay,
  language: z.enum(NOTIFICATION_LANGUAGES),
  digestHour: z.number().int().min(0, 'Giờ không hợp lệ').max(23, 'Giờ không hợp lệ').nullable(),
  unsubscribed: z.boolean(),
});

/** h13: the task a bell item names. */
export const taskOutcomeInput = z.object({
  taskId: z
    .string()
    .min(1, 'Mã việc không hợp lệ')
    .max(200, 'Mã việc không hợp lệ')
    .regex(KEY_CHARS, 'Mã việc không hợp lệ'),
});
