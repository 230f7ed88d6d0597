// What people write at each step of a case: the check-in, the evaluation, the closure. Validated
// at the API edge and again in the activity that stores it; the workflow only carries the value.
import { z } from 'zod';

/**
 * Control characters other than tab and line breaks: PostgreSQL cannot store NUL, and none of
 * them belongs in a form. (Checked by code point: a regex of control characters is a lint error.)
 */
function hasControlCharacter(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069): invisible,
 * they make a name or a note display in an order other than the one stored ("Trojan Source").
 */
export function hasBidiControl(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** Free text from a form: trimmed, bounded, no control characters, no bidi overrides. */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .refine((s) => !hasControlCharacter(s), 'Văn bản chứa ký tự không hợp lệ')
    .refine((s) => !hasBidiControl(s), 'Văn bản chứa ký tự điều khiển hướng chữ không được phép');
const text = freeText;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const MATERIAL_KINDS = ['money', 'rice', 'clothes', 'books', 'supplies', 'bicycle', 'other'] as const;
/** Units of the quantity of each kind of material help. */
export const MATERIAL_UNITS: Record<(typeof MATERIAL_KINDS)[number], string> = {
  money: 'VND',
  rice: 'kg',
  clothes: 'bộ',
  books: 'quyển',
  supplies: 'bộ',
  bicycle: 'chiếc',
  other: '',
};

const vnd = z
  .number({ error: 'Giá trị phải là số tiền (đồng)' })
  .int('Số tiền phải là số nguyên (đồng)')
  .min(0, 'Số tiền không được âm')
  .max(1_000_000_000, 'Số tiền quá lớn');

/** Goods counted by weight (rice): what was given is the kilograms; a price is often unknown. */
export const valueOptional = (kind: (typeof MATERIAL_KINDS)[number]) => MATERIAL_UNITS[kind] === 'kg';

export const materialItemSchema = z
  .object({
    kind: z.enum(MATERIAL_KINDS),
    description: text(200).optional(),
    // For money the quantity is the amount in VND.
    quantity: z
      .number({ error: 'Số lượng phải là số' })
      .positive('Số lượng phải lớn hơn 0')
      .max(1_000_000_000, 'Số lượng quá lớn'),
    /** Value in VND (for money: the amount itself); may be left out for goods by weight. */
    valueVnd: vnd.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.valueVnd === undefined && !valueOptional(m.kind))
      ctx.addIssue({ code: 'custom', path: ['valueVnd'], message: 'Nhập trị giá (đồng)' });
  });

/** A whole number between 0 and max, with the field's name in its messages. */
const count = (label: string, max: number) =>
  z
    .number({ error: `${label} phải là một số` })
    .int(`${label} phải là số nguyên`)
    .min(0, `${label} không được âm`)
    .max(max, `${label} tối đa ${max}`);

export const tutoringSchema = z.object({
  sessions: count('Số buổi dạy kèm', 100),
  hours: z
    .number({ error: 'Số giờ dạy kèm phải là một số' })
    .min(0, 'Số giờ dạy kèm không được âm')
    .max(300, 'Số giờ dạy kèm tối đa 300'),
  subjects: z.array(text(60).min(1, 'Tên môn học trống')).max(12, 'Tối đa 12 môn'),
});

/** One month's check-in by the helper. */
export const checkInReportSchema = z.object({
  tutoring: tutoringSchema,
  material: z.array(materialItemSchema).max(50, 'Tối đa 50 khoản hỗ trợ').default([]),
  familyContact: z.object({
    visits: count('Số lần thăm gia đình', 60),
    calls: count('Số lần liên lạc', 200),
  }),
  /** School days absent this month. */
  absentDays: count('Số ngày nghỉ học', 31),
  riskLevel: riskLevelSchema,
  notes: text(4000).optional(),
});
export type CheckInReport = z.infer<typeof checkInReportSchema>;

export function checkInTotals(r: CheckInReport): { tutoringHours: number; materialVnd: number } {
  return {
    tutoringHours: r.tutoring.hours,
    materialVnd: r.material.reduce((sum, m) => sum + (m.valueVnd ?? 0), 0),
  };
}

