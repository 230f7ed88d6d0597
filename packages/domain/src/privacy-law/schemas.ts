// What a school records under the personal-data law: consent, a legal basis instead of it, a
// withdrawal, a data subject's request and a correction, a breach, a legal hold. Vietnamese
// messages (English in schema-messages-en.ts). Checked at the API edge.
import { z } from 'zod';
import type { IsoDate } from '../campaign/dates';
import { isoDateSchema } from '../campaign/schema';
import { idSchema, requestIdSchema } from '../case-schemas';
import { freeText } from '../case-step-schemas';
import { childConsentNeeded } from './age';
import { SUBJECT_REQUEST_KINDS } from './deadlines';

/** A person's name as written on a form: 1–120 characters, no control characters. */
const personName = freeText(120).pipe(z.string().min(1, 'Cần họ tên'));

export const GUARDIAN_RELATIONS = [
  'mother',
  'father',
  'grandparent',
  'sibling',
  'other_relative',
  'legal_guardian',
] as const;
export const guardianRelationSchema = z.enum(GUARDIAN_RELATIONS);
export type GuardianRelation = z.infer<typeof guardianRelationSchema>;

export const GUARDIAN_RELATION_LABELS: Record<GuardianRelation, { vi: string; en: string }> = {
  mother: { vi: 'Mẹ', en: 'Mother' },
  father: { vi: 'Bố', en: 'Father' },
  grandparent: { vi: 'Ông/bà', en: 'Grandparent' },
  sibling: { vi: 'Anh/chị', en: 'Elder sibling' },
  other_relative: { vi: 'Người thân khác', en: 'Other relative' },
  legal_guardian: { vi: 'Người giám hộ theo pháp luật', en: 'Legal guardian' },
};

/** A signed paper form's number: the school's register number, e.g. '12/ĐY-THCS'. */
const formNumber = freeText(40).pipe(
  z
    .string()
    .min(1, 'Cần số phiếu đồng ý')
    .regex(/^[\p{L}\p{N}/._-]+$/u, 'Số phiếu chỉ gồm chữ, số và / . _ -'),
);

/** How the guardian gave consent: a signed paper form, or in person before two staff. */
export const consentMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper_form'), formNumber, signedOn: isoDateSchema }),
  z.object({
    kind: z.literal('in_person'),
    witnessUserIds: z
      .array(idSchema)
      .length(2, 'Cần đúng hai cán bộ chứng kiến')
      .refine((ids) => new Set(ids).size === ids.length, 'Hai cán bộ chứng kiến phải khác nhau'),
  }),
]);
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

/**
 * What the consent covers. Names are never shared with the office, whatever is ticked: the
 * third flag covers codes and totals only.
 */
export const consentCoverageSchema = z.object({
  help: z.boolean(),
  schoolProcessing: z.boolean(),
  officeSharing: z.boolean(),
});
export type ConsentCoverage = z.infer<typeof consentCoverageSchema>;

/** A case needs at least being helped and the school's processing to go on. */
export const consentCoversCase = (c: ConsentCoverage): boolean => c.help && c.schoolProcessing;

export const recordConsentSchema = z.object({
  caseId: idSchema,
  /** The day consent was given: the child's age is counted on it. */
  givenOn: isoDateSchema,
  guardian: z.object({ name: personName, relation: guardianRelationSchema }),
  method: consentMethodSchema,
  /** The child's own agreement; required from the age of 7 (checked against the birth date). */
  childAgreed: z.boolean().nullable().default(null),
  coverage: consentCoverageSchema,
});
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export type ConsentProblem =
  | 'CONSENT_CHILD_REQUIRED'
  | 'CONSENT_COVERAGE_INCOMPLETE'
  | 'CONSENT_DATE_INVALID';

/**
 * What is wrong with a consent for a child born on `birthDate` (null: unknown), given `today`:
 * the child of 7 or more (or of unknown age) did not agree, the coverage leaves out the help or
 * the school's processing, the day is in the future or before the birth, or the form was signed
 * after the day it records.
 */
export function consentProblems(
  c: Pick<RecordConsentInput, 'givenOn' | 'method' | 'childAgreed' | 'coverage'>,
  birthDate: IsoDate | null,
  today: IsoDate,
): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (
    c.givenOn > today ||
    (birthDate !== null && c.givenOn < birthDate) ||
    (c.method.kind === 'paper_form' && (c.method.signedOn > today || c.method.signedOn > c.givenOn))
  )
    problems.push('CONSENT_DATE_INVALID');
  if (childConsentNeeded(birthDate, c.givenOn) && c.childAgreed !== true)
    problems.push('CONSENT_CHILD_REQUIRED');
  if (!consentCoversCase(c.coverage)) problems.push('CONSENT_COVERAGE_INCOMPLETE');
  return problems;
}

/** An entry of the admin's list of legal bases that make consent unnecessary. */
const legalBasisCode = z
  .string()
  .trim()
  .min(2, 'Mã căn cứ từ 2 đến 40 ký tự')
  .max(40, 'Mã căn cứ từ 2 đến 40 ký tự')
  .regex(/^[a-z0-9_-]+$/, 'Mã căn cứ chỉ gồm chữ thường không dấu, số, _ và -');

