import {
  answerSubjectRequest as answerRequest,
  applyDataCorrection,
  listSubjectRequests,
  openSubjectRequest as openRequest,
  readSubjectExport,
  systemNow,
} from '@donghanh/db';
import { AppError, type DataCorrectionInput, type OpenSubjectRequestInput } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

type Ctx = Context & { user: SessionUser };
// The calendar's now (systemNow: the wall clock unless DONGHANH_TODAY pins a day), the same
// today the consent step and the dashboard's forms use: a time entered "now" is never refused.
const who = (ctx: Ctx) => ({ actorId: ctx.user.id, now: systemNow(), ip: ctx.clientAddress });

/** A guardian's (or the child's) request reaches the school: logged with its due time. */
export async function openSubjectRequest(ctx: Ctx, input: OpenSubjectRequestInput) {
  if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  return openRequest(ctx.db, ctx.cipher, input, who(ctx));
}

async function requireRequestOfCase(ctx: Ctx, requestId: string, caseId: string) {
  const r = await ctx.db.subjectRequest.findUnique({ where: { id: requestId }, select: { caseId: true } });
  if (r?.caseId !== caseId) throw new AppError('SUBJECT_REQUEST_NOT_FOUND');
}

export async function answerSubjectRequest(
  ctx: Ctx,
  input: { caseId: string; requestId: string; answeredAt: string },
) {
  await requireRequestOfCase(ctx, input.requestId, input.caseId);
  return answerRequest(ctx.db, input.requestId, new Date(input.answeredAt), who(ctx));
}

export function listRequests(ctx: Ctx, caseId: string) {
  return listSubjectRequests(ctx.db, ctx.cipher, caseId, systemNow());
}

/**
 * Everything held about the child, as one JSON document (the printable page renders the same
 * document). The export itself is audited, and shows up in the next export's list of reads.
 */
export async function exportSubjectData(ctx: Ctx, input: { caseId: string; requestId?: string | undefined }) {
  if (input.requestId) await requireRequestOfCase(ctx, input.requestId, input.caseId);
  const data = await readSubjectExport(ctx.db, ctx.cipher, input.caseId);
  if (!data) throw new AppError('CASE_NOT_FOUND');
  const generatedAt = new Date();
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'subject.export',
      subjectType: 'student',
      subjectId: data.identity.studentId,
      caseId: input.caseId,
      reason: input.requestId ? `request ${input.requestId}` : null,
      ip: ctx.clientAddress,
    },
  });
  return { generatedAt: generatedAt.toISOString(), generatedBy: ctx.user.displayName, ...data };
}

/** A correction of the child's record: kept (old and new values sealed) and audited. */
export async function correctData(ctx: Ctx, input: DataCorrectionInput) {
  if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  return applyDataCorrection(ctx.db, ctx.cipher, input, who(ctx));
}
