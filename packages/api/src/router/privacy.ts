import { withdrawConsentUpdate } from '@donghanh/workflows/messages';
import { admin, anyOf, coordinator, holdsAnyRole, principal } from '../access/rules';
import { forwardStep } from '../operations/case/forward-step';
import { applyRetention, applyRetentionToClosed } from '../operations/privacy/apply-retention';
import { privacyRegister } from '../operations/privacy/privacy-register';
import { getConsent, recordConsent, recordLegalBasis } from '../operations/privacy/record-consent';
import { breaches, legalBases, legalHolds, processingRecordOf } from '../operations/privacy/records';
import {
  answerSubjectRequest,
  correctData,
  exportSubjectData,
  listRequests,
  openSubjectRequest,
} from '../operations/privacy/subject-requests';
import { createRouter, guarded } from '../trpc';
import {
  applyRetentionInput,
  applyRetentionToClosedInput,
  breachCreateInput,
  breachListInput,
  breachUpdateInput,
  consentGetInput,
  dataCorrectionInput,
  legalBasisCreateInput,
  legalBasisListInput,
  legalBasisUpdateInput,
  legalHoldLiftInput,
  legalHoldListInput,
  legalHoldPlaceInput,
  privacyRegisterInput,
  processingRecordInput,
  recordConsentInput,
  recordLegalBasisInput,
  subjectRequestAnswerInput,
  subjectRequestExportInput,
  subjectRequestListInput,
  subjectRequestOpenInput,
  withdrawConsentInput,
} from './privacy.schema';

/**
 * A case's consent: recorded by the coordinator or principal of the child's school, read by
 * them only (the guardian's name is personal data). Each recording appends a name-free
 * `case.consent_recorded` event and an audit row.
 */
export const consentRouter = createRouter({
  record: guarded(coordinator, recordConsentInput).mutation(({ ctx, input }) => recordConsent(ctx, input)),
  recordLegalBasis: guarded(coordinator, recordLegalBasisInput).mutation(({ ctx, input }) =>
    recordLegalBasis(ctx, input),
  ),
  get: guarded(coordinator, consentGetInput).query(({ ctx, input }) => getConsent(ctx, input.caseId)),
  /**
   * The guardian or the child withdrew: a step of the case's workflow (its single writer), which
   * closes the case, releases the helper and erases the free text at once.
   */
  withdraw: guarded(coordinator, withdrawConsentInput).mutation(({ ctx, input }) => {
    const { caseId, ...withdrawal } = input;
    return forwardStep(ctx, caseId, withdrawConsentUpdate, withdrawal);
  }),
});

/** Those who state a legal basis on a case read the list; admins maintain it. */
const legalBasisReader = holdsAnyRole(
  ['SCHOOL_COORDINATOR', 'PRINCIPAL', 'ADMIN'],
  'role:school-manager-or-admin',
);

/** The guardian's rights, the records an inspector asks for, the breach log, legal holds. */
export const privacyRouter = createRouter({
  legalBasis: createRouter({
    list: guarded(legalBasisReader, legalBasisListInput).query(({ ctx, input }) =>
      legalBases.list(ctx, input.activeOnly),
    ),
    create: guarded(admin, legalBasisCreateInput).mutation(({ ctx, input }) => legalBases.create(ctx, input)),
    update: guarded(admin, legalBasisUpdateInput).mutation(({ ctx, input }) => legalBases.update(ctx, input)),
  }),
  subjectRequest: createRouter({
    open: guarded(coordinator, subjectRequestOpenInput).mutation(({ ctx, input }) =>
      openSubjectRequest(ctx, input),
    ),
    answer: guarded(coordinator, subjectRequestAnswerInput).mutation(({ ctx, input }) =>
      answerSubjectRequest(ctx, input),
    ),
    list: guarded(coordinator, subjectRequestListInput).query(({ ctx, input }) =>
      listRequests(ctx, input.caseId),
    ),
    /** Everything held about the child (JSON); audited. A mutation: it writes the audit row. */
    export: guarded(coordinator, subjectRequestExportInput).mutation(({ ctx, input }) =>
      exportSubjectData(ctx, input),
    ),
  }),
  dataCorrection: createRouter({
    record: guarded(coordinator, dataCorrectionInput).mutation(({ ctx, input }) => correctData(ctx, input)),
  }),
  records: createRouter({
    processing: guarded(admin, processingRecordInput).query(({ ctx }) => processingRecordOf(ctx)),
    /** For an inspector: each case's basis for processing and its erasure (codes only). */
    register: guarded(admin, privacyRegisterInput).query(({ ctx, input }) => privacyRegister(ctx, input)),
  }),
  breach: createRouter({
    list: guarded(admin, breachListInput).query(({ ctx }) => breaches.list(ctx)),
    create: guarded(admin, breachCreateInput).mutation(({ ctx, input }) => breaches.create(ctx, input)),
    update: guarded(admin, breachUpdateInput).mutation(({ ctx, input }) => breaches.update(ctx, input)),
  }),
  /** Closed cases from before retention existed: their workflow starts waiting for the erase-on day. */
  retention: createRouter({
    applyToCase: guarded(admin, applyRetentionInput).mutation(({ ctx, input }) =>
      applyRetention(ctx, input.caseId),
    ),
    applyToClosed: guarded(admin, applyRetentionToClosedInput).mutation(({ ctx, input }) =>
      applyRetentionToClosed(ctx, input),
    ),
  }),
  legalHold: createRouter({
    /** An inquiry or a dispute pauses erasure: the school's principal or an admin places and lifts it. */
    place: guarded(anyOf('case:principal-or-admin', principal, admin), legalHoldPlaceInput).mutation(
      ({ ctx, input }) => legalHolds.place(ctx, input),
    ),
    lift: guarded(anyOf('case:principal-or-admin', principal, admin), legalHoldLiftInput).mutation(
      ({ ctx, input }) => legalHolds.lift(ctx, input),
    ),
    list: guarded(anyOf('case:principal-or-admin', principal, admin), legalHoldListInput).query(
      ({ ctx, input }) => legalHolds.list(ctx, input.caseId),
    ),
  }),
});
