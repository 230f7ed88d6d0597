import { randomUUID } from 'node:crypto';
import { Prisma, systemToday, unitAndAncestors } from '@donghanh/db';
import { AppError, planPromotion, schoolYearOfDay } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { newYearInput, newYearPupilsInput } from '../../router/class-list.schema';
import { namesVisible } from '../student-import/class-list-plan';

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
  // Pupils who repeat their grade: each a pupil of one of these classes, still at the school.
  // (Once the move is done they are in the new year's classes: the preview then only reports it.)
  const repeaters =
    input.repeaterIds.length && !done
      ? await ctx.db.student.findMany({
          where: {
            id: { in: input.repeaterIds },
            schoolId: school.id,
            archivedAt: null,
            classId: { in: classes.map((c) => c.id) },
          },
          select: { id: true, classId: true },
        })
      : [];
  if (!done && repeaters.length !== input.repeaterIds.length) {
    const found = new Set(repeaters.map((r) => r.id));
    throw new AppError('NEW_YEAR_REPEATER_INVALID', {
      studentIds: input.repeaterIds.filter((id) => !found.has(id)),
    });
  }
  const perClass = new Map<string, number>();
  for (const r of repeaters) if (r.classId) perClass.set(r.classId, (perClass.get(r.classId) ?? 0) + 1);
  const plan = planPromotion(
    classes.map((c) => ({ id: c.id, name: c.name, grade: c.grade, pupils: c._count.students })),
    school.level,
    perClass,
  );
  const leavingClassIds = plan.leaving.map((l) => l.fromClassId);
  const [openCases, leavingWithOpenCase, nextCampaign] = await Promise.all([
    ctx.db.case.count({ where: { schoolId: school.id, stage: { in: [...OPEN_STAGES] } } }),
    ctx.db.case.count({
      where: {
        schoolId: school.id,
        stage: { in: [...OPEN_STAGES] },
        student: {
          classId: { in: leavingClassIds },
          archivedAt: null,
          id: { notIn: input.repeaterIds },
        },
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
    repeating: plan.repeating,
    repeaters: repeaters.map((r) => r.id),
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
        const classOfNewYear = async (name: string, grade: number) => {
          const existing = await tx.class.findUnique({
            where: {
              schoolId_schoolYear_name: { schoolId: preview.schoolId, schoolYear: input.toYear, name },
            },
            select: { id: true },
          });
          if (existing) return existing;
          classesCreated += 1;
          return tx.class.create({
            data: {
              id: `cl-${randomUUID().slice(0, 12)}`,
              schoolId: preview.schoolId,
              schoolYear: input.toYear,
              grade,
              name,
            },
            select: { id: true },
          });
        };
        // Repeaters first, out of their old class, so the class's move below leaves them be.
        let pupilsRepeating = 0;
        for (const r of preview.repeating) {
          const target = await classOfNewYear(r.toName, r.grade);
          const stayed = await tx.student.updateMany({
            where: { id: { in: preview.repeaters }, classId: r.fromClassId, archivedAt: null },
            data: { classId: target.id },
          });
          pupilsRepeating += stayed.count;
        }
        // A pupil changed meanwhile (moved, archived by an import): nothing is written.
        if (pupilsRepeating !== preview.repeaters.length) throw new AppError('NEW_YEAR_REPEATER_INVALID');
        for (const m of preview.moves) {
          const target = await classOfNewYear(m.toName, m.toGrade);
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
          pupilsRepeating,
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
        // One row per pupil kept in the grade: who decided, for which pupil (its id, no name).
        if (preview.repeaters.length)
          await tx.auditLog.createMany({
            data: preview.repeaters.map((id) => ({
              actorId: ctx.user.id,
              action: 'student.repeat-grade',
              subjectType: 'student',
              subjectId: id,
              reason: JSON.stringify({ toYear: input.toYear }),
              ip: ctx.clientAddress,
            })),
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

/**
 * The pupils of the year before, by class, for the coordinator to mark those who repeat their
 * grade. Names follow the identity rule as in student search (the school's coordinator and
 * principal: named; an admin above the school: the ministry code and the class only).
 */
export async function newYearPupils(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof newYearPupilsInput>,
) {
  const named = await namesVisible(ctx, input.schoolId);
  const pupils = await ctx.db.student.findMany({
    where: { schoolId: input.schoolId, archivedAt: null, class: { schoolYear: input.toYear - 1 } },
    select: {
      id: true,
      moetCode: true,
      fullName: true,
      class: { select: { id: true, name: true, grade: true } },
    },
  });
  const collator = new Intl.Collator('vi');
  return pupils
    .map((p) => ({
      id: p.id,
      code: p.moetCode,
      classId: p.class?.id ?? '',
      className: p.class?.name ?? '',
      grade: p.class?.grade ?? 0,
      ...(named ? { name: p.fullName } : {}),
    }))
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        collator.compare(a.className, b.className) ||
        collator.compare(a.name ?? a.code ?? '', b.name ?? b.code ?? ''),
    );
}
