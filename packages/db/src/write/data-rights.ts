import { randomUUID } from 'node:crypto';
import {
  AppError,
  type BreachInput,
  type BreachUpdate,
  breachNotifyBy,
  campaignSettingsSchema,
  type DataCorrectionInput,
  type LegalBasisInput,
  normalizeName,
  type OpenSubjectRequestInput,
  privacySettingsOf,
  searchKey,
  subjectRequestDueAt,
} from '@donghanh/domain';
import type { Db } from '../client';
import type { FieldCipher } from '../crypto/field-cipher';
import { Prisma } from '../generated/prisma/client';
import type { Tx } from './record-case-event';

/** Who acts and from where: every write below leaves an audit row. */
export interface RightsActor {
  actorId: string;
  now: Date;
  ip?: string | null;
}

function audit(
  tx: Tx,
  who: RightsActor,
  action: string,
  subject: { type: string; id: string; caseId?: string | null },
) {
  return tx.auditLog.create({
    data: {
      actorId: who.actorId,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      caseId: subject.caseId ?? null,
      ip: who.ip ?? null,
    },
  });
}

// — The admin's list of legal bases —

export async function createLegalBasis(db: Db, input: LegalBasisInput, who: RightsActor) {
  const id = `lb-${randomUUID().slice(0, 12)}`;
  try {
    await db.$transaction(async (tx) => {
      await tx.legalBasis.create({ data: { id, ...input } });
      await audit(tx, who, 'legal_basis.create', { type: 'legal_basis', id });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('LEGAL_BASIS_CODE_TAKEN');
    throw error;
  }
  return { id };
}

export async function updateLegalBasis(db: Db, id: string, input: LegalBasisInput, who: RightsActor) {
  try {
    await db.$transaction(async (tx) => {
      const found = await tx.legalBasis.updateMany({ where: { id }, data: input });
      if (found.count === 0) throw new AppError('LEGAL_BASIS_NOT_FOUND');
      await audit(tx, who, 'legal_basis.update', { type: 'legal_basis', id });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('LEGAL_BASIS_CODE_TAKEN');
    throw error;
  }
  return { id };
}

// — Data subjects' requests and corrections —

/**
 * Opens a guardian's (or the child's) request on a case, with its due time from the campaign's
 * privacy settings (72 hours by default). The requester's name is sealed.
 */
export async function openSubjectRequest(
  db: Db,
  cipher: FieldCipher,
  input: OpenSubjectRequestInput,
  who: RightsActor,
) {
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > who.now.getTime()) throw new AppError('SUBJECT_REQUEST_TIME_INVALID');
  const c = await db.case.findUnique({
    where: { id: input.caseId },
    select: { studentId: true, campaign: { select: { settings: true } } },
  });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const parsed = campaignSettingsSchema.safeParse(c.campaign.settings);
  const settings = privacySettingsOf(parsed.success ? parsed.data : {});
  const dueAt = subjectRequestDueAt(input.kind, receivedAt, settings);
  const id = `sr-${randomUUID()}`;
  await db.$transaction(async (tx) => {
    await tx.subjectRequest.create({
      data: {
        id,
        caseId: input.caseId,
        studentId: c.studentId,
        kind: input.kind,
        receivedAt,
        dueAt,
        requesterNameSealed: cipher.seal(input.requester.name, id),
        requesterRelation: input.requester.relation,
        openedById: who.actorId,
        openedAt: who.now,
      },
    });
    await audit(tx, who, `subject_request.open.${input.kind}`, {
      type: 'student',
      id: c.studentId,
      caseId: input.caseId,
    });
  });
  return { id, dueAt: dueAt.toISOString() };
}

/** Records the answer's time; a request is answered once. */
export async function answerSubjectRequest(db: Db, requestId: string, answeredAt: Date, who: RightsActor) {
  return db.$transaction(async (tx) => {
    const r = await tx.subjectRequest.findUnique({ where: { id: requestId } });
    if (!r) throw new AppError('SUBJECT_REQUEST_NOT_FOUND');
    if (r.answeredAt) throw new AppError('SUBJECT_REQUEST_ANSWERED');
    if (answeredAt < r.receivedAt || answeredAt.getTime() > who.now.getTime())
      throw new AppError('SUBJECT_REQUEST_TIME_INVALID');
    await tx.subjectRequest.update({
      where: { id: requestId },
      data: { answeredAt, answeredById: who.actorId },
    });
    await audit(tx, who, 'subject_request.answer', { type: 'student', id: r.studentId, caseId: r.caseId });
    return { id: requestId, answeredAt: answeredAt.toISOString(), late: answeredAt > r.dueAt };
  });
}

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/**
 * Corrects one field of the child's record at the guardian's request (or the school's own
 * finding): the old and new values and the reason are kept, sealed, with who and when; audited.
 */
export async function applyDataCorrection(
  db: Db,
  cipher: FieldCipher,
  input: DataCorrectionInput,
  who: RightsActor,
) {
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: input.caseId }, select: { studentId: true } });
    if (!c) throw new AppError('CASE_NOT_FOUND');
    if (input.requestId) {
      const r = await tx.subjectRequest.findUnique({
        where: { id: input.requestId },
        select: { caseId: true },
      });
      if (r?.caseId !== input.caseId) throw new AppError('SUBJECT_REQUEST_NOT_FOUND');
    }
    const s = await tx.student.findUniqueOrThrow({ where: { id: c.studentId } });
    const old =
      input.field === 'birthDate'
        ? dayOf(s.birthDate)
        : input.field === 'fullName'
          ? s.fullName
          : (s[input.field] ?? '');
    const value = input.field === 'fullName' ? normalizeName(input.value) : input.value;
    if (old === value) throw new AppError('CORRECTION_UNCHANGED');
    const data: Prisma.StudentUpdateInput =
      input.field === 'fullName'
        ? { fullName: value, searchName: searchKey(value) }
        : input.field === 'birthDate'
          ? { birthDate: new Date(`${value}T00:00:00Z`) }
          : input.field === 'gender'
            ? { gender: value as 'MALE' | 'FEMALE' }
            : { [input.field]: value === '' ? null : value };
    try {
      await tx.student.update({ where: { id: c.studentId }, data });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw new AppError('VALIDATION_FAILED', { field: 'moetCode', reason: 'Mã định danh đã có' });
      throw error;
    }
    const id = `dc-${randomUUID()}`;
    await tx.dataCorrection.create({
      data: {
        id,
        studentId: c.studentId,
        caseId: input.caseId,
        requestId: input.requestId ?? null,
        field: input.field,
        oldValueSealed: old ? cipher.seal(old, id) : null,
        newValueSealed: value ? cipher.seal(value, id) : null,
        reasonSealed: cipher.seal(input.reason, id),
        correctedById: who.actorId,
        correctedAt: who.now,
      },
    });
    await audit(tx, who, `data.correct.${input.field}`, {
      type: 'student',
      id: c.studentId,
      caseId: input.caseId,
    });
    return { id, field: input.field };
  });
}

