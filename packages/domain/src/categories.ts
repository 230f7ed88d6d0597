import { z } from 'zod';

/** Why a student needs help; a student may fall in several categories. */
export const CASE_CATEGORIES = [
  'economic_hardship',
  'weak_results',
  'dropout_risk',
  'dropped_out',
  'grade9_exam',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const caseCategorySchema = z.enum(CASE_CATEGORIES);

export const CASE_CATEGORY_LABELS: Record<CaseCategory, { vi: string; en: string }> = {
  economic_hardship: { vi: 'Khó khăn kinh tế, gia cảnh đặc biệt', en: 'Economic hardship' },
  weak_results: { vi: 'Học lực yếu–kém, hạnh kiểm yếu', en: 'Weak results or conduct' },
  dropout_risk: { vi: 'Nguy cơ bỏ học', en: 'At risk of dropping out' },
  dropped_out: { vi: 'Đã nghỉ học (≤ 30 ngày)', en: 'Dropped out (≤ 30 days)' },
  grade9_exam: { vi: 'Khối 9 chuẩn bị thi vào lớp 10', en: 'Grade 9 before the grade-10 exam' },
};
