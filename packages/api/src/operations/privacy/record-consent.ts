import { randomUUID } from 'node:crypto';
import { caseConsentState, readCaseConsent, recordCaseConsent, recordCaseLegalBasis } from '@donghanh/db';
import { AppError, isoDateAt, type RecordConsentInput, type RecordLegalBasisInput } from '@donghanh/domain';
import { caseWorkflowId, consentRecordedUpdate } from '@donghanh/workflows/messages';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Context, SessionUser } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from '../case/workflow-errors';

type Ctx = Context & { user: SessionUser };

function actor(ctx: Ctx) {
  const now = new Date();
  // Each request is one recording: a retry of the same HTTP call is a new recording, not a duplicate event.
  return { actorId: ctx.user.id, now, today: isoDateAt(now), ip: ctx.clientAddress };
}

/**
 * Tells the case's workflow a consent was recorded, so it closes its task asking for the child's
 * own consent once the new recording holds it. A case without a running workflow (declined, its
 * data erased) has no such task.
 */
async function tellWorkflow(ctx: Ctx, caseId: string): Promise<void> {
  try {
    await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow
        .getHandle(caseWorkflowId(caseId))
        .executeUpdate(consentRecordedUpdate, { args: [] }),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    throw asWorkflowError(error);
  }
}

/**
 * The school records the guardian's (and, from 7, the child's) consent. The guardian's name is
 * sealed with the data key, so without DATA_KEY nothing is written.
 */
export async function recordConsent(ctx: Ctx, input: RecordConsentInput) {
  if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  const written = await recordCaseConsent(ctx.db, ctx.cipher, input, {
    ...actor(ctx),
    idempotencyKey: `${input.caseId}:consent:${randomUUID()}`,
  });
  await tellWorkflow(ctx, input.caseId);
  return {
    caseId: input.caseId,
    eventId: written.eventId.toString(),
    ...(await caseConsentState(ctx.db, input.caseId)),
  };
}

/** The school states the legal basis that makes consent unnecessary: recorded and audited like a consent. */
export async function recordLegalBasis(ctx: Ctx, input: RecordLegalBasisInput) {
  const written = await recordCaseLegalBasis(ctx.db, input, {
    ...actor(ctx),
    idempotencyKey: `${input.caseId}:consent:${randomUUID()}`,
  });
  await tellWorkflow(ctx, input.caseId);
  return {
    caseId: input.caseId,
    eventId: written.eventId.toString(),
    ...(await caseConsentState(ctx.db, input.caseId)),
  };
}

/** The consent section and the printable form: guardian names for the school's coordinators only. */
export async function getConsent(ctx: Ctx, caseId: string) {
  const read = await readCaseConsent(ctx.db, ctx.cipher, caseId);
  if (!read) throw new AppError('CASE_NOT_FOUND');
  // The school's staff, to pick the two witnesses of a consent given in person.
  const school = await ctx.db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { school: { select: { unitId: true } } },
  });
  const staff = await ctx.db.user.findMany({
    where: {
      disabledAt: null,
      roles: {
        some: {
          unitId: school.school.unitId,
          role: { in: ['TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL'] },
        },
      },
    },
    select: { id: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
  return { ...read, staff };
}
