import { caseConsentState, readCaseConsent } from '@donghanh/db';
import { AppError, type RecordConsentRequest, type RecordLegalBasisRequest } from '@donghanh/domain';
import {
  type ConsentRecordedResult,
  caseWorkflowId,
  type RecordConsentArgs,
  type RecordLegalBasisArgs,
  recordConsentUpdate,
  recordLegalBasisUpdate,
} from '@donghanh/workflows/messages';
import { updateIds } from '@donghanh/workflows/task-ids';
import { type UpdateDefinition, WorkflowNotFoundError } from '@temporalio/client';
import type { Context, SessionUser } from '../../context';
import { asWorkflowError, withWorkflowDeadline } from '../case/workflow-errors';

type Ctx = Context & { user: SessionUser };

/**
 * A consent (or a legal basis) is a step of the case's workflow, its one writer: the workflow's
 * activity writes the rows, the event and the audit row and closes the child's-consent task in
 * one transaction, so the database and the workflow agree after every step. Nothing is written
 * here: an unreachable workflow answers WORKFLOW_UNAVAILABLE with nothing saved. The recording's
 * id is made by the form when it opens and kept across its retries; it is also the update's id,
 * so Temporal delivers a repeated call once, and the activity's key writes it once.
 */
async function forwardRecording<A extends RecordConsentArgs | RecordLegalBasisArgs>(
  ctx: Ctx,
  caseId: string,
  update: UpdateDefinition<ConsentRecordedResult, [A]>,
  recordingId: string,
  args: Omit<A, 'actorId' | 'recordingId' | 'ip'>,
) {
  let recorded: ConsentRecordedResult;
  try {
    recorded = await withWorkflowDeadline(ctx, () =>
      ctx.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(update, {
        args: [{ ...args, actorId: ctx.user.id, recordingId, ip: ctx.clientAddress } as A],
        updateId: updateIds.consentRecording(recordingId),
      }),
    );
  } catch (error) {
    // The case row exists (the access rule read it); its workflow ended: declined, or erased.
    if (error instanceof WorkflowNotFoundError) throw new AppError('CASE_NOT_RUNNING');
    throw asWorkflowError(error);
  }
  return { ...recorded, ...(await caseConsentState(ctx.db, caseId)) };
}

/**
 * The school records the guardian's (and, from 7, the child's) consent. The guardian's name is
 * sealed with the data key, so without DATA_KEY nothing is written.
 */
export async function recordConsent(ctx: Ctx, input: RecordConsentRequest) {
  if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
  const { caseId, recordingId, ...consent } = input;
  return forwardRecording<RecordConsentArgs>(ctx, caseId, recordConsentUpdate, recordingId, { consent });
}

/** The school states the legal basis that makes consent unnecessary: recorded and audited like a consent. */
export async function recordLegalBasis(ctx: Ctx, input: RecordLegalBasisRequest) {
  const { caseId, recordingId, ...legalBasis } = input;
  return forwardRecording<RecordLegalBasisArgs>(ctx, caseId, recordLegalBasisUpdate, recordingId, {
    legalBasis,
  });
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
