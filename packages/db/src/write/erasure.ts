import {
  AppError,
  campaignSettingsSchema,
  type IsoDate,
  maskedCheckInReport,
  maskedEvaluationContent,
  maskedPayload,
  personalDataEraseOn,
  privacySettingsOf,
} from '@donghanh/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { type Tx, withCaseEvent } from './record-case-event';

/** Lets this transaction rewrite case-event payloads and audit reasons (see the consent_and_rights migration). */
async function allowErasure(tx: Tx) {
  await tx.$executeRaw`SELECT set_config('donghanh.erasure', 'on', true)`;
}

/**
 * Erases a case's free text at once (a withdrawal of consent): the proposal's reason, plan goals and comments,
 * check-in notes, item descriptions and subjects, evaluation progress and comments, closure and
 * sponsor notes, helpers' reasons, the withdrawal note, reveal and audit reasons, and every
 * event and task payload reduced to its allow-listed codes (case-views.ts). Numbers, codes,
 * dates and enums stay, so the office's counts and totals do not move. Runs inside the caller's
 * transaction (the case workflow's withdrawal step, or erasePersonalData).
 */
export async function eraseCaseFreeText(tx: Tx, caseId: string): Promise<void> {
  await allowErasure(tx);
  await tx.case.update({
    where: { id: caseId },
    data: { proposalReason: null, sponsorName: null, sponsorNote: null, closureNote: null },
  });
  await tx.helpPlan.updateMany({ where: { caseId }, data: { goals: {}, comment: null } });
  for (const ci of await tx.checkIn.findMany({ where: { caseId }, select: { id: true, report: true } }))
    await tx.checkIn.update({
      where: { id: ci.id },
      data: { report: maskedCheckInReport(ci.report) as unknown as Prisma.InputJsonObject },
    });
  // Corrections of check-ins (both versions) and why they were made.
  for (const a of await tx.checkInAmendment.findMany({
    where: { caseId },
    select: { id: true, report: true, previousReport: true },
  }))
    await tx.checkInAmendment.update({
      where: { id: a.id },
      data: {
        report: maskedCheckInReport(a.report) as unknown as Prisma.InputJsonObject,
        previousReport: maskedCheckInReport(a.previousReport) as unknown as Prisma.InputJsonObject,
        reason: '',
      },
    });
  for (const e of await tx.evaluation.findMany({ where: { caseId }, select: { id: true, content: true } }))
    await tx.evaluation.update({
      where: { id: e.id },
      data: {
        content: maskedEvaluationContent(e.content) as unknown as Prisma.InputJsonObject,
        comment: null,
      },
    });
  await tx.caseHelper.updateMany({ where: { caseId }, data: { reason: null, note: null } });
  await tx.caseConsent.updateMany({ where: { caseId }, data: { withdrawalNoteSealed: null } });
  await tx.identityReveal.updateMany({ where: { caseId }, data: { reason: '' } });
  await tx.dataCorrection.updateMany({ where: { caseId }, data: { reasonSealed: '' } });
  await tx.auditLog.updateMany({ where: { caseId, reason: { not: null } }, data: { reason: null } });
  for (const e of await tx.caseEvent.findMany({ where: { caseId }, select: { id: true, payload: true } }))
    await tx.caseEvent.update({ where: { id: e.id }, data: { payload: maskedPayload(e.payload) } });
  for (const t of await tx.task.findMany({ where: { caseId }, select: { id: true, payload: true } }))
    await tx.task.update({ where: { id: t.id }, data: { payload: maskedPayload(t.payload) } });
}

export type ErasureOutcome = 'erased' | 'held' | 'already_erased';

/**
 * The retention workflow's erasure of a closed case (domain personalDataEraseOn says when): the
 * free text as above, the guardian's and requesters' names, corrections' values, hold reasons,
 * and — when no other case of the child still keeps it — the child's identity and family text.
 * The case keeps its code, school, class, stage, categories, dates, counts and totals. A legal
 * hold not yet lifted stops it ('held', nothing written). Appends `case.personal_data_erased`
 * (idempotent per case) and an audit row by `actorId` ('system' for the workflow).
 */
