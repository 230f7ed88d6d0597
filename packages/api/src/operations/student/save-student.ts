import { randomUUID } from 'node:crypto';
import { Prisma, unitAndAncestors } from '@donghanh/db';
import {
  AppError,
  birthDateFitsSchoolYear,
  normalizeName,
  pupilBirthYears,
  searchKey,
} from '@donghanh/domain';
import type { z } from 'zod';
import type { Context } from '../../context';
import type { createStudentInput, updateStudentInput } from '../../router/student.schema';

async function requireClassOf(ctx: Context, classId: string | null | undefined, schoolId: string) {
  if (!classId) return;
  const cls = await ctx.db.class.findUnique({
    where: { id: classId },
    select: { schoolId: true, archivedAt: true },
  });
  if (!cls || cls.schoolId !== schoolId) throw new AppError('VALIDATION_FAILED', { field: 'classId' });
  if (cls.archivedAt) throw new AppError('CLASS_ARCHIVED', { field: 'classId' });
}

/**
 * A birth date must fit a pupil of the school year the school's campaign runs (the active one,
 * else the latest): a student is entered to be proposed to it. Without any campaign over the
 * school there is no year to measure against, and identification checks again.
 */
async function requirePlausibleBirthDate(
  ctx: Context,
  schoolId: string,
  birthDate: string | null | undefined,
) {
  if (!birthDate) return;
  const school = await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } });
  if (!school) throw new AppError('SCHOOL_NOT_FOUND');
  const units = await unitAndAncestors(ctx.db, school.unitId);
  const campaign = await ctx.db.campaign.findFirst({
    where: { unitId: { in: [...units] } },
    orderBy: [{ active: 'desc' }, { schoolYear: 'desc' }],
    select: { schoolYear: true },
  });
  if (campaign && !birthDateFitsSchoolYear(birthDate, campaign.schoolYear))
    throw new AppError('BIRTH_DATE_OUT_OF_RANGE', {
      field: 'birthDate',
      ...pupilBirthYears(campaign.schoolYear),
    });
}

function duplicateMoetCode(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new AppError('VALIDATION_FAILED', { field: 'moetCode', reason: 'Mã định danh đã có' });
  throw error;
}

export async function createStudent(ctx: Context, input: z.output<typeof createStudentInput>) {
  await requireClassOf(ctx, input.classId, input.schoolId);
  await requirePlausibleBirthDate(ctx, input.schoolId, input.birthDate);
  const fullName = normalizeName(input.fullName);
  try {
    const s = await ctx.db.student.create({
      data: {
        id: `st-${randomUUID().slice(0, 12)}`,
        schoolId: input.schoolId,
        classId: input.classId ?? null,
        fullName,
        searchName: searchKey(fullName),
        birthDate: input.birthDate ? new Date(`${input.birthDate}T00:00:00Z`) : null,
        gender: input.gender ?? null,
        ethnicity: input.ethnicity ?? null,
        moetCode: input.moetCode ?? null,
      },
      select: { id: true },
    });
    return { studentId: s.id };
  } catch (error) {
    duplicateMoetCode(error);
  }
}

export async function updateStudent(ctx: Context, input: z.output<typeof updateStudentInput>) {
  const current = await ctx.db.student.findUnique({
    where: { id: input.studentId },
    select: { schoolId: true },
  });
  if (!current) throw new AppError('STUDENT_NOT_FOUND');
  await requireClassOf(ctx, input.classId, current.schoolId);
  await requirePlausibleBirthDate(ctx, current.schoolId, input.birthDate);
  const fullName = input.fullName ? normalizeName(input.fullName) : undefined;
  try {
    await ctx.db.student.update({
      where: { id: input.studentId },
      data: {
        ...(input.classId !== undefined ? { classId: input.classId } : {}),
        ...(fullName ? { fullName, searchName: searchKey(fullName) } : {}),
        ...(input.birthDate !== undefined
          ? { birthDate: input.birthDate ? new Date(`${input.birthDate}T00:00:00Z`) : null }
          : {}),
        ...(input.gender !== undefined ? { gender: input.gender } : {}),
        ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
        ...(input.moetCode !== undefined ? { moetCode: input.moetCode } : {}),
      },
    });
    return { studentId: input.studentId };
  } catch (error) {
    duplicateMoetCode(error);
  }
}
