import { LOAD_STATUSES } from '@donghanh/db';
import { AppError, seesFamily } from '@donghanh/domain';
import type { z } from 'zod';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';
import type { familyInput, setFamilyInput } from '../../router/student.schema';

type Ctx = Context & { user: SessionUser };

/**
 * setup: whether the caller may read and write this pupil's family circumstances — the identity
 * rule's `seesFamily`, with the facts of the pupil's open cases (their helpers and offers), the
 * class's homeroom teacher and the school. Never decided here.
 */
async function requireSeesFamily(ctx: Ctx, studentId: string) {
  const s = await ctx.db.student.findUnique({
    where: { id: studentId },
    select: {
      id: true,
      fullName: true,
      schoolId: true,
      familySealed: true,
      class: { select: { name: true, homeroomId: true } },
      cases: {
        where: { stage: { not: 'closed' } },
        select: {
          helpers: { where: { status: { in: [...LOAD_STATUSES] } }, select: { userId: true, status: true } },
        },
      },
    },
  });
  if (!s) throw new AppError('STUDENT_NOT_FOUND');
  const helpers = s.cases.flatMap((c) => c.helpers);
  const viewer = await boardScopeOf(ctx.db, ctx.user);
  const allowed = seesFamily(
    viewer,
    {
      schoolId: s.schoolId,
      helperUserIds: helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.userId),
      offeredUserIds: helpers.filter((h) => h.status === 'OFFERED').map((h) => h.userId),
      homeroomId: s.class?.homeroomId ?? null,
    },
    'case_page',
  );
  if (!allowed) throw new AppError('FORBIDDEN');
  return s;
}

/** The family's circumstances, opened for those the rule allows; every read is audited. */
export async function readFamily(ctx: Ctx, input: z.output<typeof familyInput>) {
  const s = await requireSeesFamily(ctx, input.studentId);
  if (s.familySealed && !ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'student.family.read',
      subjectType: 'student',
      subjectId: s.id,
      ip: ctx.clientAddress,
    },
  });
  return {
    studentId: s.id,
    fullName: s.fullName,
    className: s.class?.name ?? null,
    text: s.familySealed && ctx.cipher ? ctx.cipher.open(s.familySealed, s.id) : '',
  };
}

/** Seals the family's circumstances with the server's key; the write is audited, the text never logged. */
export async function setFamily(ctx: Ctx, input: z.output<typeof setFamilyInput>) {
  await requireSeesFamily(ctx, input.studentId);
  if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  const sealed = input.text ? ctx.cipher.seal(input.text, input.studentId) : null;
  await ctx.db.$transaction([
    ctx.db.student.update({ where: { id: input.studentId }, data: { familySealed: sealed } }),
    ctx.db.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'student.family.write',
        subjectType: 'student',
        subjectId: input.studentId,
        ip: ctx.clientAddress,
      },
    }),
  ]);
  return { studentId: input.studentId };
}
