import { CLASS_LIST_FIELDS, idSchema } from '@donghanh/domain';
import { z } from 'zod';

const column = z.number().int().min(0).max(200);

/** Column per field (0-based), as confirmed or changed in the wizard. */
export const columnMappingSchema = z
  .object(
    Object.fromEntries(CLASS_LIST_FIELDS.map((f) => [f, column.optional()])) as Record<
      (typeof CLASS_LIST_FIELDS)[number],
      z.ZodOptional<typeof column>
    >,
  )
  .strict();

const uploadId = z.string().regex(/^clu-[a-z0-9-]{8,40}$/, 'Mã tệp tải lên không hợp lệ');

/** The sheet of the workbook to read (its name as Excel shows it). */
const sheet = z.string().min(1, 'Cần tên trang tính').max(100, 'Tên trang tính tối đa 100 ký tự').optional();

export const listSchoolsInput = z.object({});

export const previewClassListInput = z.object({
  uploadId,
  sheet,
  mapping: columnMappingSchema.optional(),
  /** The class of every row without a "Lớp" cell (a list exported per class). */
  defaultClassName: z.string().trim().min(1).max(20).optional(),
  schoolYear: z.number().int().min(2000).max(2100).optional(),
  /** The preview's rows come back in pages: a 5,000-row list is not one screen. */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
  /** Only rows with an error, a warning or a change. */
  onlyNotable: z.boolean().default(false),
});

export const startClassListImportInput = z.object({
  uploadId,
  sheet,
  mapping: columnMappingSchema.optional(),
  defaultClassName: z.string().trim().min(1).max(20).optional(),
  schoolYear: z.number().int().min(2000).max(2100).optional(),
});

export const importChunkInput = z.object({ uploadId });

export const newYearInput = z.object({
  schoolId: idSchema,
  /** The school year to move to (its first calendar year). */
  toYear: z.number().int().min(2000).max(2100),
  /** Pupils who repeat their grade (lưu ban): they stay in it instead of moving up or leaving. */
  repeaterIds: z
    .array(idSchema)
    .max(5000)
    .default([])
    .transform((ids) => [...new Set(ids)].sort()),
});

/** The pupils of the year before, to mark those who repeat their grade. */
export const newYearPupilsInput = z.object({
  schoolId: idSchema,
  toYear: z.number().int().min(2000).max(2100),
});
