import { randomUUID } from 'node:crypto';
import {
  AppError,
  ageOn,
  childConsentNeeded,
  consentProblems,
  dayOfDateColumn,
  type IsoDate,
  type RecordConsentInput,
  type RecordLegalBasisInput,
  type WithdrawalInput,
} from '@donghanh/domain';
import type { Db } from '../client';
import type { FieldCipher } from '../crypto/field-cipher';
import { type Tx, withCaseEvent } from './record-case-event';

const SCHOOL_STAFF = ['TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;
const day = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

/** Who records, when, and on which school day (the day decides the child's age and the date checks). */
export interface ConsentActor {
  actorId: string;
  now: Date;
  /** The school's calendar day of `now` (isoDateAt(now)). */
  today: IsoDate;
}

/** The CaseEvent of a consent: codes, enums, flags and dates only, never a name. */
export interface ConsentEventPayload {
  basis: 'consent' | 'legal_basis';
  version: number;
  givenOn: IsoDate;
  method?: 'paper_form' | 'in_person';
  relation?: string;
  childConsentRequired?: boolean;
  childAgreed?: boolean | null;
  coversHelp?: boolean;
  coversSchoolProcessing?: boolean;
  coversOfficeSharing?: boolean;
  legalBasisCode?: string;
}

/** Locks the case, ends the current consent row, and gives the next version. */
async function nextVersion(
  tx: Tx,
  caseId: string,
): Promise<{ version: number; studentId: string; unitId: string }> {
  const [locked] = await tx.$queryRaw<{ studentId: string }[]>`
    SELECT "studentId" FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
  if (!locked) throw new AppError('CASE_NOT_FOUND');
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { school: { select: { unitId: true } } },
  });
  const last = await tx.caseConsent.findFirst({
    where: { caseId },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  await tx.caseConsent.updateMany({ where: { caseId, current: true }, data: { current: false } });
  return { version: (last?.version ?? 0) + 1, studentId: locked.studentId, unitId: c.school.unitId };
}

/**
 * The consent rows of one recording, inside the caller's transaction (an API call or, later, the
 * case workflow's consent step through applyCaseStep's `write`). Checks the law's rules against
 * the birth date held: the child's agreement from 7 (or when the age is unknown), the coverage,
 * the dates, and that both witnesses are staff of the child's school.
 */
export async function writeConsentRows(
  tx: Tx,
  cipher: FieldCipher,
  input: RecordConsentInput,
  who: ConsentActor,
): Promise<{ consentId: string; payload: ConsentEventPayload }> {
  const { version, studentId, unitId } = await nextVersion(tx, input.caseId);
  const student = await tx.student.findUniqueOrThrow({
    where: { id: studentId },
    select: { birthDate: true },
  });
  const birthDate = dayOfDateColumn(student.birthDate);
  const problems = consentProblems(input, birthDate, who.today);
  const [first] = problems;
  if (first) throw new AppError(first, { problems });
  if (input.method.kind === 'in_person') {
    const staff = await tx.roleAssignment.findMany({
      where: { userId: { in: input.method.witnessUserIds }, role: { in: [...SCHOOL_STAFF] }, unitId },
      select: { userId: true },
      distinct: ['userId'],
    });
    if (staff.length !== 2) throw new AppError('CONSENT_WITNESS_INVALID');
  }
  const id = `cc-${randomUUID()}`;
  const childConsentRequired = childConsentNeeded(birthDate, input.givenOn);
  await tx.caseConsent.create({
    data: {
      id,
      caseId: input.caseId,
      version,
      current: true,
      basis: 'consent',
      givenOn: day(input.givenOn),
      guardianNameSealed: cipher.seal(input.guardian.name, id),
      guardianRelation: input.guardian.relation,
      method: input.method.kind,
      formNumber: input.method.kind === 'paper_form' ? input.method.formNumber : null,
      formSignedOn: input.method.kind === 'paper_form' ? day(input.method.signedOn) : null,
      witnessIds: input.method.kind === 'in_person' ? input.method.witnessUserIds : [],
      childAge: birthDate ? ageOn(birthDate, input.givenOn) : null,
      childConsentRequired,
      childAgreed: input.childAgreed,
      coversHelp: input.coverage.help,
      coversSchoolProcessing: input.coverage.schoolProcessing,
      coversOfficeSharing: input.coverage.officeSharing,
      recordedById: who.actorId,
      recordedAt: who.now,
    },
  });
  return {
    consentId: id,
    payload: {
      basis: 'consent',
      version,
      givenOn: input.givenOn,
      method: input.method.kind,
      relation: input.guardian.relation,
      childConsentRequired,
      childAgreed: input.childAgreed,
      coversHelp: input.coverage.help,
      coversSchoolProcessing: input.coverage.schoolProcessing,
      coversOfficeSharing: input.coverage.officeSharing,
    },
  };
}

/** The legal basis the school states instead of consent, from the admin's active list. */
export async function writeLegalBasisRows(
  tx: Tx,
  input: RecordLegalBasisInput,
  who: ConsentActor,
): Promise<{ consentId: string; payload: ConsentEventPayload }> {
  const basis = await tx.legalBasis.findUnique({ where: { id: input.legalBasisId } });
  if (!basis?.active) throw new AppError('LEGAL_BASIS_NOT_FOUND');
  if (input.statedOn > who.today) throw new AppError('CONSENT_DATE_INVALID');
  const { version } = await nextVersion(tx, input.caseId);
  const id = `cc-${randomUUID()}`;
  await tx.caseConsent.create({
    data: {
      id,
      caseId: input.caseId,
      version,
      current: true,
      basis: 'legal_basis',
      givenOn: day(input.statedOn),
      legalBasisId: basis.id,
      coversHelp: true,
      coversSchoolProcessing: true,
      recordedById: who.actorId,
      recordedAt: who.now,
    },
  });
  return {
    consentId: id,
    payload: { basis: 'legal_basis', version, givenOn: input.statedOn, legalBasisCode: basis.code },
  };
}

/**
 * Marks the current consent withdrawn, inside the caller's transaction. Closing the case,
 * ending its tasks and offers and erasing its free text are the case workflow's withdrawal step;
 * this is the consent's side of it. The note is sealed (AAD: the consent's id).
 */
export async function writeWithdrawalRows(
  tx: Tx,
  cipher: FieldCipher,
  input: WithdrawalInput,
  who: ConsentActor,
): Promise<{ consentId: string; payload: { by: string; on: IsoDate; version: number } }> {
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${input.caseId} FOR UPDATE`;
  const current = await tx.caseConsent.findFirst({ where: { caseId: input.caseId, current: true } });
  if (current?.basis !== 'consent') throw new AppError('CONSENT_NOT_RECORDED');
  if (current.withdrawnOn) throw new AppError('CONSENT_ALREADY_WITHDRAWN');
  if (input.on > who.today || input.on < (dayOfDateColumn(current.givenOn) ?? input.on))
    throw new AppError('CONSENT_DATE_INVALID');
  await tx.caseConsent.update({
    where: { id: current.id },
    data: {
      withdrawnBy: input.by,
      withdrawnOn: day(input.on),
      withdrawalNoteSealed: input.note ? cipher.seal(input.note, current.id) : null,
      withdrawalRecordedById: who.actorId,
      withdrawalRecordedAt: who.now,
    },
  });
  return { consentId: current.id, payload: { by: input.by, on: input.on, version: current.version } };
}

/** More rows of the same recording, in its transaction, after the consent rows (their payload given). */
export type AlsoInConsentTx = (
  tx: Tx,
  payload: ConsentEventPayload,
) => Promise<Record<string, unknown> | null>;

/** Whether a recording holds the child's own consent (or replaces consent by a legal basis). */
export function holdsChildConsent(payload: ConsentEventPayload): boolean {
  return payload.basis === 'legal_basis' || payload.childConsentRequired === true;
}

async function audit(tx: Tx, actorId: string, action: string, caseId: string, ip: string | null) {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { studentId: true } });
  await tx.auditLog.create({
    data: { actorId, action, subjectType: 'student', subjectId: c.studentId, caseId, ip },
  });
}

