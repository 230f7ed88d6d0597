import { systemToday } from '@donghanh/db';
import { AppError, type CaseStage } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';
import { scopedCards } from './scoped-cards';

/** Closed and declined cases are no longer being helped: the staff meeting does not review them. */
const NOT_HELPED: ReadonlySet<CaseStage> = new Set(['closed', 'declined']);

/**
 * fix2: the school's list of pupils being helped, for the staff meeting (one A4 sheet, the
 * letterhead, one row per case). Paper leaves the product, so each row follows the identity
 * rule's `export` surface: the school's coordinator and principal get names, an office the code
 * only. The print is audited: one row for the list, one per child it names (as the case file).
 */
export async function printMeetingList(ctx: Context & { user: SessionUser }, schoolId: string) {
  const { scope, cards } = await scopedCards(ctx, { schoolIds: [schoolId] }, 'export');
  if (!scope.namedSchoolIds.has(schoolId) && !scope.maskedSchoolIds.has(schoolId))
    throw new AppError('SCHOOL_NOT_FOUND');
  const school = await ctx.db.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { name: true, unit: { select: { parent: { select: { name: true } } } } },
  });
  const helped = cards
    .filter((c) => !NOT_HELPED.has(c.stage))
    .sort((a, b) => a.className.localeCompare(b.className, 'vi') || a.code.localeCompare(b.code));
  const ids = helped.map((c) => c.caseId);
  const [lastCheckIns, students] = await Promise.all([
    ctx.db.checkIn.groupBy({ by: ['caseId'], where: { caseId: { in: ids } }, _max: { month: true } }),
    ctx.db.case.findMany({
      where: { id: { in: helped.filter((c) => c.studentName !== undefined).map((c) => c.caseId) } },
      select: { id: true, studentId: true },
    }),
  ]);
  const lastMonth = new Map(lastCheckIns.map((r) => [r.caseId, r._max.month]));
  const named = students.length;
  await ctx.db.auditLog.createMany({
    data: [
      {
        actorId: ctx.user.id,
        action: 'board.printMeeting',
        subjectType: 'school',
        subjectId: schoolId,
        reason: `${helped.length} rows, ${named} with names`,
        ip: ctx.clientAddress,
      },
      ...students.map((s) => ({
        actorId: ctx.user.id,
        action: 'case.print',
        subjectType: 'student',
        subjectId: s.studentId,
        caseId: s.id,
        reason: 'meeting_list:named',
        ip: ctx.clientAddress,
      })),
    ],
  });
  return {
    named: named > 0,
    header: { school: school.name, parentUnit: school.unit.parent?.name ?? null },
    today: systemToday(),
    rows: helped.map((c) => ({
      caseId: c.caseId,
      code: c.code,
      studentName: c.studentName ?? null,
      className: c.className,
      categories: c.categories,
      helperName: c.helperName,
      stage: c.stage,
      /** 'YYYY-MM' of the latest monthly check-in, null before the first. */
      lastCheckIn: lastMonth.get(c.caseId) ?? null,
    })),
  };
}
