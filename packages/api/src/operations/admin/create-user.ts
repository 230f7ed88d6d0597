import { randomUUID } from 'node:crypto';
import { Prisma } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { z } from 'zod';
import { hashPassword, temporaryPassword } from '../../auth/password';
import type { Context, SessionUser } from '../../context';
import type { createUserInput } from '../../router/admin.schema';
import { adminAuditRow } from './admin-audit';
import { checkRoleUnits, describeRoles } from './role-units';

/** Usernames and e-mails are compared without case, as sign-in compares them. */
async function assertFree(tx: Prisma.TransactionClient, username: string, email: string | undefined) {
  const taken = await tx.user.findFirst({
    where: { username: { equals: username, mode: 'insensitive' } },
    select: { id: true },
  });
  if (taken) throw new AppError('USERNAME_TAKEN', { username });
  if (!email) return;
  const emailTaken = await tx.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: { id: true },
  });
  if (emailTaken) throw new AppError('EMAIL_TAKEN');
}

/**
 * A new account with a one-time temporary password (as `adminResetPassword` gives): returned in
 * this answer only, stored only as a hash, to be replaced at the first sign-in.
 */
export async function createUser(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof createUserInput>,
) {
  const password = temporaryPassword();
  // argon2id takes tens of milliseconds: hashed before the transaction opens.
  const passwordHash = await hashPassword(password);
  const id = `u-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  try {
    await ctx.db.$transaction(async (tx) => {
      await assertFree(tx, input.username, input.email);
      const roles = await checkRoleUnits(tx, input.roles);
      await tx.user.create({
        data: {
          id,
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          subjects: input.subjects ?? [],
          capacity: input.capacity ?? 0,
          passwordHash,
          mustChangePassword: true,
        },
      });
      await tx.roleAssignment.createMany({
        data: roles.map((r) => ({ id: `${id}:${r.role}:${r.unitId}`, userId: id, ...r })),
      });
      await tx.auditLog.create({
        data: adminAuditRow(ctx, 'admin.user.create', { type: 'user', id }, describeRoles(roles)),
      });
    });
  } catch (error) {
    // Two admins creating the same account at once: the unique index answers for the loser.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const byName = await ctx.db.user.count({
        where: { username: { equals: input.username, mode: 'insensitive' } },
      });
      throw new AppError(byName ? 'USERNAME_TAKEN' : 'EMAIL_TAKEN');
    }
    throw error;
  }
  return {
    userId: id,
    username: input.username,
    displayName: input.displayName,
    temporaryPassword: password,
    mustChangePassword: true as const,
  };
}
