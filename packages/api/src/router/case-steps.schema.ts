import {
  checkInReportSchema,
  closureReasonSchema,
  evaluationDraftSchema,
  freeText,
  helpPlanSchema,
  idSchema,
  requestIdSchema,
} from '@donghanh/domain';
import { z } from 'zod';

const text = (max: number, message: string) => freeText(max).refine((s) => s.length > 0, message);
const optionalText = freeText(2000).optional();

/** A task of this case: its id starts with the case id (`<caseId>:checkin:2026-11`). */
const onCase = <S extends z.ZodRawShape>(shape: S) =>
  z
    .object({ caseId: idSchema, taskId: z.string().min(3).max(200), ...shape })
    .refine((v) => (v as { taskId: string }).taskId.startsWith(`${(v as { caseId: string }).caseId}:`), {
      path: ['taskId'],
      message: 'Nhiệm vụ không thuộc hồ sơ này',
    });

export const assignHelperInput = onCase({
  helperId: idSchema,
  coHelperIds: z.array(idSchema).max(3, 'Tối đa 3 người cùng giúp đỡ').optional(),
  sponsor: z.object({ name: text(200, 'Cần tên nhà hảo tâm'), note: optionalText }).optional(),
  // setup: ask a teacher with no free place; a note for the teacher's decision.
  ask: z.boolean().optional(),
  note: optionalText,
});
export const respondOfferInput = onCase({ accept: z.boolean(), reason: optionalText });
export const submitPlanInput = onCase(helpPlanSchema.shape);
export const decideInput = onCase({ approve: z.boolean(), comment: optionalText }).refine(
  (v) => v.approve || (v.comment?.length ?? 0) > 0,
  { path: ['comment'], message: 'Cần ghi nhận xét khi trả lại' },
);
export const fileCheckInInput = onCase({ report: checkInReportSchema });
export const acknowledgeInput = onCase({ note: optionalText });
export const submitEvaluationInput = onCase({ draft: evaluationDraftSchema });
export const confirmReturnInput = onCase({ returned: z.boolean(), note: optionalText });

export const startEvaluationInput = z.object({ caseId: idSchema, reason: text(2000, 'Cần nêu lý do') });
export const proposeClosureInput = z.object({
  caseId: idSchema,
  reason: closureReasonSchema,
  note: optionalText,
});
export const reopenInput = z.object({ caseId: idSchema, reason: text(2000, 'Cần nêu lý do mở lại') });
export const requestTransferInput = z.object({ caseId: idSchema, toSchoolId: idSchema, note: optionalText });
export const replaceHelperInput = z.object({
  caseId: idSchema,
  helperId: idSchema,
  reason: text(2000, 'Cần nêu lý do thay giáo viên'),
});
export const addNoteInput = z.object({ caseId: idSchema, text: text(2000, 'Ghi chú trống') });
/** Correcting a filed check-in (issue 12, part 1): the month, the whole corrected report, why. */
export const amendCheckInInput = z.object({
  caseId: idSchema,
  /** The form's own id for this correction (kept across its retries): written once. */
  amendmentId: requestIdSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM'),
  report: checkInReportSchema,
  reason: text(500, 'Cần nêu lý do sửa').refine((s) => s.length >= 5, 'Lý do phải có ít nhất 5 ký tự'),
});

export const caseIdInput = z.object({ caseId: idSchema });
export const revealInput = z.object({
  caseId: idSchema,
  reason: text(500, 'Cần ghi lý do xem danh tính').refine(
    (s) => s.length >= 10,
    'Lý do phải có ít nhất 10 ký tự',
  ),
});
