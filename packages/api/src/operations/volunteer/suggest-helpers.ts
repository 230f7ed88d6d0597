import { LOAD_STATUSES, teacherLoads } from '@donghanh/db';
import { AppError, rankAllTeachers, weakSubjectsOf } from '@donghanh/domain';
import type { Context } from '../../context';

/** Subjects tutored in a stored check-in report, read defensively: it is JSON written over time. */
function tutoredSubjects(report: unknown): string[] {
  const subjects = (report as { tutoring?: { subjects?: unknown } } | null)?.tutoring?.subjects;
  return Array.isArray(subjects) ? subjects.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * Teachers the coordinator could offer the case to, best first, with the reasons as codes.
 * Only teachers the assignment would accept are candidates: a TEACHER role at the case's school
 * (the assignment's check); those already helping or offered this case are left out. `helpers`
 * have a free place; `others` (full, or not volunteering) can only be asked — so the list never
 * ends empty while the school has a teacher.
 */
export async function suggestHelpers(ctx: Context, caseId: string, limit: number) {
  const c = await ctx.db.case.findUnique({
    where: { id: caseId },
    select: {
      schoolId: true,
      categories: true,
      school: { select: { unitId: true } },
      student: { select: { class: { select: { id: true, grade: true, schoolYear: true } } } },
      helpers: { where: { status: { in: [...LOAD_STATUSES] } }, select: { userId: true } },
      checkIns: { select: { report: true } },
    },
  });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const onCase = c.helpers.map((h) => h.userId);
  // setup: earlier refusals and their reasons, for the coordinator deciding whom to ask next
  // (the coordinator reads the school's free text on the case page too).
  const refusals = await ctx.db.caseHelper.findMany({
    where: { caseId, status: { in: ['DECLINED', 'EXPIRED'] } },
    select: { status: true, reason: true, respondedAt: true, user: { select: { displayName: true } } },
    orderBy: { respondedAt: 'asc' },
  });
  const cls = c.student.class;
  const teachers = await ctx.db.user.findMany({
    where: {
      id: { notIn: onCase },
      // A disabled account cannot sign in to answer the offer.
      disabledAt: null,
      roles: { some: { unitId: c.school.unitId, role: 'TEACHER' } },
    },
    select: { id: true, displayName: true, capacity: true, subjects: true },
  });
  const ids = teachers.map((t) => t.id);
  const year =
    cls?.schoolYear ??
    (await ctx.db.class.aggregate({ where: { schoolId: c.schoolId }, _max: { schoolYear: true } }))._max
      .schoolYear;
  const [loads, homerooms] = await Promise.all([
    teacherLoads(ctx.db, ids),
    year == null
      ? Promise.resolve([])
      : ctx.db.class.findMany({
          where: { schoolId: c.schoolId, schoolYear: year, homeroomId: { in: ids } },
          select: { id: true, grade: true, homeroomId: true },
        }),
  ]);
  const weakSubjects = weakSubjectsOf({
    categories: c.categories,
    tutoredSubjects: c.checkIns.flatMap((ci) => tutoredSubjects(ci.report)),
  });
  const ranked = rankAllTeachers(
    { classId: cls?.id ?? null, grade: cls?.grade ?? null, weakSubjects },
    teachers.map((t) => ({
      userId: t.id,
      displayName: t.displayName,
      capacity: t.capacity,
      load: loads.get(t.id) ?? 0,
      subjects: t.subjects,
      homeroomClasses: homerooms
        .filter((h) => h.homeroomId === t.id)
        .map((h) => ({ classId: h.id, grade: h.grade })),
    })),
  );
  return {
    caseId,
    weakSubjects,
    helpers: ranked.filter((r) => r.spare > 0).slice(0, limit),
    declined: refusals.map((h) => ({
      displayName: h.user.displayName,
      lapsed: h.status === 'EXPIRED',
      reason: h.reason,
      at: h.respondedAt?.toISOString() ?? null,
    })),
    others: ranked.filter((r) => r.spare <= 0).map((r) => ({ ...r, spare: 0, volunteer: r.capacity > 0 })),
  };
}
