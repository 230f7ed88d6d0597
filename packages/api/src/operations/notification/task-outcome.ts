import { notifiedTask, readCaseDetail } from '@donghanh/db';
import { AppError, identityView } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';
import { audienceOf } from '../case/read-case';

/**
 * h13: where a bell item leads once its task is no longer open — done (when, by whom), expired
 * or cancelled. Only for someone the task was notified to, or whose task it was. Who did it and the link to the case
 * are shown only to a person the identity rule still lets see the case (a teacher whose offer
 * lapsed is no longer one); never the child — the case's code is what the notification said.
 */
export async function taskOutcome(ctx: Context & { user: SessionUser }, taskId: string) {
  const task = await notifiedTask(ctx.db, ctx.user.id, taskId);
  if (!task) throw new AppError('NOTIFIED_TASK_NOT_FOUND');
  const detail = await readCaseDetail(ctx.db, task.caseId);
  const scope = detail ? await boardScopeOf(ctx.db, ctx.user) : null;
  const mayOpenCase =
    detail !== null && scope !== null && identityView(scope, audienceOf(detail), 'case_page') !== 'none';
  return {
    taskId: task.id,
    type: task.type,
    status: task.status,
    caseCode: task.case.code,
    completedAt: task.completedAt?.toISOString() ?? null,
    completedBy: mayOpenCase ? task.completedByName : null,
    caseId: mayOpenCase ? task.caseId : null,
  };
}
