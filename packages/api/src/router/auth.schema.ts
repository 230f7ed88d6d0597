import { idSchema } from '@donghanh/domain';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

export const signInInput = z.object({
  /** The username or the e-mail address. */
  username: z
    .string()
    .trim()
    .min(1, 'Nhập tên đăng nhập hoặc email')
    .max(254)
    // PostgreSQL text cannot hold NUL; no username or e-mail has control characters.
    .refine((s) => !/\p{Cc}/u.test(s), 'Tên đăng nhập có ký tự không hợp lệ'),
  password: z.string().min(1, 'Nhập mật khẩu').max(PASSWORD_MAX_LENGTH),
});

export const changePasswordInput = z
  .object({
    current: z.string().min(1, 'Nhập mật khẩu hiện tại').max(PASSWORD_MAX_LENGTH),
    next: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
      .max(PASSWORD_MAX_LENGTH, `Mật khẩu mới dài tối đa ${PASSWORD_MAX_LENGTH} ký tự`),
  })
  .refine((v) => v.next !== v.current, {
    message: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    path: ['next'],
  });

export const adminResetPasswordInput = z.object({ userId: idSchema });
