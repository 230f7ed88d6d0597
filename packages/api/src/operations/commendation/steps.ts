import { refuseTextNamingAPupil } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

type Caller = Context & { user: SessionUser };
const proposalId = (campaignId: string, schoolId: string, userId: string | null) =>
  `com-${campaignId}-${schoolId}-${userId ?? 'school'}`;

/** The school proposes a teacher (or itself) with a note; proposing again replaces a proposal not yet signed. */
export async function proposeCommendation(
  ctx: Caller,
  input: { campaignId: string; schoolId: string; teacherId: string | null; note: string },
) {
  // The note is about staff; it is kept and sent to the office, so it may not name a pupil.
  await refuseTextNamingAPupil(ctx.db, { schoolId: input.schoolId }, [input.note]);
  if (input.teacherId) {
    const school = await ctx.db.school.findUniqueOrThrow({
      where: { id: input.schoolId },
      select: { unitId: true },
    });
    const staff = await ctx.db.roleAssignment.count({
      where: { userId: input.teacherId, unitId: school.unitId },
    });
    if (staff === 0)
      throw new AppError('COMMENDATION_TEACHER_OUTSIDE_SCHOOL', { teacherId: input.teacherId });
  }
  const id = proposalId(input.campaignId, input.schoolId, input.teacherId);
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.commendationProposal.findUnique({ where: { id } });
    if (existing && existing.status !== 'proposed')
      throw new AppError('COMMENDATION_WRONG_STATE', { status: existing.status });
    await tx.commendationProposal.upsert({
      where: { id },
      update: { note: input.note, proposedById: ctx.user.id },
      create: {
        id,
        campaignId: input.campaignId,
        schoolId: input.schoolId,
        subjectType: input.teacherId ? 'teacher' : 'school',
        subjectUserId: input.teacherId,
        note: input.note,
        proposedById: ctx.user.id,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'commendation.propose',
        subjectType: 'commendation',
        subjectId: id,
        ip: ctx.clientAddress,
      },
    });
    return { proposalId: id, status: 'proposed' as const };
  });
}

/** One step on a proposal, only from the status it expects (a conditional update: no race). */
async function move(
  ctx: Caller,
  id: string,
  from: string,
  data: { status: string } & Record<string, unknown>,
  action: string,
) {
  // The step and its audit row in one transaction: a failed audit leaves the proposal as it was.
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.commendationProposal.updateMany({ where: { id, status: from }, data });
    if (count === 0) {
      const p = await tx.commendationProposal.findUnique({ where: { id }, select: { status: true } });
      if (!p) throw new AppError('COMMENDATION_NOT_FOUND', { proposalId: id });
      throw new AppError('COMMENDATION_WRONG_STATE', { status: p.status });
    }
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action,
        subjectType: 'commendation',
        subjectId: id,
        ip: ctx.clientAddress,
      },
    });
    return { proposalId: id, status: data.status };
  });
}

export function signCommendation(ctx: Caller, input: { proposalId: string }) {
  return move(
    ctx,
    input.proposalId,
    'proposed',
    { status: 'signed', signedById: ctx.user.id, signedAt: new Date() },
    'commendation.sign',
  );
}

export async function decideCommendation(
  ctx: Caller,
  input: { proposalId: string; approve: boolean; note?: string | undefined },
) {
  if (input.note) {
    const p = await ctx.db.commendationProposal.findUnique({
      where: { id: input.proposalId },
      select: { schoolId: true },
    });
    if (p) await refuseTextNamingAPupil(ctx.db, { schoolId: p.schoolId }, [input.note]);
  }
  return move(
    ctx,
    input.proposalId,
    'signed',
    {
      status: input.approve ? 'approved' : 'declined',
      decidedById: ctx.user.id,
      decidedAt: new Date(),
      decisionNote: input.note ?? null,
    },
    'commendation.decide',
  );
}
