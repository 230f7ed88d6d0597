import { randomUUID } from 'node:crypto';
import { Prisma, systemToday } from '@donghanh/db';
import { AppError, compareVietnameseNames, identityView, schoolYearOfDay } from '@donghanh/domain';
import type { z } from 'zod';
import { boardScopeOf } from '../../access/board-scope';
import { TEACHING_ROLES } from '../../access/volunteer-rules';
import type { Context, SessionUser } from '../../context';
import type {
  classPupilsInput,
  createClassInput,
  listClassesInput,
  renameClassInput,
  setHomeroomInput,
} from '../../router/school-class.schema';

type Ctx = Context & { user: SessionUser };

async function schoolUnit(ctx: Context, schoolId: string) {
  const school = await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } });
  if (!school) throw new AppError('SCHOOL_NOT_FOUND');
  return school.unitId;
}

/** The school's teachers (TEACHER or HOMEROOM_TEACHER on its own unit): who may be a homeroom teacher. */
async function schoolTeachers(ctx: Context, unitId: string) {
  const teachers = await ctx.db.user.findMany({
    where: { disabledAt: null, roles: { some: { unitId, role: { in: [...TEACHING_ROLES] } } } },
    select: { id: true, displayName: true },
  });
  return teachers.sort((a, b) => compareVietnameseNames(a.displayName, b.displayName));
}

async function requireTeacherOf(ctx: Context, unitId: string, userId: string | null | undefined) {
  if (!userId) return;
  const n = await ctx.db.roleAssignment.count({
    where: { userId, unitId, role: { in: [...TEACHING_ROLES] }, user: { disabledAt: null } },
  });
  if (n === 0) throw new AppError('HOMEROOM_NOT_TEACHER', { field: 'homeroomId' });
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new AppError('CLASS_NAME_TAKEN', { field: 'name' });
  throw error;
}

function audit(ctx: Ctx, tx: Prisma.TransactionClient, action: string, classId: string, reason: string) {
  return tx.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action,
      subjectType: 'class',
      subjectId: classId,
      reason,
      ip: ctx.clientAddress,
    },
  });
}

/** The school's classes of one school year with their homeroom teacher and pupil count, and who may be homeroom. */
export async function listClasses(ctx: Context, input: z.output<typeof listClassesInput>) {
  const unitId = await schoolUnit(ctx, input.schoolId);
  const schoolYear = input.schoolYear ?? schoolYearOfDay(systemToday());
  const [classes, teachers, unassigned] = await Promise.all([
    ctx.db.class.findMany({
      where: {
        schoolId: input.schoolId,
        schoolYear,
        ...(input.includeArchived ? {} : { archivedAt: null }),
      },
      select: {
        id: true,
        name: true,
        grade: true,
        schoolYear: true,
        archivedAt: true,
        homeroom: { select: { id: true, displayName: true } },
        _count: { select: { students: { where: { archivedAt: null } } } },
      },
      orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    }),
    schoolTeachers(ctx, unitId),
    ctx.db.student.count({ where: { schoolId: input.schoolId, archivedAt: null, classId: null } }),
  ]);
  return {
    schoolYear,
    classes: classes.map((c) => ({
      classId: c.id,
      name: c.name,
      grade: c.grade,
      schoolYear: c.schoolYear,
      archived: c.archivedAt !== null,
      homeroom: c.homeroom ? { userId: c.homeroom.id, displayName: c.homeroom.displayName } : null,
      pupils: c._count.students,
    })),
    teachers: teachers.map((t) => ({ userId: t.id, displayName: t.displayName })),
    unassignedPupils: unassigned,
  };
}

export async function createClass(ctx: Ctx, input: z.output<typeof createClassInput>) {
  const unitId = await schoolUnit(ctx, input.schoolId);
  await requireTeacherOf(ctx, unitId, input.homeroomId);
  const id = `cls-${randomUUID().slice(0, 12)}`;
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.class.create({
        data: {
          id,
          schoolId: input.schoolId,
          schoolYear: input.schoolYear,
          name: input.name,
          grade: input.grade,
          homeroomId: input.homeroomId ?? null,
        },
      });
      await audit(ctx, tx, 'class.create', id, `${input.schoolYear} ${input.name}`);
    });
  } catch (error) {
    nameTaken(error);
  }
  return { classId: id };
}