export async function erasePersonalData(
  db: Db,
  caseId: string,
  who: { actorId: string; now: Date },
): Promise<ErasureOutcome> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: { code: true, studentId: true, schoolId: true, personalDataErasedAt: true },
  });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (c.personalDataErasedAt) return 'already_erased';
  let outcome: ErasureOutcome = 'erased';
  await withCaseEvent(
    db,
    {
      caseId,
      type: 'case.personal_data_erased',
      actorId: null,
      idempotencyKey: `${caseId}:personal-data-erased`,
    },
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
      // A hold placed before this transaction took the lock wins: the erasure waits.
      if ((await tx.legalHold.count({ where: { caseId, liftedAt: null } })) > 0) {
        outcome = 'held';
        throw new HeldError();
      }
      await eraseCaseFreeText(tx, caseId);
      await tx.caseConsent.updateMany({ where: { caseId }, data: { guardianNameSealed: null } });
      await tx.subjectRequest.updateMany({ where: { caseId }, data: { requesterNameSealed: '' } });
      await tx.dataCorrection.updateMany({
        where: { caseId },
        data: { oldValueSealed: null, newValueSealed: null },
      });
      await tx.legalHold.updateMany({ where: { caseId }, data: { reasonSealed: '' } });
      // An uploaded class list not yet imported (or half imported) may hold the child's name.
      await tx.classListUpload.deleteMany({ where: { schoolId: c.schoolId, finishedAt: null } });
      const othersKeep = await tx.case.count({
        where: { studentId: c.studentId, id: { not: caseId }, personalDataErasedAt: null },
      });
      if (othersKeep === 0) {
        await tx.student.update({
          where: { id: c.studentId },
          data: {
            fullName: `[đã xóa] ${c.code}`,
            searchName: '',
            birthDate: null,
            gender: null,
            ethnicity: null,
            moetCode: null,
            supports: [],
            familySealed: null,
          },
        });
        await tx.dataCorrection.updateMany({
          where: { studentId: c.studentId },
          data: { oldValueSealed: null, newValueSealed: null, reasonSealed: '' },
        });
      }
      await tx.case.update({
        where: { id: caseId },
        data: { personalDataErasedAt: who.now, version: { increment: 1 } },
      });
      await tx.auditLog.create({
        data: {
          actorId: who.actorId,
          action: 'data.erase',
          subjectType: 'student',
          subjectId: c.studentId,
          caseId,
        },
      });
      return { studentErased: othersKeep === 0 };
    },
    (r) => ({ studentErased: r.studentErased }),
  ).catch((error) => {
    if (!(error instanceof HeldError)) throw error;
  });
  return outcome;
}

class HeldError extends Error {}

/**
 * Sets the day a closing case's personal data is to be erased (domain personalDataEraseOn), from
 * its campaign's retention setting and the calendars known: its own campaign's and any later
 * campaign's of the same unit. Called inside the closure step's transaction (or after a
 * reopening's new closure); returns the day, 'YYYY-MM-DD'.
 */
export async function setPersonalDataEraseOn(tx: Tx, caseId: string, closedOn: IsoDate): Promise<IsoDate> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { campaign: { select: { unitId: true, schoolYear: true, settings: true } } },
  });
  const own = campaignSettingsSchema.safeParse(c.campaign.settings);
  const later = await tx.campaign.findMany({
    where: { unitId: c.campaign.unitId, schoolYear: { gte: c.campaign.schoolYear } },
    select: { settings: true },
  });
  const calendars = later
    .map((k) => campaignSettingsSchema.safeParse(k.settings))
    .flatMap((p) => (p.success ? [p.data.calendar] : []));
  if (calendars.length === 0) throw new AppError('CALENDAR_INVALID');
  const eraseOn = personalDataEraseOn(
    closedOn,
    calendars,
    privacySettingsOf(own.success ? own.data : {}).retention,
  );
  await tx.case.update({
    where: { id: caseId },
    data: { personalDataEraseOn: new Date(`${eraseOn}T00:00:00Z`) },
  });
  return eraseOn;
}