export const legalBasisInputSchema = z.object({
  code: legalBasisCode,
  title: freeText(300).pipe(z.string().min(1, 'Cần tên căn cứ pháp lý')),
  /** Article, clause and instrument, e.g. 'Điểm b khoản 1 Điều 19 Luật BVDLCN 2025'. */
  reference: freeText(300).pipe(z.string().min(1, 'Cần trích dẫn văn bản pháp luật')),
  active: z.boolean().default(true),
});
export type LegalBasisInput = z.infer<typeof legalBasisInputSchema>;

/** The school states the legal basis that makes consent unnecessary (recorded and audited). */
export const recordLegalBasisSchema = z.object({
  caseId: idSchema,
  legalBasisId: idSchema,
  statedOn: isoDateSchema,
});
export type RecordLegalBasisInput = z.infer<typeof recordLegalBasisSchema>;

/**
 * What the school's form sends: the recording with its own id, made when the form opens and kept
 * across its retries, so a repeated request records nothing twice.
 */
export const recordConsentRequestSchema = recordConsentSchema.extend({ recordingId: requestIdSchema });
export const recordLegalBasisRequestSchema = recordLegalBasisSchema.extend({ recordingId: requestIdSchema });
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;
export type RecordLegalBasisRequest = z.infer<typeof recordLegalBasisRequestSchema>;

export const WITHDRAWN_BY = ['guardian', 'child'] as const;
export const withdrawalSchema = z.object({
  caseId: idSchema,
  by: z.enum(WITHDRAWN_BY),
  on: isoDateSchema,
  /** Staff-only note; erased with the case's free text. */
  note: freeText(1000).optional(),
});
export type WithdrawalInput = z.infer<typeof withdrawalSchema>;

export const subjectRequestKindSchema = z.enum(SUBJECT_REQUEST_KINDS);

/** A guardian's (or the child's) request to see or to correct what is held. */
export const openSubjectRequestSchema = z.object({
  caseId: idSchema,
  kind: subjectRequestKindSchema,
  /** When the request reached the school (ISO instant): the due time counts from it. */
  receivedAt: z.iso.datetime({ offset: true, error: 'Thời điểm nhận yêu cầu không hợp lệ' }),
  requester: z.object({ name: personName, relation: guardianRelationSchema.or(z.literal('child')) }),
});
export type OpenSubjectRequestInput = z.infer<typeof openSubjectRequestSchema>;

export const answerSubjectRequestSchema = z.object({
  requestId: idSchema,
  answeredAt: z.iso.datetime({ offset: true, error: 'Thời điểm trả lời không hợp lệ' }),
});

/** Student fields a correction may change (what the school holds about who the child is). */
export const CORRECTABLE_FIELDS = ['fullName', 'birthDate', 'gender', 'ethnicity', 'moetCode'] as const;
export const correctableFieldSchema = z.enum(CORRECTABLE_FIELDS);
export type CorrectableField = z.infer<typeof correctableFieldSchema>;

export const dataCorrectionSchema = z
  .object({
    caseId: idSchema,
    field: correctableFieldSchema,
    /** The corrected value, as text ('2014-03-09' for a birth date, MALE/FEMALE for gender). */
    value: freeText(120),
    reason: freeText(1000).pipe(z.string().min(1, 'Cần nêu lý do chỉnh sửa')),
    requestId: idSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if (v.field === 'fullName' && v.value.length === 0) bad('Cần họ tên');
    if (v.field === 'birthDate' && !isoDateSchema.safeParse(v.value).success)
      bad('Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2025-09-05)');
    if (v.field === 'gender' && v.value !== 'MALE' && v.value !== 'FEMALE') bad('Giới tính không hợp lệ');
    if (v.field === 'moetCode' && v.value !== '' && !/^\d{6,20}$/.test(v.value))
      bad('Mã định danh gồm 6 đến 20 chữ số');
  });
export type DataCorrectionInput = z.infer<typeof dataCorrectionSchema>;

/** Kinds of data a breach may touch (the processing record's categories). */
export const DATA_CATEGORIES = [
  'identity',
  'birth_date',
  'family_circumstances',
  'guardian',
  'help_received',
  'evaluations',
  'free_text',
  'staff_accounts',
] as const;
export const dataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const BREACH_STATUSES = ['open', 'notified', 'closed'] as const;

export const breachInputSchema = z.object({
  detectedAt: z.iso.datetime({ offset: true, error: 'Thời điểm phát hiện không hợp lệ' }),
  description: freeText(4000).pipe(z.string().min(1, 'Cần mô tả sự cố')),
  categories: z.array(dataCategorySchema).min(1, 'Chọn ít nhất một loại dữ liệu').max(DATA_CATEGORIES.length),
  affectedCount: z.number().int('Số người bị ảnh hưởng phải là số nguyên').min(0).max(10_000_000).nullable(),
  measures: freeText(4000).optional(),
});
export type BreachInput = z.infer<typeof breachInputSchema>;

export const breachUpdateSchema = z.object({
  id: idSchema,
  notifiedAt: z.iso
    .datetime({ offset: true, error: 'Thời điểm thông báo không hợp lệ' })
    .nullable()
    .optional(),
  /** A05's reference number for the notification. */
  notificationRef: freeText(100).optional(),
  measures: freeText(4000).optional(),
  status: z.enum(BREACH_STATUSES).optional(),
});
export type BreachUpdate = z.infer<typeof breachUpdateSchema>;

export const legalHoldSchema = z.object({
  caseId: idSchema,
  reason: freeText(1000).pipe(z.string().min(1, 'Cần nêu lý do tạm giữ dữ liệu')),
});
export const liftLegalHoldSchema = z.object({ holdId: idSchema });
