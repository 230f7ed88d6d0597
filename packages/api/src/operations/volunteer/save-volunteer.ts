import { type Prisma, teacherLoad } from '@donghanh/db';
import { AppError, distinctSubjects } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { registerVolunteerInput, setCapacityInput } from '../../router/volunteer.schema';

/**
 * Sets a teacher's capacity with their row locked, the same lock the assignment's capacity check
 * takes: an offer made at the same moment either counts in the load seen here or waits and then
 * sees the new capacity, so capacity never ends below the load.
 */
async function writeCapacity(
  tx: Prisma.TransactionClient,
  userId: string,
  capacity: number,
  subjects: string[] | undefined,
): Promise<{ before: number; load: number }> {
  const rows = await tx.$queryRaw<{ capacity: number }[]>`
    SELECT capacity FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError('USER_NOT_FOUND');
  const load = await teacherLoad(tx, userId);
  if (capacity < load) throw new AppError('CAPACITY_BELOW_LOAD', { load });
  await tx.user.update({
    where: { id: userId },
    data: { capacity, ...(subjects ? { subjects } : {}) },
  });
  return { before: row.capacity, load };
}

/** The signed-in teacher volunteers (or withdraws with capacity 0). */
export async function registerVolunteer(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof registerVolunteerInput>,
) {
  const subjects = input.subjects ? distinctSubjects(input.subjects) : undefined;
  const { load } = await ctx.db.$transaction((tx) =>
    writeCapacity(tx, ctx.user.id, input.capacity, subjects),
  );
  const saved = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    select: { capacity: true, subjects: true },
  });
  return { ...saved, load, spare: Math.max(0, saved.capacity - load) };
}

/**
 * A coordinator or principal records a teacher's capacity (a paper registration, a change of
 * circumstances). Changing someone else's commitment is audited, with the old and new value.
 */
export async function setTeacherCapacity(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof setCapacityInput>,
) {
  const { load } = await ctx.db.$transaction(async (tx) => {
    const written = await writeCapacity(tx, input.userId, input.capacity, undefined);
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'volunteer.capacity.set',
        subjectType: 'user',
        subjectId: input.userId,
        reason: `${written.before} → ${input.capacity}: ${input.reason}`,
        ip: ctx.clientAddress,
      },
    });
    return written;
  });
  return { userId: input.userId, capacity: input.capacity, load, spare: input.capacity - load };
}

/**
 * setup: the teacher stops volunteering without dropping anyone: capacity falls to the cases held
 * now (offered or active), so no new offer can reach them while those cases go on.
 */
export async function stopVolunteering(ctx: Context & { user: SessionUser }) {
  const load = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ctx.user.id} FOR UPDATE`;
    const held = await teacherLoad(tx, ctx.user.id);
    await tx.user.update({ where: { id: ctx.user.id }, data: { capacity: held } });
    return held;
  });
  return { capacity: load, load, spare: 0, continuing: load };
}
