import type { Db } from '../client';
import { dayOf } from './due-day';

/**
 * Everything the case page shows, in two parts: the case (pseudonymous: code, class, school,
 * stage, plan, check-ins, evaluations, timeline, open tasks) and the child's identity, which the
 * API hands out only to those allowed to see it (and audits).
 */
export async function readCaseDetail(db: Db, caseId: string) {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      code: true,
      stage: true,
      categories: true,
      source: true,
      riskLevel: true,
      term: true,
      closureReason: true,
      closureNote: true,
      closedAt: true,
      transferToSchoolId: true,
      sponsorName: true,
      version: true,
      createdAt: true,
      school: { select: { id: true, name: true, unitId: true, level: true } },
      student: {
        select: {
          id: true,
          fullName: true,
          birthDate: true,
          gender: true,
          ethnicity: true,
          moetCode: true,
          familySealed: true,
          class: { select: { id: true, name: true, homeroomId: true } },
        },
      },
      helpers: {
        select: { userId: true, role: true, status: true, user: { select: { displayName: true } } },
        orderBy: { offeredAt: 'asc' },
      },
      plans: { orderBy: { version: 'asc' } },
      checkIns: { orderBy: { month: 'asc' } },
      evaluations: { orderBy: [{ term: 'asc' }, { version: 'asc' }] },
      events: {
        orderBy: { id: 'asc' },
        take: 500,
        select: { id: true, type: true, actorId: true, createdAt: true, payload: true },
      },
      tasks: { where: { status: 'OPEN' }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!c) return null;
  // Who did each step, and to whom a mail went: staff names, shown on the timeline to every
  // reader of the case (a member of staff's name is not the child's data).
  const recipientOf = (e: { type: string; payload: unknown }): string | null => {
    if (e.type !== 'case.notification_mailed') return null;
    const id = (e.payload as { recipientId?: unknown } | null)?.recipientId;
    return typeof id === 'string' ? id : null;
  };
  const actorIds = [
    ...new Set(c.events.flatMap((e) => [e.actorId, recipientOf(e)]).filter((id): id is string => !!id)),
  ];
  const actors = new Map(
    (
      await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })
    ).map((u) => [u.id, u.displayName]),
  );
  const { student, ...rest } = c;
  const totals = c.checkIns.reduce(
    (t, ci) => ({
      tutoringHours: t.tutoringHours + ci.tutoringHours,
      materialVnd: t.materialVnd + Number(ci.materialVnd),
      late: t.late + (ci.late ? 1 : 0),
    }),
    { tutoringHours: 0, materialVnd: 0, late: 0 },
  );
  return {
    case: {
      ...rest,
      className: student.class?.name ?? null,
      checkIns: c.checkIns.map((ci) => ({ ...ci, materialVnd: Number(ci.materialVnd) })),
      // The due day as the calendar set it (what the page shows), not the deadline instant.
      tasks: c.tasks.map((t) => ({ ...t, dueOn: dayOf(t.dueOn) })),
      /** `payload` holds free text (notes, comments) that may name the child: masked readers get none. */
      events: c.events.map((e) => ({
        ...e,
        id: e.id.toString(),
        actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
        /** The member of staff a `case.notification_mailed` went to; null for other events. */
        recipientName: ((id) => (id ? (actors.get(id) ?? null) : null))(recipientOf(e)),
      })),
      totals,
    },
    identity: {
      studentId: student.id,
      fullName: student.fullName,
      birthDate: student.birthDate?.toISOString().slice(0, 10) ?? null,
      gender: student.gender,
      ethnicity: student.ethnicity,
      moetCode: student.moetCode,
      familySealed: student.familySealed,
      homeroomId: student.class?.homeroomId ?? null,
    },
  };
}
