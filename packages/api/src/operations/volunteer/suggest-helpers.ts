import { LOAD_STATUSES, teacherLoads } from '@donghanh/db';
import { AppError, rankHelpers, weakSubjectsOf } from '@donghanh/domain';
import type { Context } from '../../context';

/** Subjects tutored in a stored check-in report, read defensively: it is JSON written over time. */
function tutoredSubjects(report: unknown): string[] {
  const subjects = (report as { tutoring?: { subjects?: unknown } } | null)?.tutoring?.subjects;
  return Array.isArray(subjects) ? subjects.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * Teachers the coordinator could offer the case to, best first, with the reasons as codes.
 * Only teachers the assignment would accept are candidates: a TEACHER role at the case's school
 * (the assignment's check) and a free place; those already helping or offered this case are left out.
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
  const cls = c.student.class;
  const teachers = await ctx.db.user.findMany({
    where: {
      id: { notIn: onCase },
      capacity: { gt: 0 },
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
  const ranked = rankHelpers(
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
    limit,
  );
  return { caseId, weakSubjects, helpers: ranked };
}
