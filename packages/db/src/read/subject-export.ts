import type { Db } from '../client';
import type { FieldCipher } from '../crypto/field-cipher';
import { readCaseConsent } from './consent';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything the product holds about the child of `caseId`, for the guardian's right to see
 * (PDPL 2025; Decree 13/2023 art. 14): identity and family text, every case of the child with
 * its history, help plans, check-ins (the help received), evaluations and consents, the
 * corrections made, the requests received, and who read the record and when (the audit log).
 * Sealed fields are opened with the key. The caller audits the export itself.
 */
export async function readSubjectExport(db: Db, cipher: FieldCipher | undefined, caseId: string) {
  const anchor = await db.case.findUnique({ where: { id: caseId }, select: { studentId: true } });
  if (!anchor) return null;
  const s = await db.student.findUniqueOrThrow({
    where: { id: anchor.studentId },
    include: { school: { select: { name: true } }, class: { select: { name: true } } },
  });
  const cases = await db.case.findMany({
    where: { studentId: s.id },
    orderBy: { createdAt: 'asc' },
    include: {
      campaign: { select: { name: true, schoolYear: true } },
      school: { select: { name: true } },
      helpers: { include: { user: { select: { displayName: true } } }, orderBy: { offeredAt: 'asc' } },
      plans: { orderBy: { version: 'asc' } },
      checkIns: { orderBy: { month: 'asc' } },
      evaluations: { orderBy: [{ term: 'asc' }, { version: 'asc' }] },
      events: { orderBy: { id: 'asc' } },
    },
  });
  const consents = await Promise.all(cases.map((c) => readCaseConsent(db, cipher, c.id)));
  const corrections = await db.dataCorrection.findMany({
    where: { studentId: s.id },
    orderBy: { correctedAt: 'asc' },
  });
  const requests = await db.subjectRequest.findMany({
    where: { studentId: s.id },
    orderBy: { receivedAt: 'asc' },
  });
  const reads = await db.auditLog.findMany({
    where: { subjectType: 'student', subjectId: s.id },
    orderBy: { id: 'asc' },
  });
  const userIds = [
    ...new Set([
      ...reads.map((r) => r.actorId),
      ...corrections.map((c) => c.correctedById),
      ...cases.flatMap((c) => c.events.map((e) => e.actorId).filter((x): x is string => !!x)),
    ]),
  ];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map(
      (u) => [u.id, u.displayName],
    ),
  );
  const open = (sealed: string | null, id: string) => (sealed && cipher ? cipher.open(sealed, id) : null);
  return {
    identity: {
      studentId: s.id,
      fullName: s.fullName,
      birthDate: day(s.birthDate),
      gender: s.gender,
      ethnicity: s.ethnicity,
      moetCode: s.moetCode,
      school: s.school.name,
      className: s.class?.name ?? null,
      supports: s.supports,
      family: open(s.familySealed, s.id),
    },
    cases: cases.map((c, i) => ({
      caseId: c.id,
      code: c.code,
      campaign: c.campaign.name,
      school: c.school.name,
      stage: c.stage,
      categories: c.categories,
      openedAt: iso(c.createdAt),
      closedAt: iso(c.closedAt),
      closureReason: c.closureReason,
      closureNote: c.closureNote,
      sponsor: c.sponsorName,
      helpers: c.helpers.map((h) => ({
        name: h.user.displayName,
        role: h.role,
        status: h.status,
        since: iso(h.offeredAt),
      })),
      plans: c.plans.map((p) => ({
        version: p.version,
        status: p.status,
        goals: p.goals,
        kinds: p.kinds,
        submittedAt: iso(p.submittedAt),
        comment: p.comment,
      })),
      helpReceived: c.checkIns.map((ci) => ({
        month: ci.month,
        report: ci.report,
        tutoringHours: ci.tutoringHours,
        materialVnd: Number(ci.materialVnd),
        riskLevel: ci.riskLevel,
        filedAt: iso(ci.filedAt),
      })),
      evaluations: c.evaluations.map((e) => ({
        term: e.term,
        version: e.version,
        status: e.status,
        content: e.content,
        decision: e.decision,
        comment: e.comment,
        draftedAt: iso(e.draftedAt),
      })),
      history: c.events.map((e) => ({
        at: iso(e.createdAt),
        type: e.type,
        by: e.actorId ? (names.get(e.actorId) ?? e.actorId) : null,
        payload: e.payload,
      })),
      consent: consents[i]?.history ?? [],
    })),
    corrections: corrections.map((c) => ({
      at: iso(c.correctedAt),
      field: c.field,
      from: open(c.oldValueSealed, c.id),
      to: open(c.newValueSealed, c.id),
      reason: open(c.reasonSealed, c.id),
      by: names.get(c.correctedById) ?? c.correctedById,
    })),
    requests: requests.map((r) => ({
      kind: r.kind,
      receivedAt: iso(r.receivedAt),
      dueAt: iso(r.dueAt),
      answeredAt: iso(r.answeredAt),
      relation: r.requesterRelation,
    })),
    readsOfTheRecord: reads.map((r) => ({
      at: iso(r.at),
      by: names.get(r.actorId) ?? r.actorId,
      action: r.action,
      caseId: r.caseId,
    })),
  };
}
export type SubjectExport = NonNullable<Awaited<ReturnType<typeof readSubjectExport>>>;