/**
 * Records a consent: the rows, a `case.consent_recorded` CaseEvent for the live board and the
 * history, and an audit row, in one transaction. The case workflow's consent step is its writer
 * (activities/consent.ts); `also` adds that step's own rows (closing the child's-consent task)
 * to the same transaction. `idempotencyKey` makes a retried step write nothing twice.
 */
export async function recordCaseConsent(
  db: Db,
  cipher: FieldCipher,
  input: RecordConsentInput,
  who: ConsentActor & { idempotencyKey: string; ip?: string | null },
  also?: AlsoInConsentTx,
) {
  return withCaseEvent(
    db,
    {
      caseId: input.caseId,
      type: 'case.consent_recorded',
      actorId: who.actorId,
      idempotencyKey: who.idempotencyKey,
    },
    async (tx) => {
      const rows = await writeConsentRows(tx, cipher, input, who);
      await audit(tx, who.actorId, 'consent.record', input.caseId, who.ip ?? null);
      return { ...rows, also: (await also?.(tx, rows.payload)) ?? null };
    },
    (rows) => ({ ...rows.payload }),
  );
}

/** The legal basis instead of consent, recorded the same way (`case.consent_recorded`, basis legal_basis). */
export async function recordCaseLegalBasis(
  db: Db,
  input: RecordLegalBasisInput,
  who: ConsentActor & { idempotencyKey: string; ip?: string | null },
  also?: AlsoInConsentTx,
) {
  return withCaseEvent(
    db,
    {
      caseId: input.caseId,
      type: 'case.consent_recorded',
      actorId: who.actorId,
      idempotencyKey: who.idempotencyKey,
    },
    async (tx) => {
      const rows = await writeLegalBasisRows(tx, input, who);
      await audit(tx, who.actorId, 'consent.legal_basis', input.caseId, who.ip ?? null);
      return { ...rows, also: (await also?.(tx, rows.payload)) ?? null };
    },
    (rows) => ({ ...rows.payload }),
  );
}
