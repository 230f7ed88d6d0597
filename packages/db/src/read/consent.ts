import { dayOfDateColumn } from '@donghanh/domain';
import type { Db } from '../client';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../write/record-case-event';

/** Where a case stands under the law: no consent yet, consent, a legal basis, or withdrawn. */
export type ConsentState = 'none' | 'consent' | 'legal_basis' | 'withdrawn';

/**
 * The gate the case workflow asks before assignment: `consent` or `legal_basis` let the case go
 * on; `none` and `withdrawn` do not. Asked inside the assignment step's transaction (after its
 * lock on the case row, which a consent recording also takes), it sees a consent committed just before.
 */
export async function caseConsentState(
  db: Db | Tx,
  caseId: string,
): Promise<{ state: ConsentState; version: number | null }> {
  const c = await db.caseConsent.findFirst({
    where: { caseId, current: true },
    select: { basis: true, version: true, withdrawnOn: true },
  });
  if (!c) return { state: 'none', version: null };
  if (c.withdrawnOn) return { state: 'withdrawn', version: c.version };
  return { state: c.basis === 'legal_basis' ? 'legal_basis' : 'consent', version: c.version };
}

function consentRow(
  r: Awaited<ReturnType<typeof consentRows>>[number],
  cipher: FieldCipher | undefined,
  names: Map<string, string>,
) {
  return {
    id: r.id,
    version: r.version,
    current: r.current,
    basis: r.basis as 'consent' | 'legal_basis',
    givenOn: dayOfDateColumn(r.givenOn),
    guardian:
      r.basis === 'consent'
        ? {
            name: r.guardianNameSealed && cipher ? cipher.open(r.guardianNameSealed, r.id) : null,
            relation: r.guardianRelation,
          }
        : null,
    method: r.method,
    formNumber: r.formNumber,
    formSignedOn: dayOfDateColumn(r.formSignedOn),
    witnesses: r.witnessIds.map((id) => ({ id, name: names.get(id) ?? id })),
    childAge: r.childAge,
    childConsentRequired: r.childConsentRequired,
    childAgreed: r.childAgreed,
    coverage: {
      help: r.coversHelp,
      schoolProcessing: r.coversSchoolProcessing,
      officeSharing: r.coversOfficeSharing,
    },
    legalBasis: r.legalBasis
      ? { code: r.legalBasis.code, title: r.legalBasis.title, reference: r.legalBasis.reference }
      : null,
    recordedBy: names.get(r.recordedById) ?? r.recordedById,
    recordedAt: r.recordedAt.toISOString(),
    withdrawal: r.withdrawnOn
      ? {
          by: r.withdrawnBy,
          on: dayOfDateColumn(r.withdrawnOn),
          note: r.withdrawalNoteSealed && cipher ? cipher.open(r.withdrawalNoteSealed, r.id) : null,
        }
      : null,
  };
}

function consentRows(db: Db, caseId: string) {
  return db.caseConsent.findMany({
    where: { caseId },
    orderBy: { version: 'desc' },
    include: { legalBasis: true },
  });
}

/**
 * The consent section of the case page and the printable form: the current recording and its
 * history (guardian names opened with the key), the school's header (school and the unit above
 * it), and the child's age facts. For the school's staff only: the API guards it.
 */
export async function readCaseConsent(db: Db, cipher: FieldCipher | undefined, caseId: string) {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      code: true,
      stage: true,
      school: { select: { name: true, unit: { select: { parent: { select: { name: true } } } } } },
      student: { select: { fullName: true, birthDate: true, class: { select: { name: true } } } },
      campaign: { select: { name: true, schoolYear: true } },
    },
  });
  if (!c) return null;
  const rows = await consentRows(db, caseId);
  const userIds = [...new Set(rows.flatMap((r) => [r.recordedById, ...r.witnessIds]))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map(
      (u) => [u.id, u.displayName],
    ),
  );
  const history = rows.map((r) => consentRow(r, cipher, names));
  const current = history.find((h) => h.current) ?? null;
  const state: ConsentState = !current
    ? 'none'
    : current.withdrawal
      ? 'withdrawn'
      : current.basis === 'legal_basis'
        ? 'legal_basis'
        : 'consent';
  return {
    caseId: c.id,
    code: c.code,
    stage: c.stage,
    state,
    current,
    history,
    header: { school: c.school.name, parentUnit: c.school.unit.parent?.name ?? null },
    campaign: c.campaign,
    child: {
      fullName: c.student.fullName,
      birthDate: dayOfDateColumn(c.student.birthDate),
      className: c.student.class?.name ?? null,
    },
  };
}

export async function listLegalBases(db: Db, options: { activeOnly?: boolean } = {}) {
  const rows = await db.legalBasis.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: { code: 'asc' },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    reference: r.reference,
    active: r.active,
  }));
}

/** The breach log, newest first; `late` against `now` (the calendar's: systemNow()). */
export async function listBreaches(db: Db, now: Date) {
  const rows = await db.breachRecord.findMany({ orderBy: { detectedAt: 'desc' }, take: 500 });
  return rows.map((r) => ({
    id: r.id,
    detectedAt: r.detectedAt.toISOString(),
    notifyBy: r.notifyBy.toISOString(),
    description: r.description,
    categories: r.categories,
    affectedCount: r.affectedCount,
    measures: r.measures,
    notifiedAt: r.notifiedAt?.toISOString() ?? null,
    notificationRef: r.notificationRef,
    status: r.status,
    late: !r.notifiedAt && now.getTime() > r.notifyBy.getTime(),
  }));
}

/** A case's data-subject requests, newest first (requester names opened with the key); `overdue` against `now` (systemNow()). */
export async function listSubjectRequests(
  db: Db,
  cipher: FieldCipher | undefined,
  caseId: string,
  now: Date,
) {
  const rows = await db.subjectRequest.findMany({ where: { caseId }, orderBy: { receivedAt: 'desc' } });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'access' | 'correction',
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    overdue: !r.answeredAt && now.getTime() > r.dueAt.getTime(),
    requester: {
      name: cipher ? cipher.open(r.requesterNameSealed, r.id) : null,
      relation: r.requesterRelation,
    },
  }));
}
