import { AppError } from '@donghanh/domain';
import { classListOnSchool } from '../../access/rules';
import { resolveSession } from '../../auth/session';
import type { ApiDeps, Context } from '../../context';
import { receiveClassListUpload } from './receive-upload';

/**
 * The class-list upload, outside tRPC (the server's route passes the raw body): the same session,
 * the same access rule as the procedures, the same error codes.
 */
export async function uploadClassList(
  deps: ApiDeps,
  req: { cookie: string | undefined; clientAddress: string | null; requestId: string },
  input: { schoolId: string; fileName: string; bytes: Buffer },
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
  if (
    !/^[\w-]{1,64}$/.test(input.schoolId) ||
    !(await classListOnSchool.allows(ctx, { schoolId: input.schoolId }))
  )
    throw new AppError('FORBIDDEN');
  return receiveClassListUpload(ctx, input);
}
