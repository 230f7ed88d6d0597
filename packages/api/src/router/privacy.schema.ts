import {
  answerSubjectRequestSchema,
  breachInputSchema,
  breachUpdateSchema,
  dataCorrectionSchema,
  idSchema,
  legalBasisInputSchema,
  legalHoldSchema,
  openSubjectRequestSchema,
  recordConsentRequestSchema,
  recordLegalBasisRequestSchema,
  withdrawalSchema,
} from '@donghanh/domain';
import { z } from 'zod';

export const recordConsentInput = recordConsentRequestSchema;
export const recordLegalBasisInput = recordLegalBasisRequestSchema;
export const consentGetInput = z.object({ caseId: idSchema });
export const withdrawConsentInput = withdrawalSchema;

export const legalBasisListInput = z
  .object({ activeOnly: z.boolean().default(false) })
  .default({ activeOnly: false });
export const legalBasisCreateInput = legalBasisInputSchema;
export const legalBasisUpdateInput = legalBasisInputSchema.extend({ id: idSchema });

export const subjectRequestOpenInput = openSubjectRequestSchema;
/** The case travels with the request so the access rule can check the school. */
export const subjectRequestAnswerInput = answerSubjectRequestSchema.extend({ caseId: idSchema });
export const subjectRequestListInput = z.object({ caseId: idSchema });
export const subjectRequestExportInput = z.object({ caseId: idSchema, requestId: idSchema.optional() });

export const dataCorrectionInput = dataCorrectionSchema;

export const processingRecordInput = z.object({}).default({});
export const privacyRegisterInput = z
  .object({
    schoolId: idSchema.optional(),
    flaggedOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(5_000).default(1_000),
  })
  .default({ flaggedOnly: false, limit: 1_000 });
// — Retention applied to closed cases from before it existed (issue 18) —
export const applyRetentionInput = z.object({ caseId: idSchema });
/** `afterCaseId`: continue after the previous batch's last case (its `nextAfterCaseId`). */
export const applyRetentionToClosedInput = z.object({ afterCaseId: idSchema.optional() }).default({});

export const breachListInput = z.object({}).default({});
export const breachCreateInput = breachInputSchema;
export const breachUpdateInput = breachUpdateSchema;

export const legalHoldPlaceInput = legalHoldSchema;
export const legalHoldLiftInput = z.object({ caseId: idSchema, holdId: idSchema });
export const legalHoldListInput = z.object({ caseId: idSchema });
