import { AppError, idSchema } from '@donghanh/domain';
import { classListOnSchool } from '../../access/rules';
import { resolveSession } from '../../auth/session';
import type { ApiDeps, Context } from '../../context';
import { receiveClassListUpload } from './receive-upload';

/** Who is uploading, checked before a byte of the file is read: the session and the access rule. */
export async function authoriseClassListUpload(
  deps: ApiDeps,
  req: { cookie: string | undefined; clientAddress: string | null; requestId: string },
  schoolId: string,
) {
  const session = await resolveSession(deps.db, req.cookie);
  if (!session) throw new AppError('UNAUTHENTICATED');
  const user = session.user;
  if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  const ctx: Context & { user: typeof user } = {
    ...deps,
    user,
    sessionId: session.sessionId,
    clientAddress: req.clientAddress,
    requestId: req.requestId,
  };
  const school = idSchema.safeParse(schoolId);
  if (!school.success || !(await classListOnSchool.allows(ctx, { schoolId: school.data })))
    throw new AppError('FORBIDDEN');
  return ctx;
}

export type AuthorisedUpload = Awaited<ReturnType<typeof authoriseClassListUpload>>;

/** Reads the uploaded workbook of an authorised caller (the server's route passes the raw body). */
export const receiveAuthorisedUpload = (
  ctx: AuthorisedUpload,
  input: { schoolId: string; fileName: string; bytes: Buffer },
) => receiveClassListUpload(ctx, input);

/**
 * The class-list upload, outside tRPC: the same session, the same access rule as the
 * procedures, the same error codes.
 */
export async function uploadClassList(
  deps: ApiDeps,
  req: { cookie: string | undefined; clientAddress: string | null; requestId: string },
  input: { schoolId: string; fileName: string; bytes: Buffer },
) {
  return receiveAuthorisedUpload(await authoriseClassListUpload(deps, req, input.schoolId), input);
}
