import { randomUUID } from 'node:crypto';
import { readCaseDetail } from '@donghanh/db';
import {
  AppError,
  type CaseAudienceFacts,
  identityFields,
  identityView,
  maskedCaseContent,
  relationTo,
  seesFamily,
  seesFreeText,
  type Viewer,
} from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/** How long an office user's reveal of a child's identity lasts. */
export const REVEAL_MINUTES = 30;

/** The facts of a case that decide who sees its child (identity-rule.ts). */
export function audienceOf(d: NonNullable<Awaited<ReturnType<typeof readCaseDetail>>>): CaseAudienceFacts {
  return {
    caseId: d.case.id,
    schoolId: d.case.school.id,
    helperUserIds: d.case.helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.userId),
    offeredUserIds: d.case.helpers.filter((h) => h.status === 'OFFERED').map((h) => h.userId),
    homeroomId: d.identity.homeroomId,
  };
}

/**
 * The viewer's facts for one case: their board scope, plus a live reveal of this case if any,
 * with when it ends (read once: a reveal that lapses during the request still ends this read).
 */
async function viewerOf(
  ctx: Context & { user: SessionUser },
  facts: CaseAudienceFacts,
): Promise<{ viewer: Viewer; revealedUntil: Date | null }> {
  const scope = await boardScopeOf(ctx.db, ctx.user);
  if (relationTo(scope, facts) !== 'office') return { viewer: scope, revealedUntil: null };
  const reveal = await ctx.db.identityReveal.findFirst({
    where: { userId: ctx.user.id, caseId: facts.caseId, expiresAt: { gt: new Date() } },
    select: { caseId: true, expiresAt: true },
    orderBy: { expiresAt: 'desc' },
  });
  return {
    viewer: { ...scope, revealedCaseIds: new Set(reveal ? [reveal.caseId] : []) },
    revealedUntil: reveal?.expiresAt ?? null,
  };
}

/**
 * The case page, in the view the identity rule gives the caller: the school's record by name,
 * an office's pseudonymous view built from an allow-list (case-views.ts), or that view plus the
 * child's identity — after an office's audited reveal, or for a teacher offered the case who
 * needs the name to decide. Every read that includes the identity is audited.
 */
export async function readCase(ctx: Context & { user: SessionUser }, caseId: string) {
  const d = await readCaseDetail(ctx.db, caseId);
  if (!d) throw new AppError('CASE_NOT_FOUND');
  const facts = audienceOf(d);
  const { viewer, revealedUntil } = await viewerOf(ctx, facts);
  const view = identityView(viewer, facts, 'case_page');
  // caseReader let the caller in; the rule still has the last word on what they see.
  if (view === 'none') throw new AppError('CASE_NOT_FOUND');
  if (view === 'masked')
    return {
      ...maskedCaseContent(d.case),
      view,
      freeText: false as const,
      identity: null,
      masked: true as const,
      revealedUntil: null,
    };
  const freeText = seesFreeText(viewer, facts, 'case_page');
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'student.read',
      subjectType: 'student',
      subjectId: d.identity.studentId,
      caseId,
      reason: view === 'revealed' ? 'identity revealed' : freeText ? null : 'offer to decide',
      ip: ctx.clientAddress,
    },
  });
  const identity = identityFields(d.identity);
  if (!freeText)
    // Who the child is, not what the school wrote about them: an office's reveal, or an offer
    // not yet accepted.
    return {
      ...maskedCaseContent(d.case),
      view,
      freeText: false as const,
      identity: { ...identity, family: null },
      masked: false as const,
      /** Until when the office user's reveal lasts. */
      revealedUntil: view === 'revealed' && revealedUntil ? revealedUntil.toISOString() : null,
    };
  // Opened only here, only for staff with a lasting role on the case, and covered by the audit row.
  const family =
    seesFamily(viewer, facts, 'case_page') && d.identity.familySealed && ctx.cipher
      ? ctx.cipher.open(d.identity.familySealed, identity.studentId)
      : null;
  return {
    ...d.case,
    view,
    freeText: true as const,
    identity: { ...identity, family },
    masked: false as const,
    revealedUntil: null,
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
