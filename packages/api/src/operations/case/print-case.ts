import { readCaseDetail, systemToday } from '@donghanh/db';
import { AppError, identityView, relationTo } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';
import { audienceOf } from './read-case';

export const PRINT_DOCUMENTS = ['case_file', 'plan', 'evaluation'] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

/**
 * Before a case's paper is drawn: who may print what, the letterhead, and the day to date it.
 * Paper leaves the product, so it follows the identity rule's `export` surface (an office's
 * reveal names a screen, never a sheet); the case file is the school's own record and is
 * printed only by its staff on the case. Every print is audited against the child.
 */
export async function printCase(
  ctx: Context & { user: SessionUser },
  caseId: string,
  document: PrintDocument,
) {
  const d = await readCaseDetail(ctx.db, caseId);
  if (!d) throw new AppError('CASE_NOT_FOUND');
  const facts = audienceOf(d);
  const viewer = await boardScopeOf(ctx.db, ctx.user);
  if (relationTo(viewer, facts) === 'stranger') throw new AppError('CASE_NOT_FOUND');
  const view = identityView(viewer, facts, 'export');
  if (document === 'case_file' && view !== 'named') throw new AppError('CASE_FILE_SCHOOL_ONLY');
  const school = await ctx.db.school.findUniqueOrThrow({
    where: { id: d.case.school.id },
    select: { name: true, unit: { select: { parent: { select: { name: true } } } } },
  });
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'case.print',
      subjectType: 'student',
      subjectId: d.identity.studentId,
      caseId,
      reason: `${document}:${view}`,
      ip: ctx.clientAddress,
    },
  });
  return {
    document,
    named: view === 'named',
    header: { school: school.name, parentUnit: school.unit.parent?.name ?? null },
    today: systemToday(),
  };
}
