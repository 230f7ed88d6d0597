import { randomUUID } from 'node:crypto';
import { readCaseDetail } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

/** How long an office user's reveal of a child's identity lasts. */
export const REVEAL_MINUTES = 30;

/**
 * May this caller see the child's name? Staff of the child's own school with a role on the case:
 * the helpers, the school's coordinators and principal, the homeroom teacher. Office roles see
 * the pseudonym unless they revealed the identity (with a reason, audited, for a while).
 */
async function seesIdentity(
  ctx: Context & { user: SessionUser },
  d: NonNullable<Awaited<ReturnType<typeof readCaseDetail>>>,
) {
  const me = ctx.user;
  if (d.case.helpers.some((h) => h.userId === me.id && (h.status === 'ACTIVE' || h.status === 'OFFERED')))
    return 'role';
  if (d.identity.homeroomId === me.id) return 'role';
  if (
    me.roles.some(
      (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === d.case.school.unitId,
    )
  )
    return 'role';
  const reveal = await ctx.db.identityReveal.findFirst({
    where: { userId: me.id, caseId: d.case.id, expiresAt: { gt: new Date() } },
    select: { expiresAt: true },
    orderBy: { expiresAt: 'desc' },
  });
  return reveal ? { until: reveal.expiresAt } : null;
}

/** The case page. Every read that includes the child's identity is written to the audit log. */
export async function readCase(ctx: Context & { user: SessionUser }, caseId: string) {
  const d = await readCaseDetail(ctx.db, caseId);
  if (!d) throw new AppError('CASE_NOT_FOUND');
  const why = await seesIdentity(ctx, d);
  if (!why)
    return {
      ...d.case,
      // Notes and comments are free text that may name the child.
      events: d.case.events.map(({ payload: _, ...e }) => ({ ...e, payload: null })),
      identity: null,
      masked: true as const,
      revealedUntil: null,
    };
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'student.read',
      subjectType: 'student',
      subjectId: d.identity.studentId,
      caseId,
      reason: why === 'role' ? null : 'identity revealed',
      ip: ctx.clientAddress,
    },
  });
  const { homeroomId: _, familySealed, ...identity } = d.identity;
  // Opened only here, only for staff on the case (a reveal shows who, not the family's story),
  // and covered by the audit row above.
  const family =
    why === 'role' && familySealed && ctx.cipher ? ctx.cipher.open(familySealed, identity.studentId) : null;
  return {
    ...d.case,
    identity: { ...identity, family },
    masked: false as const,
    /** Until when an office user's reveal lasts (null for staff who see the name by role). */
    revealedUntil: why === 'role' ? null : why.until.toISOString(),
  };
}

/** An office user reveals one child's identity for a written reason: audited, and it expires. */
export async function revealIdentity(ctx: Context & { user: SessionUser }, caseId: string, reason: string) {
  const c = await ctx.db.case.findUnique({ where: { id: caseId }, select: { studentId: true } });
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const expiresAt = new Date(Date.now() + REVEAL_MINUTES * 60_000);
  await ctx.db.$transaction([
    ctx.db.identityReveal.create({
      data: { id: randomUUID(), userId: ctx.user.id, caseId, studentId: c.studentId, reason, expiresAt },
    }),
    ctx.db.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'identity.reveal',
        subjectType: 'student',
        subjectId: c.studentId,
        caseId,
        reason,
        ip: ctx.clientAddress,
      },
    }),
  ]);
  return { expiresAt: expiresAt.toISOString(), case: await readCase(ctx, caseId) };
}
