import type { Actor } from './fixture';

/**
 * Inputs and expected callers of the consent and privacy routers (spread into the access
 * matrix). The calls really run: consent and requests land on the matrix case, the correction
 * sets the child's ethnicity to what it already is (an answer, CORRECTION_UNCHANGED), and ids
 * that do not exist yet (a request, a breach, a hold) answer NOT_FOUND after access passed.
 */
const CASE = 'c-matrix';
const COORDINATION: Actor[] = ['coordinator', 'principal'];

export const PRIVACY_INPUTS: Record<string, unknown> = {
  'consent.record': {
    caseId: CASE,
    recordingId: '7c0e2f52-3a7e-4d1b-9b61-0f5c1a2b3c4d',
    givenOn: '2026-09-10',
    guardian: { name: 'Mùa A Pao', relation: 'father' },
    method: { kind: 'paper_form', formNumber: '07/ĐY', signedOn: '2026-09-10' },
    childAgreed: true,
    coverage: { help: true, schoolProcessing: true, officeSharing: true },
  },
  'consent.recordLegalBasis': {
    caseId: CASE,
    recordingId: '7c0e2f52-3a7e-4d1b-9b61-0f5c1a2b3c4e',
    legalBasisId: 'lb-matrix',
    statedOn: '2026-09-10',
  },
  'consent.get': { caseId: CASE },
  'consent.withdraw': { caseId: CASE, by: 'guardian', on: '2026-09-12' },
  'privacy.legalBasis.list': {},
  'privacy.legalBasis.create': {
    code: 'nghia-vu-matrix',
    title: 'Thực hiện nghĩa vụ theo quy định của luật',
    reference: 'Điều 19 Luật Bảo vệ dữ liệu cá nhân 2025',
  },
  'privacy.legalBasis.update': {
    id: 'lb-matrix',
    code: 'nghia-vu-matrix-2',
    title: 'Thực hiện nghĩa vụ',
    reference: 'Điều 19',
  },
  'privacy.subjectRequest.open': {
    caseId: CASE,
    kind: 'access',
    receivedAt: '2026-09-10T08:00:00+07:00',
    requester: { name: 'Mùa A Pao', relation: 'father' },
  },
  'privacy.subjectRequest.answer': {
    caseId: CASE,
    requestId: 'sr-matrix',
    answeredAt: '2026-09-11T08:00:00+07:00',
  },
  'privacy.subjectRequest.list': { caseId: CASE },
  'privacy.subjectRequest.export': { caseId: CASE },
  'privacy.dataCorrection.record': {
    caseId: CASE,
    field: 'ethnicity',
    value: "H'Mông",
    reason: 'Theo giấy khai sinh',
  },
  'privacy.records.processing': {},
  'privacy.records.register': {},
  'privacy.breach.list': {},
  'privacy.breach.create': {
    detectedAt: '2026-09-10T08:00:00+07:00',
    description: 'Máy tính xách tay của trường bị mất',
    categories: ['identity'],
    affectedCount: 3,
  },
  'privacy.breach.update': { id: 'br-matrix', notificationRef: 'A05-01' },
  'privacy.legalHold.place': { caseId: CASE, reason: 'Thanh tra đang xác minh' },
  'privacy.legalHold.lift': { caseId: CASE, holdId: 'lh-matrix' },
  'privacy.legalHold.list': { caseId: CASE },
  'privacy.retention.applyToCase': { caseId: CASE },
  'privacy.retention.applyToClosed': {},
};

export const PRIVACY_EXPECTED: Record<string, Actor[]> = {
  'consent.record': COORDINATION,
  'consent.recordLegalBasis': COORDINATION,
  'consent.get': COORDINATION,
  'consent.withdraw': COORDINATION,
  // Whoever states a legal basis on a case (any school's coordinator or principal) reads the list.
  'privacy.legalBasis.list': [
    'coordinator',
    'principal',
    'coordinatorElsewhere',
    'principalElsewhere',
    'receivingCoordinator',
    'admin',
  ],
  'privacy.legalBasis.create': ['admin'],
  'privacy.legalBasis.update': ['admin'],
  'privacy.subjectRequest.open': COORDINATION,
  'privacy.subjectRequest.answer': COORDINATION,
  'privacy.subjectRequest.list': COORDINATION,
  'privacy.subjectRequest.export': COORDINATION,
  'privacy.dataCorrection.record': COORDINATION,
  'privacy.records.processing': ['admin'],
  'privacy.records.register': ['admin'],
  'privacy.breach.list': ['admin'],
  'privacy.breach.create': ['admin'],
  'privacy.breach.update': ['admin'],
  'privacy.legalHold.place': ['principal', 'admin'],
  'privacy.legalHold.lift': ['principal', 'admin'],
  'privacy.legalHold.list': ['principal', 'admin'],
  'privacy.retention.applyToCase': ['admin'],
  'privacy.retention.applyToClosed': ['admin'],
};
