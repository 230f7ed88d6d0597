import { freeText, hasBidiControl, idSchema } from '@donghanh/domain';
import { z } from 'zod';

const name = z
  .string()
  .trim()
  .min(2, 'Họ tên quá ngắn')
  .max(120, 'Họ tên quá dài')
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'Họ tên chỉ gồm chữ cái');
const birthDate = z.iso.date('Ngày sinh phải có dạng YYYY-MM-DD');
/** The ministry's id: digits, kept as text (leading zeros). */
const moetCode = z.string().regex(/^\d{6,20}$/, 'Mã định danh gồm 6–20 chữ số');

/** No control characters (PostgreSQL cannot even store NUL), no bidi overrides. */
const plain = (s: string) => !/\p{Cc}/u.test(s) && !hasBidiControl(s);

export const searchStudentsInput = z.object({
  q: z
    .string()
    .trim()
    .max(120, 'Từ khóa quá dài')
    .refine(plain, 'Từ khóa chứa ký tự không hợp lệ')
    .default(''),
  limit: z.number().int().min(1).max(200).default(50),
});

export const createStudentInput = z.object({
  schoolId: idSchema,
  classId: idSchema.optional(),
  fullName: name,
  birthDate: birthDate.optional(),
  gender: z.enum(['MALE', 'FEMALE']).optional(),
  ethnicity: z.string().trim().max(60).refine(plain, 'Ký tự không hợp lệ').optional(),
  moetCode: moetCode.optional(),
});

export const setFamilyInput = z.object({
  studentId: idSchema,
  /** Free text about the family's situation; stored sealed, shown only to the school's staff on the case. */
  text: freeText(4000),
});

/** setup: the pupil whose family circumstances are read. */
export const familyInput = z.object({ studentId: idSchema });

export const updateStudentInput = z.object({
  studentId: idSchema,
  classId: idSchema.nullable().optional(),
  fullName: name.optional(),
  birthDate: birthDate.nullable().optional(),
  gender: z.enum(['MALE', 'FEMALE']).nullable().optional(),
  ethnicity: z.string().trim().max(60).refine(plain, 'Ký tự không hợp lệ').nullable().optional(),
  moetCode: moetCode.nullable().optional(),
});
