import { type StudentScope, searchStudents } from '@donghanh/db';
import { identityView } from '@donghanh/domain';
import type { Context, SessionUser } from '../context';
import { boardScopeOf } from './board-scope';

/**
 * The students a caller may see by name: coordinators and principals their school, homeroom
 * teachers their class, helpers the students they help. Office roles see none by name — they work
 * with case codes (pseudonyms).
 */
export async function studentScopeOf(ctx: Context & { user: SessionUser }): Promise<StudentScope> {
  const schoolUnits = ctx.user.roles
    .filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL')
    .map((r) => r.unitId);
  const [schools, classes, helping] = await Promise.all([
    schoolUnits.length
      ? ctx.db.school.findMany({ where: { unitId: { in: schoolUnits } }, select: { id: true } })
      : Promise.resolve([]),
    ctx.db.class.findMany({ where: { homeroomId: ctx.user.id }, select: { id: true } }),
    ctx.db.caseHelper.findMany({
      where: { userId: ctx.user.id, status: 'ACTIVE' },
      select: { case: { select: { studentId: true } } },
    }),
  ]);
  return {
    schoolIds: schools.map((s) => s.id),
    classIds: classes.map((c) => c.id),
    studentIds: helping.map((h) => h.case.studentId),
  };
}

/**
 * Student search: the scope above narrows the query, and the identity rule decides each child
 * (`student_search` is `named` or `none`: an offer not yet accepted or an office finds no one).
 */
export async function searchVisibleStudents(ctx: Context & { user: SessionUser }, q: string, limit?: number) {
  const [scope, viewer] = await Promise.all([studentScopeOf(ctx), boardScopeOf(ctx.db, ctx.user)]);
  return searchStudents(
    ctx.db,
    scope,
    q,
    limit,
    (facts) => identityView(viewer, facts, 'student_search') === 'named',
  );
}
