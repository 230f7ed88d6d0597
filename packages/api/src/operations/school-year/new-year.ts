import { randomUUID } from 'node:crypto';
import { Prisma, systemToday, unitAndAncestors } from '@donghanh/db';
import { AppError, planPromotion, schoolYearOfDay } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { newYearInput } from '../../router/class-list.schema';

const OPEN_STAGES = ['identified', 'assignment', 'plan', 'active', 'evaluation', 'closure'] as const;

/**
 * What moving the school to `toYear` would do: each class of the year before up one grade, the
 * last grade's pupils archived, and the open cases that go on. Counts and class names only.
 *
 * Open cases need no move: a case stays in the campaign it was identified in (its workflow id
 * derives from campaign and student), and its workflow plans each new term from the same unit's
 * campaign of the next school year (`planTerm` in packages/workflows/src/activities/term.ts),
 * shifting last year's calendar when that campaign is not entered yet. So the preview says
 * whether the next campaign exists.
 */
export async function previewNewYear(ctx: Context, input: z.output<typeof newYearInput>) {
  const school = await ctx.db.school.findUnique({
    where: { id: input.schoolId },
    select: { id: true, unitId: true, level: true },
  });
  if (!school) throw new AppError('SCHOOL_NOT_FOUND');
  const fromYear = input.toYear - 1;
  const [done, classes, units] = await Promise.all([
    ctx.db.schoolYearRollover.findUnique({
      where: { schoolId_toYear: { schoolId: school.id, toYear: input.toYear } },
      select: { totals: true, createdAt: true },
    }),
    ctx.db.class.findMany({
      where: { schoolId: school.id, schoolYear: fromYear },
      select: {
        id: true,
        name: true,
        grade: true,
        _count: { select: { students: { where: { archivedAt: null } } } },
      },
    }),
    unitAndAncestors(ctx.db, school.unitId),
  ]);
  const plan = planPromotion(
    classes.map((c) => ({ id: c.id, name: c.name, grade: c.grade, pupils: c._count.students })),
    school.level,
  );
  const leavingClassIds = plan.leaving.map((l) => l.fromClassId);
  const [openCases, leavingWithOpenCase, nextCampaign] = await Promise.all([
    ctx.db.case.count({ where: { schoolId: school.id, stage: { in: [...OPEN_STAGES] } } }),
    ctx.db.case.count({
      where: {
        schoolId: school.id,
        stage: { in: [...OPEN_STAGES] },
        student: { classId: { in: leavingClassIds }, archivedAt: null },
      },
    }),
    ctx.db.campaign.findFirst({
      where: { unitId: { in: [...units] }, schoolYear: input.toYear },
      select: { id: true, name: true },
    }),
  ]);
  return {
    schoolId: school.id,
    fromYear,
    toYear: input.toYear,
    alreadyDone: done ? { at: done.createdAt.toISOString(), totals: done.totals } : null,
    moves: plan.moves,
    leaving: plan.leaving,
    openCases,
    leavingWithOpenCase,
    nextCampaign,
  };
}

/**
 * Moves the school to the new year in one transaction: new classes (homeroom teachers are
 * assigned anew each year), pupils moved class by class, leavers archived (never deleted: a
 * pupil with a case keeps it). Once per school and year; audited with counts.
 */
export async function applyNewYear(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof newYearInput>,
) {
  // Only the school year of the calendar's today, or the next one (a school prepares in summer).
  const current = schoolYearOfDay(systemToday());
  if (input.toYear !== current && input.toYear !== current + 1)
    throw new AppError('NEW_YEAR_NOT_CURRENT', { toYear: input.toYear, allowed: [current, current + 1] });
  const preview = await previewNewYear(ctx, input);
  if (preview.alreadyDone) throw new AppError('NEW_YEAR_ALREADY_DONE');
  if (preview.moves.length + preview.leaving.length === 0) throw new AppError('NEW_YEAR_NO_CLASSES');
  try {
    return await ctx.db.$transaction(
      async (tx) => {
        let pupilsMoved = 0;
        let classesCreated = 0;
        for (const m of preview.moves) {
          const existing = await tx.class.findUnique({
            where: {
              schoolId_schoolYear_name: {
                schoolId: preview.schoolId,
                schoolYear: input.toYear,
                name: m.toName,
              },
            },
            select: { id: true },
          });
          const target =
            existing ??
            (await tx.class.create({
              data: {
                id: `cl-${randomUUID().slice(0, 12)}`,
                schoolId: preview.schoolId,
                schoolYear: input.toYear,
                grade: m.toGrade,
                name: m.toName,
              },
              select: { id: true },
            }));
          if (!existing) classesCreated += 1;
          const moved = await tx.student.updateMany({
            where: { classId: m.fromClassId, archivedAt: null },
            data: { classId: target.id },
          });
          pupilsMoved += moved.count;
        }
        const archived = await tx.student.updateMany({
          where: { classId: { in: preview.leaving.map((l) => l.fromClassId) }, archivedAt: null },
          data: { archivedAt: new Date() },
        });
        const totals = {
          fromYear: preview.fromYear,
          toYear: input.toYear,
          classesCreated,
          pupilsMoved,
          pupilsArchived: archived.count,
          openCases: preview.openCases,
        };
        await tx.schoolYearRollover.create({
          data: {
            id: `syr-${randomUUID()}`,
            schoolId: preview.schoolId,
            toYear: input.toYear,
            actorId: ctx.user.id,
            totals,
          },
        });
        await tx.auditLog.create({
          data: {
            actorId: ctx.user.id,
            action: 'school.new-year',
            subjectType: 'school',
            subjectId: preview.schoolId,
            reason: JSON.stringify(totals),
            ip: ctx.clientAddress,
          },
        });
        return totals;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Two clicks at once: the second meets the first's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('NEW_YEAR_ALREADY_DONE');
    throw error;
  }
}