// — The breach log —

export async function createBreach(db: Db, input: BreachInput, who: RightsActor) {
  const detectedAt = new Date(input.detectedAt);
  if (detectedAt.getTime() > who.now.getTime()) throw new AppError('SUBJECT_REQUEST_TIME_INVALID');
  const id = `br-${randomUUID().slice(0, 12)}`;
  await db.$transaction(async (tx) => {
    await tx.breachRecord.create({
      data: {
        id,
        detectedAt,
        notifyBy: breachNotifyBy(detectedAt),
        description: input.description,
        categories: input.categories,
        affectedCount: input.affectedCount,
        measures: input.measures ?? null,
        recordedById: who.actorId,
      },
    });
    await audit(tx, who, 'breach.create', { type: 'breach', id });
  });
  return { id, notifyBy: breachNotifyBy(detectedAt).toISOString() };
}

export async function updateBreach(db: Db, input: BreachUpdate, who: RightsActor) {
  return db.$transaction(async (tx) => {
    const b = await tx.breachRecord.findUnique({ where: { id: input.id } });
    if (!b) throw new AppError('BREACH_NOT_FOUND');
    const notifiedAt =
      input.notifiedAt === undefined ? undefined : input.notifiedAt ? new Date(input.notifiedAt) : null;
    if (notifiedAt && (notifiedAt < b.detectedAt || notifiedAt.getTime() > who.now.getTime()))
      throw new AppError('SUBJECT_REQUEST_TIME_INVALID');
    await tx.breachRecord.update({
      where: { id: input.id },
      data: {
        ...(notifiedAt !== undefined ? { notifiedAt } : {}),
        ...(input.notificationRef !== undefined ? { notificationRef: input.notificationRef || null } : {}),
        ...(input.measures !== undefined ? { measures: input.measures || null } : {}),
        ...(input.status ? { status: input.status } : notifiedAt ? { status: 'notified' } : {}),
      },
    });
    await audit(tx, who, 'breach.update', { type: 'breach', id: input.id });
    return { id: input.id };
  });
}

// — Legal holds —

/** An inquiry or a dispute: the retention workflow does not erase the case while a hold is not lifted. */
export async function placeLegalHold(
  db: Db,
  cipher: FieldCipher,
  input: { caseId: string; reason: string },
  who: RightsActor,
) {
  const c = await db.case.findUnique({ where: { id: input.caseId }, select: { studentId: true } });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const id = `lh-${randomUUID()}`;
  await db.$transaction(async (tx) => {
    await tx.legalHold.create({
      data: {
        id,
        caseId: input.caseId,
        reasonSealed: cipher.seal(input.reason, id),
        placedById: who.actorId,
        placedAt: who.now,
      },
    });
    await audit(tx, who, 'legal_hold.place', { type: 'student', id: c.studentId, caseId: input.caseId });
  });
  return { id };
}

export async function liftLegalHold(db: Db, holdId: string, who: RightsActor) {
  return db.$transaction(async (tx) => {
    const h = await tx.legalHold.findUnique({
      where: { id: holdId },
      include: { case: { select: { studentId: true } } },
    });
    if (!h || h.liftedAt) throw new AppError('LEGAL_HOLD_NOT_FOUND');
    await tx.legalHold.update({
      where: { id: holdId },
      data: { liftedAt: who.now, liftedById: who.actorId },
    });
    await audit(tx, who, 'legal_hold.lift', { type: 'student', id: h.case.studentId, caseId: h.caseId });
    return { id: holdId, caseId: h.caseId };
  });
}