/** The official scales: secondary (Thông tư 22/2021) and primary (Thông tư 27/2020). */
export const SECONDARY_SCALE = ['tot', 'kha', 'dat', 'chua_dat'] as const;
export const PRIMARY_SCALE = ['hoan_thanh_tot', 'hoan_thanh', 'chua_hoan_thanh'] as const;
const scaleSchema = z.enum([...SECONDARY_SCALE, ...PRIMARY_SCALE]);
export type EvaluationLevel = z.infer<typeof scaleSchema>;

/** The official levels' names (Thông tư 22/2021 for secondary, 27/2020 for primary). */
export const EVALUATION_LEVEL_LABELS: Record<EvaluationLevel, { vi: string; en: string }> = {
  tot: { vi: 'Tốt', en: 'Good' },
  kha: { vi: 'Khá', en: 'Fair' },
  dat: { vi: 'Đạt', en: 'Pass' },
  chua_dat: { vi: 'Chưa đạt', en: 'Not yet passing' },
  hoan_thanh_tot: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  hoan_thanh: { vi: 'Hoàn thành', en: 'Completed' },
  chua_hoan_thanh: { vi: 'Chưa hoàn thành', en: 'Not yet completed' },
};

export const EVALUATION_DECISIONS = ['continue', 'propose_closure'] as const;

/**
 * The reasons a coordinator may propose. A withdrawn consent closes the case at once through its
 * own step (withdrawConsent), never by a proposal waiting for the principal.
 */
export const PROPOSABLE_CLOSURE_REASONS = [
  'goal_reached',
  'finished_level',
  'transferred',
  'dropped_out',
  'no_longer_eligible',
  'other',
] as const;
/** Every reason a closed case may carry. */
export const CLOSURE_REASONS = [...PROPOSABLE_CLOSURE_REASONS, 'consent_withdrawn'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const closureReasonSchema = z.enum(PROPOSABLE_CLOSURE_REASONS);
export type ProposableClosureReason = z.infer<typeof closureReasonSchema>;

export const evaluationDraftSchema = z
  .object({
    resultsBefore: scaleSchema,
    resultsAfter: scaleSchema,
    conductBefore: scaleSchema,
    conductAfter: scaleSchema,
    progress: text(4000).min(1, 'Cần nhận xét sự tiến bộ'),
    stillAtRisk: z.boolean(),
    recommendation: z.enum(EVALUATION_DECISIONS),
    /** Why the case should close, when that is the recommendation. */
    closureReason: closureReasonSchema.optional(),
  })
  .refine((d) => d.recommendation !== 'propose_closure' || d.closureReason !== undefined, {
    path: ['closureReason'],
    message: 'Cần nêu lý do đề xuất kết thúc',
  });
export type EvaluationDraft = z.infer<typeof evaluationDraftSchema>;
export const CLOSURE_REASON_LABELS: Record<ClosureReason, { vi: string; en: string }> = {
  goal_reached: { vi: 'Đã đạt mục tiêu', en: 'Goal reached' },
  finished_level: { vi: 'Hoàn thành cấp học', en: 'Finished the school level' },
  transferred: { vi: 'Chuyển trường', en: 'Transferred' },
  dropped_out: { vi: 'Bỏ học dù đã được giúp đỡ', en: 'Dropped out despite help' },
  no_longer_eligible: { vi: 'Không còn thuộc diện', en: 'No longer eligible' },
  other: { vi: 'Lý do khác', en: 'Other' },
  consent_withdrawn: { vi: 'Gia đình rút lại sự đồng ý', en: 'Consent withdrawn' },
};

/** Kinds of help a plan names. */
export const PLAN_KINDS = ['tutoring', 'material', 'psychological', 'family_contact'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
const goal = (message: string) => freeText(1000).refine((s) => s.length > 0, message);

/** The help plan's content: the API validates it, the teacher's form validates it in place. */
export const helpPlanSchema = z.object({
  goals: z.object({
    week: goal('Cần mục tiêu tuần'),
    month: goal('Cần mục tiêu tháng'),
    semester: goal('Cần mục tiêu học kỳ'),
  }),
  kinds: z.array(z.enum(PLAN_KINDS)).min(1, 'Chọn ít nhất một hình thức giúp đỡ').max(4),
});
