import { idSchema } from '@donghanh/domain';
import { z } from 'zod';

/** "6A", "10A1", "11 Chuyên Toán": letters, digits, spaces and dashes, as schools write them. */
const className = z
  .string()
  .trim()
  .min(1, 'Cần tên lớp')
  .max(20, 'Tên lớp tối đa 20 ký tự')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u, 'Tên lớp chỉ gồm chữ, số, dấu cách, "-", "/" và "."');
const grade = z
  .number({ error: 'Khối lớp phải là một số' })
  .int('Khối lớp phải là số nguyên')
  .min(1, 'Khối lớp từ 1 đến 12')
  .max(12, 'Khối lớp từ 1 đến 12');
const schoolYear = z.number().int().min(2000).max(2100);

export const listClassesInput = z.object({
  schoolId: idSchema,
  /** Absent: the school year of the calendar's today. */
  schoolYear: schoolYear.optional(),
  includeArchived: z.boolean().default(false),
});

export const createClassInput = z.object({
  schoolId: idSchema,
  schoolYear,
  name: className,
  grade,
  homeroomId: idSchema.nullable().optional(),
});

export const renameClassInput = z.object({ classId: idSchema, name: className, grade: grade.optional() });

export const classIdInput = z.object({ classId: idSchema });

export const setHomeroomInput = z.object({ classId: idSchema, homeroomId: idSchema.nullable() });

/** The pupils of one class, or (classId null) the school's pupils with no class yet. */
export const classPupilsInput = z.object({ schoolId: idSchema, classId: idSchema.nullable() });