async function liveClass(ctx: Context, classId: string) {
  const cls = await ctx.db.class.findUnique({
    where: { id: classId },
    select: {
      id: true,
      name: true,
      schoolId: true,
      archivedAt: true,
      homeroomId: true,
      school: { select: { unitId: true } },
    },
  });
  if (!cls) throw new AppError('CLASS_NOT_FOUND');
  if (cls.archivedAt) throw new AppError('CLASS_ARCHIVED');
  return cls;
}

export async function renameClass(ctx: Ctx, input: z.output<typeof renameClassInput>) {
  const cls = await liveClass(ctx, input.classId);
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.class.update({
        where: { id: cls.id },
        data: { name: input.name, ...(input.grade !== undefined ? { grade: input.grade } : {}) },
      });
      await audit(ctx, tx, 'class.rename', cls.id, `${cls.name} → ${input.name}`);
    });
  } catch (error) {
    nameTaken(error);
  }
  return { classId: cls.id };
}

/** Archived, never deleted: pupils' past cases point at it. Only an empty class is archived. */
export async function archiveClass(ctx: Ctx, classId: string) {
  const cls = await liveClass(ctx, classId);
  await ctx.db.$transaction(async (tx) => {
    // Under the class's row lock, so a pupil moved in at the same moment is counted.
    await tx.$queryRaw`SELECT id FROM "Class" WHERE id = ${cls.id} FOR UPDATE`;
    const pupils = await tx.student.count({ where: { classId: cls.id, archivedAt: null } });
    if (pupils > 0) throw new AppError('CLASS_NOT_EMPTY', { pupils });
    await tx.class.update({ where: { id: cls.id }, data: { archivedAt: new Date() } });
    await audit(ctx, tx, 'class.archive', cls.id, cls.name);
  });
  return { classId: cls.id };
}

/**
 * Sets or changes the homeroom teacher. Nothing else is written: who sees the class's children is
 * decided on every read by the identity rule from `Class.homeroomId` (the `homeroom` relation),
 * so the new teacher sees them and the former one no longer does from the next read on.
 */
export async function setHomeroom(ctx: Ctx, input: z.output<typeof setHomeroomInput>) {
  const cls = await liveClass(ctx, input.classId);
  await requireTeacherOf(ctx, cls.school.unitId, input.homeroomId);
  await ctx.db.$transaction(async (tx) => {
    await tx.class.update({ where: { id: cls.id }, data: { homeroomId: input.homeroomId } });
    await audit(ctx, tx, 'class.homeroom', cls.id, `${cls.homeroomId ?? '—'} → ${input.homeroomId ?? '—'}`);
  });
  return { classId: cls.id, homeroomId: input.homeroomId };
}

/**
 * The pupils of a class (or those with no class), to fix a pupil's class from its row. Names
 * as the identity rule gives them in student search: a pupil the caller may not see by name is
 * left out.
 */
export async function classPupils(ctx: Ctx, input: z.output<typeof classPupilsInput>) {
  if (input.classId) {
    const cls = await ctx.db.class.findUnique({ where: { id: input.classId }, select: { schoolId: true } });
    if (!cls || cls.schoolId !== input.schoolId) throw new AppError('CLASS_NOT_FOUND');
  }
  const [viewer, pupils] = await Promise.all([
    boardScopeOf(ctx.db, ctx.user),
    ctx.db.student.findMany({
      where: { schoolId: input.schoolId, archivedAt: null, classId: input.classId },
      select: {
        id: true,
        fullName: true,
        birthDate: true,
        classId: true,
        familySealed: true,
        class: { select: { homeroomId: true } },
      },
    }),
  ]);
  return pupils
    .filter(
      (p) =>
        identityView(
          viewer,
          {
            schoolId: input.schoolId,
            helperUserIds: [],
            offeredUserIds: [],
            homeroomId: p.class?.homeroomId ?? null,
          },
          'student_search',
        ) === 'named',
    )
    .map((p) => ({
      studentId: p.id,
      fullName: p.fullName,
      birthDate: p.birthDate ? p.birthDate.toISOString().slice(0, 10) : null,
      classId: p.classId,
      hasFamily: p.familySealed !== null,
    }))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}
